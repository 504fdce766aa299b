import Handlebars from 'handlebars';
import { at, type Diagnostics } from '../../diagnostics/diagnostic.ts';
import { formatDate } from '../../layout/format-date.ts';
import { createHandlebars } from '../../layout/handlebars-env.ts';
import { sha256Of } from '../../world/content-hash.ts';
import type { World } from '../../world/world.ts';
import type { Staging } from '../staging.ts';
import type { PageData } from './page-data.ts';

/** The download page's template, beside the layouts so editors restyle it the same way. */
export const PAGE_TEMPLATE = 'site/index.hbs';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/**
 * `{{value}}` in HTML must be HTML-escaped, where the layouts' JSON5 needs
 * JSON escaping (see handlebars-env.ts). Handlebars takes the escaper from
 * its shared Utils when a template runs, so the page is rendered with the
 * HTML escaper swapped in for the duration of the (synchronous) call.
 */
function escapeHtml(value: unknown): string {
  if (value instanceof Handlebars.SafeString) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  return String(value).replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Stages `<out>/index.html` unless the page in place was made from the same inputs: it ends with the key of
 * what it was made from (the template, the manifest behind `data`, and `inputs`: the string tables and
 * Roneo's version), so a build that changed none of them neither fills the template nor writes the page.
 */
export async function stagePage(world: World, staging: Staging, dirs: { templates: string; out: string }, page: { manifest: unknown; inputs: string; data: () => PageData }, diagnostics: Diagnostics): Promise<void> {
  const path = `${dirs.templates}/${PAGE_TEMPLATE}`;
  const bytes = await world.readFile(path).catch(() => undefined);
  if (!bytes) {
    diagnostics.warn(at(path), 'no download page: the template is missing', 'site-template');
    return;
  }
  const stamp = `<!-- roneo page ${sha256Of(`${page.inputs}\0${sha256Of(bytes)}\0${JSON.stringify(page.manifest)}`)} -->\n`;
  const current = await world.readFile(`${dirs.out}/index.html`).catch(() => undefined);
  if (current && new TextDecoder().decode(current.subarray(-stamp.length)) === stamp) return;
  const filled = fillPage(path, bytes, page.data(), diagnostics);
  if (filled !== undefined) await staging.put(`${dirs.out}/index.html`, new TextEncoder().encode(`${filled}${stamp}`));
}

/** Fills the template with the page's data; errors in it are reported at the template like a layout's. */
function fillPage(path: string, bytes: Uint8Array, data: PageData, diagnostics: Diagnostics): string | undefined {
  const source = new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n');
  const hb = createHandlebars();
  hb.registerHelper('t', (key: unknown) => {
    const word = data.strings[String(key)];
    if (word === undefined) throw new Error(`no string "${String(key)}" in the string tables`);
    return word;
  });
  hb.registerHelper('date', (value: unknown) => (typeof value === 'string' ? formatDate(value, data.lang) : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  let template: HandlebarsTemplateDelegate<PageData>;
  try {
    // compile() is lazy: precompile() finds syntax errors now, while their position is known.
    hb.precompile(source);
    template = hb.compile<PageData>(source);
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(e.message)?.[1] ?? 1);
    const detail = e.message.startsWith('Parse error') ? (e.message.split('\n').at(-1) ?? e.message) : e.message.replace(/ - \d+:\d+$/, '');
    diagnostics.error(at(path, line, e.column !== undefined ? e.column + 1 : 1), `template syntax error: ${detail.trim()}`, 'template-syntax');
    return undefined;
  }
  const utils = Handlebars.Utils as { escapeExpression: (value: unknown) => string };
  const jsonEscape = utils.escapeExpression;
  try {
    utils.escapeExpression = escapeHtml;
    return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    const message = String((error as Error).message).split('\n')[0]!;
    const field = /"([^"]+)" not defined/.exec(message)?.[1];
    const where = field ? positionOf(source, new RegExp(`{{[#^/]?\\s*(?:[\\w.]+\\s+)?${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)) : undefined;
    diagnostics.error(at(path, where?.line ?? 1, where?.column ?? 1), `template error: ${message}`, 'template-runtime');
    return undefined;
  } finally {
    utils.escapeExpression = jsonEscape;
  }
}

function positionOf(text: string, pattern: RegExp): { line: number; column: number } | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
