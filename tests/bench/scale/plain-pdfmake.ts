/**
 * Child process: the baseline. The big dossier's Markdown set by plain
 * pdfmake, without any of Roneo: no remark, no typography or hyphenation,
 * no templates, no contents, bookmarks, running heads, keeps, line-layout
 * fixes or notes at the foot of the page. Headings and paragraphs become
 * plain text nodes, list items paragraphs, note calls superscript numbers
 * and notes plain paragraphs at the end of their chapter; the page (A5,
 * the same margins) and the text sizes are the dossier layout's, and the
 * fonts are registered the way Roneo does, through pdfmake's virtual file
 * system. Roneo's render code patches pdfmake's prototypes for the whole
 * process, so it is never imported here.
 *
 *   node --import tsx tests/bench/scale/plain-pdfmake.ts --pages 300
 *
 * With `--campaign` it sets the campaign's own dossier instead (A4, the
 * dossier layout's margins), and `--write FILE` writes the PDF: the engine's
 * floor for the editor benchmarks (tests/bench/editor.bench.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pdfmake from 'pdfmake';
import { bigDossier } from '../../helpers/big-dossier.ts';
import { REPO } from '../../helpers/project.ts';
import { report, rssMB, sizeArgument, stopwatch } from './measurement.ts';

type PdfNode = Record<string, unknown>;
type Inline = string | PdfNode;

const campaign = process.argv.includes('--campaign');
const size = campaign ? 300 : sizeArgument(process.argv);
const dossier = campaign ? { files: await campaignFiles() } : await bigDossier({ pages: size });
const fonts = await readFonts();
const startMB = rssMB();
const elapsed = stopwatch();

pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);
for (const [path, bytes] of fonts.files) pdfmake.virtualfs.writeFileSync(path, bytes);
pdfmake.setFonts(fonts.families);
let pages = 0;
const publication = dossier.files['content/dossier.md']!;
const chapters = [...publication.matchAll(/^ {2}- (.+\.md)$/gm)].map((match) => dossier.files[`content/${match[1]}`]!);
const own = parse(publication);
const definition = {
  pageSize: campaign ? 'A4' : 'A5',
  pageMargins: campaign ? [72, 64, 72, 64] : [48, 52, 48, 56],
  content: [
    { text: own.title, font: 'Noto Sans', bold: true, fontSize: 34, lineHeight: 0.8, margin: [0, 180, 0, 14] },
    { text: own.subtitle, font: 'Noto Sans', fontSize: 16, lineHeight: 0.85 },
    { stack: own.content, pageBreak: 'before' },
    ...chapters.map((markdown) => {
      const chapter = parse(markdown);
      return {
        stack: [
          { text: chapter.title, font: 'Noto Sans', bold: true, fontSize: 24, lineHeight: 0.8, alignment: 'left', margin: [0, 0, 0, 6] },
          { text: chapter.subtitle, font: 'Noto Sans', fontSize: 12, alignment: 'left', margin: [0, 0, 0, 14] },
          ...chapter.content,
        ],
        pageBreak: 'before',
      };
    }),
  ],
  footer: (page: number, count: number) => {
    pages = count;
    return { text: `${page} / ${count}`, font: 'Noto Sans', fontSize: 8, alignment: 'center', margin: [0, 24, 0, 0] };
  },
  defaultStyle: { font: 'Charis SIL', fontSize: 10.5, lineHeight: 0.82, alignment: 'justify' },
};
const buffer = await pdfmake.createPdf(definition).getBuffer();
const out = process.argv.indexOf('--write');
if (out > 0) await writeFile(process.argv[out + 1]!, buffer);
const time = elapsed();
report({ tool: 'pdfmake', size, pages, bytes: buffer.byteLength, ...time, startMB });

/** The campaign's Markdown, by project path. */
async function campaignFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) files[relative(REPO, join(entry.parentPath, entry.name))] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** The font files named in fonts/fonts.json, read before the clock starts; registered under the same virtual paths as Roneo's. */
async function readFonts(): Promise<{ files: Map<string, Buffer>; families: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> }> {
  const manifest = JSON.parse(await readFile(join(REPO, 'fonts/fonts.json'), 'utf8')) as Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>;
  const files = new Map<string, Buffer>();
  const families: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const [family, faces] of Object.entries(manifest)) {
    const path = (file: string) => `roneo/fonts/${file}`;
    for (const file of Object.values(faces)) if (!files.has(path(file))) files.set(path(file), await readFile(join(REPO, 'fonts', file)));
    families[family] = { normal: path(faces.normal), bold: path(faces.bold), italics: path(faces.italics), bolditalics: path(faces.bolditalics) };
  }
  return { files, families };
}

/** A chapter's title, subtitle and blocks, from its Markdown, the plainest way. */
function parse(markdown: string): { title: string; subtitle: string; content: PdfNode[] } {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
  const field = (name: string) => new RegExp(`^${name}: "(.*)"$`, 'm').exec(front)?.[1] ?? '';
  const notes = new Map<string, string[]>();
  const order: string[] = [];
  const blocks: string[] = [];
  let lastNote: string[] | undefined;
  for (const block of body.split(/\n{2,}/)) {
    const definition = /^\[\^([^\]]+)\]:\s*([\s\S]*)$/.exec(block);
    if (definition) notes.set(definition[1]!, (lastNote = [definition[2]!]));
    else if (lastNote && block.startsWith('    ')) lastNote.push(block.trim());
    else if (block.trim() !== '') {
      lastNote = undefined;
      blocks.push(block.trim());
    }
  }
  const inline = (text: string): Inline[] =>
    text
      .replace(/\[([^\]^][^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*?/g, '')
      .split(/(\[\^[^\]]+\])/)
      .filter((part) => part !== '')
      .map((part) => {
        const call = /^\[\^([^\]]+)\]$/.exec(part);
        if (!call) return part;
        if (!order.includes(call[1]!)) order.push(call[1]!);
        return { text: String(order.indexOf(call[1]!) + 1), sup: true };
      });
  const content: PdfNode[] = [];
  for (const block of blocks) {
    const heading = /^(#{1,6}) (.*)$/.exec(block);
    if (heading) {
      content.push({ text: heading[2]!, font: 'Noto Sans', bold: true, fontSize: 14, alignment: 'left', margin: [0, 16, 0, 6] });
      continue;
    }
    const lines = block.split('\n').filter((line) => !line.startsWith(':::'));
    if (lines.every((line) => /^(\d+\.|[-*]) /.test(line))) {
      for (const line of lines) content.push({ text: inline(line), margin: [0, 0, 0, 1.5] });
    } else {
      content.push({ text: inline(lines.join(' ')), margin: [0, 0, 0, 5] });
    }
  }
  if (order.length > 0) {
    content.push({ text: 'Notes', font: 'Noto Sans', bold: true, fontSize: 9, alignment: 'left', margin: [0, 12, 0, 3] });
    order.forEach((id, index) => {
      (notes.get(id) ?? []).forEach((paragraph, p) => {
        content.push({ text: inline(p === 0 ? `${index + 1}. ${paragraph}` : paragraph), fontSize: 8.5, lineHeight: 0.75, margin: [0, 0, 0, 2] });
      });
    });
  }
  return { title: field('title'), subtitle: field('subtitle'), content };
}
