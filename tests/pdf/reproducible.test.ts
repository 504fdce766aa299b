import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo } from '../helpers/pdf.ts';
import { buildCampaign, type CampaignBuild } from './campaign-build.ts';

const run = promisify(execFile);

describe('reproducible, honest output', () => {
  let first: CampaignBuild;
  let second: CampaignBuild;
  beforeAll(async () => {
    // Two different folders: identical bytes also prove no path is written into the PDFs.
    first = await buildCampaign();
    second = await buildCampaign();
  });
  afterAll(async () => {
    await first.cleanup();
    await second.cleanup();
  });

  it('gives byte-identical PDFs and manifest for the same inputs', async () => {
    expect(first.result.publications.length).toBe(8);
    for (const { id } of first.result.publications) {
      const a = await readFile(first.pdf(id));
      const b = await readFile(second.pdf(id));
      expect(a.equals(b), id).toBe(true);
    }
    const manifestA = await readFile(`${first.root}/output/manifest.json`, 'utf8');
    const manifestB = await readFile(`${second.root}/output/manifest.json`, 'utf8');
    expect(manifestA).toBe(manifestB);
  });

  it('writes no path or user name of the building machine', async () => {
    const user = userInfo().username;
    for (const { id } of first.result.publications) {
      const { stdout } = await run('qpdf', ['--stream-data=uncompress', '--object-streams=disable', first.pdf(id), '-'], {
        encoding: 'latin1',
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(stdout).not.toContain(first.root);
      expect(stdout).not.toContain(homedir());
      expect(stdout).not.toContain('/tmp/');
      if (user.length > 4) expect(stdout).not.toContain(user);
    }
    const manifest = await readFile(`${first.root}/output/manifest.json`, 'utf8');
    expect(manifest).not.toContain(first.root);
  });

  it('dates a PDF from its front matter, or from SOURCE_DATE_EPOCH when set', async () => {
    expect((await pdfInfo(first.pdf('pamphlets/janaozen-2011'))).fields.CreationDate).toMatch(/Dec 16 00:00:00 2011 UTC/);
    const epoch = await buildCampaign({ SOURCE_DATE_EPOCH: '1700000000' });
    try {
      const info = await pdfInfo(epoch.pdf('pamphlets/janaozen-2011'));
      expect(info.fields.CreationDate).toMatch(/Nov 14 22:13:20 2023 UTC/);
      expect(info.fields.ModDate).toMatch(/Nov 14 22:13:20 2023 UTC/);
    } finally {
      await epoch.cleanup();
    }
  });
});
