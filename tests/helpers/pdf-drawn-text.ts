import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The exact characters a PDF draws, page by page, decoded from its content
 * streams through each font's ToUnicode map. Text extractors (poppler,
 * pdf.js) normalise U+202F and U+00A0 to plain spaces, which would hide
 * exactly what the typography tests check. Handles what Roneo's PDFs
 * contain: Type0 fonts with Identity-H and `Tj`/`TJ` hex strings.
 */
export async function drawnText(file: string): Promise<string[]> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
  const pdf = Buffer.from(stdout, 'latin1').toString('utf8');
  const objects = new Map<number, string>();
  for (const match of pdf.matchAll(/^(\d+) 0 obj\n([\s\S]*?)\nendobj$/gm)) objects.set(Number(match[1]), match[2]!);

  const pagesRoot = [...objects.values()].find((body) => /\/Type \/Pages\b/.test(body) && !/\/Parent /.test(body));
  const pageIds = pagesRoot ? kids(pagesRoot, objects) : [];
  const cmaps = new Map<number, Map<number, string>>();

  return pageIds.map((id) => {
    const page = objects.get(id)!;
    const resources = resolve(/\/Resources (\d+) 0 R/.exec(page)?.[1], objects) ?? page;
    const fontDictionary = /\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? resolve(/\/Font (\d+) 0 R/.exec(resources)?.[1], objects) ?? '';
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, ref] of fontDictionary.matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const fontId = Number(ref);
      if (!cmaps.has(fontId)) cmaps.set(fontId, toUnicode(objects.get(fontId) ?? '', objects));
      fonts.set(name!, cmaps.get(fontId)!);
    }
    const contents = /\/Contents (\d+) 0 R/.exec(page)?.[1];
    const stream = streamOf(objects.get(Number(contents)) ?? '');
    let font = new Map<number, string>();
    let text = '';
    for (const [, fontName, shown] of stream.matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
      if (fontName) font = fonts.get(fontName) ?? new Map();
      else if (shown) for (const [, hex] of shown.matchAll(/<([0-9a-fA-F]*)>/g)) text += decode(hex!, font);
    }
    return text;
  });
}

function kids(pages: string, objects: Map<number, string>): number[] {
  const ids = [...(/\/Kids \[([^\]]*)\]/.exec(pages)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return ids.flatMap((id) => {
    const body = objects.get(id) ?? '';
    return /\/Type \/Pages\b/.test(body) ? kids(body, objects) : [id];
  });
}

function resolve(ref: string | undefined, objects: Map<number, string>): string | undefined {
  return ref === undefined ? undefined : objects.get(Number(ref));
}

function streamOf(body: string): string {
  return /stream\n([\s\S]*?)\nendstream/.exec(body)?.[1] ?? '';
}

function toUnicode(font: string, objects: Map<number, string>): Map<number, string> {
  const map = new Map<number, string>();
  const cmap = streamOf(resolve(/\/ToUnicode (\d+) 0 R/.exec(font)?.[1], objects) ?? '');
  // A ligature maps to several characters: `<0066 0069>` is "fi".
  const unicode = (hex: string) => String.fromCodePoint(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, block] of cmap.matchAll(/beginbfrange\n([\s\S]*?)\nendbfrange/g)) {
    for (const [, from, to, list, start] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:\[([^\]]*)\]|<([0-9a-f]+)>)/gi)) {
      const first = parseInt(from!, 16);
      const last = parseInt(to!, 16);
      if (list !== undefined) [...list.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((m, i) => map.set(first + i, unicode(m[1]!)));
      else for (let code = first; code <= last; code += 1) map.set(code, String.fromCodePoint(parseInt(start!, 16) + code - first));
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfchar\n([\s\S]*?)\nendbfchar/g)) {
    for (const [, code, value] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(code!, 16), unicode(value!));
  }
  return map;
}

function decode(hex: string, font: Map<number, string>): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  return out;
}
