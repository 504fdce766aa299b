/// <reference lib="dom" />
/**
 * The download page as a distributor sees it: the campaign built, served by
 * `roneo serve`'s server, opened in a real headless Chromium (Debian's, at
 * /usr/bin/chromium, which .ci/run installs; CHROMIUM overrides the path).
 * Every preview must load, every download link must give the file whose
 * SHA-256 the manifest states, the page must be usable from the keyboard and
 * on a phone's width. A screenshot of each is kept in the temporary project's
 * `screenshots/` while the test runs, and in RONEO_SCREENSHOTS if set.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.ts';
import { type RunningServer, startServer } from '../../src/serve/index.ts';
import { buildCampaign, type CampaignBuild } from '../pdf/campaign-build.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let campaign: CampaignBuild;
let server: RunningServer;
let browser: Browser;
let page: Page;
let manifest: Manifest;

beforeAll(async () => {
  campaign = await buildCampaign();
  expect(campaign.result.ok).toBe(true);
  manifest = JSON.parse(await readFile(join(campaign.root, 'output/manifest.json'), 'utf8')) as Manifest;
  server = await startServer({ root: campaign.root, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await campaign?.cleanup();
});

async function screenshot(name: string, full: boolean): Promise<Buffer> {
  const image = await page.screenshot({ fullPage: full });
  for (const dir of [join(campaign.root, 'screenshots'), process.env.RONEO_SCREENSHOTS].filter((d): d is string => !!d)) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), image);
  }
  return image;
}

describe('the download page in Chromium', () => {
  it('opens from roneo serve with its title, in French, and loads every preview', async () => {
    expect(await page.title()).toBe('Tracts, brochures et dossier à télécharger');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const previews = page.locator('img.preview');
    // One per card: a leaflet for several local groups shows its first group's page.
    expect(await previews.count()).toBe(manifest.publications.filter((p) => p.preview).length);
    // The previews load lazily: bring each one into view, as a reader scrolling would.
    for (const preview of await previews.all()) {
      await preview.scrollIntoViewIfNeeded();
      await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
      expect(await preview.getAttribute('alt')).toMatch(/^Première page : .+/);
    }
    const shot = await screenshot('download-page.png', true);
    expect(shot.byteLength).toBeGreaterThan(10_000);
  });

  it('follows every download link and receives the file the manifest describes, byte for byte', async () => {
    const expected = new Map<string, string>();
    for (const entry of manifest.publications) for (const file of entry.files ?? []) expected.set(file.file, file.sha256);
    const hrefs = await page.locator('.downloads a, .groups a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const files = new Set(hrefs.map((href) => decodeURIComponent(new URL(href).pathname.slice(1))));
    expect([...files].sort()).toEqual([...expected.keys()].sort());
    for (const href of new Set(hrefs)) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type'], href).toBe('application/pdf');
      const body = await response.body();
      const file = decodeURIComponent(new URL(href).pathname.slice(1));
      expect(createHash('sha256').update(body).digest('hex'), href).toBe(expected.get(file));
    }
  });

  it('downloads a print file when its link is clicked, as the browser saves it', async () => {
    const link = page.locator('.downloads a', { hasText: 'Brochure à imprimer et plier' }).first();
    const file = decodeURIComponent((await link.getAttribute('href'))!);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = await readFile((await download.path())!);
    const entry = manifest.publications.find((p) => p.print?.file === file)!;
    expect(download.suggestedFilename()).toBe(file.split('/').at(-1));
    expect(createHash('sha256').update(saved).digest('hex')).toBe(entry.print!.sha256);
    await page.goto(server.url);
  });

  it('is usable from the keyboard: every link and summary is reached by Tab, with a visible focus', async () => {
    const targets = await page.locator('a[href], summary').count();
    const reached = new Set<string>();
    let outlined = 0;
    await page.locator('body').focus();
    for (let press = 0; press < targets + 2; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        return { key: `${element.tagName}:${element.getAttribute('href') ?? element.textContent}:${element.closest('article')?.id ?? ''}`, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (focused) {
        reached.add(focused.key);
        if (focused.outline) outlined += 1;
      }
    }
    expect(reached.size).toBe(targets);
    expect(outlined).toBeGreaterThanOrEqual(targets);
  });

  it('has headings in order, and text dark enough on its background', async () => {
    const levels = await page.locator('h1, h2, h3').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    // WCAG contrast of every text element against the background it is painted on.
    const worst = await page.evaluate(() => {
      const luminance = (rgb: number[]) => {
        const [r, g, b] = rgb.map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const background = (element: Element | null): number[] => {
        for (let e = element; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      let lowest = { ratio: 21, text: '' };
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        const own = Array.from(element.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!own || (element as HTMLElement).offsetParent === null) continue;
        const [a, b] = [luminance(parse(getComputedStyle(element).color).slice(0, 3)), luminance(background(element))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < lowest.ratio) lowest = { ratio, text: element.textContent!.trim().slice(0, 40) };
      }
      return lowest;
    });
    expect(worst.ratio, worst.text).toBeGreaterThanOrEqual(4.5);
  });

  it('fits a phone’s width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const card = await page.locator('article').first().boundingBox();
    expect(card!.width).toBeLessThanOrEqual(375);
    expect(card!.width).toBeGreaterThan(300);
    await screenshot('download-page-phone.png', false);
  });
});
