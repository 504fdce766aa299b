import { pdfmakePrototype } from './pdfmake-prototype.ts';

/**
 * pdfmake draws every word as its own text object: a colour, an opacity, a
 * font and a position, then the word (Renderer.renderLine). On a long
 * document that is a third of its time and of the file. Renderer.renderLine
 * is wrapped here to draw each run of words in one style as one text
 * object instead, its glyphs exactly where pdfmake placed them: the space a
 * justified line adds between two words becomes an offset inside the text
 * object. Backgrounds, decorations, links and destinations cover the same
 * areas as before. Lines with what only pdfmake's own drawing handles (page
 * references, outline entries, letter spacing, links to pages) are left to
 * it.
 */

interface Position {
  xAdvance: number;
  advanceWidth: number;
  [key: string]: number;
}
type Encoded = [string[], Position[]];
interface Font {
  ascender: number;
  encode(text: string, features?: unknown): Encoded;
}
interface Inline {
  text: string;
  x: number;
  width: number;
  font: Font;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  fontFeatures?: unknown;
  link?: unknown;
  linkToDestination?: unknown;
  linkToPage?: unknown;
  sup?: unknown;
  sub?: unknown;
  _pageNodeRef?: unknown;
}
interface PdfLine {
  inlines: Inline[];
  id?: unknown;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}
interface PdfDocument {
  _font: Font;
  opacity(value: number): void;
  fill(color: unknown): void;
  fontSize(size: number): void;
  resolveColor(color: unknown, fallback: string): unknown;
  text(text: string, x: number, y: number, options: Record<string, unknown>): void;
}
interface Decorator {
  drawBackground(line: PdfLine, x: number, y: number): void;
  drawDecorations(line: PdfLine, x: number, y: number): void;
}
interface Renderer {
  pdfDocument: PdfDocument;
  renderLine(line: PdfLine, x?: number, y?: number): void;
}

const INSTALLED = Symbol.for('roneo.text-runs.installed');
let enabled = true;

/** Off draws word by word as pdfmake does, to compare the two. */
export function setTextRunsEnabled(on: boolean): void {
  enabled = on;
}

export function installTextRuns(): void {
  const renderer = pdfmakePrototype<Renderer>('Renderer', ['renderLine'], 'src/render/text-runs.ts');
  if (Object.prototype.hasOwnProperty.call(renderer, INSTALLED)) return;
  const Decorator = pdfmakeClass<new (document: PdfDocument) => Decorator>('TextDecorator', ['drawBackground', 'drawDecorations']);
  const renderLine = renderer.renderLine;
  renderer.renderLine = function (this: Renderer, line: PdfLine, x?: number, y?: number) {
    if (!enabled || !drawnInRuns(line)) return renderLine.call(this, line, x, y);
    drawLine(this.pdfDocument, new Decorator(this.pdfDocument), line, x ?? 0, y ?? 0);
  };
  Object.defineProperty(renderer, INSTALLED, { value: true });
}

function drawnInRuns(line: PdfLine): boolean {
  if (line._outline || line._pageNodeRef) return false;
  return line.inlines.every((inline) => !inline._pageNodeRef && !inline.linkToPage && !inline.characterSpacing);
}

/** What pdfmake's renderLine does, one text object per run instead of per word. */
function drawLine(document: PdfDocument, decorator: Decorator, line: PdfLine, x: number, y: number): void {
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  decorator.drawBackground(line, x, y);
  for (const run of runsOf(line.inlines)) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const options: Record<string, unknown> = { lineBreak: false, textWidth: last.x + last.width - first.x, characterSpacing: first.characterSpacing, wordCount: 1, link: first.link };
    if (first.linkToDestination) options.goTo = first.linkToDestination;
    if (line.id && first === line.inlines[0]) options.destination = line.id;
    if (first.fontFeatures) options.features = first.fontFeatures;
    document.opacity(typeof first.opacity === 'number' ? first.opacity : 1);
    document.fill(document.resolveColor(first.color, 'black'));
    document._font = first.font;
    document.fontSize(first.fontSize);
    const baseline = y + lineHeight - (first.font.ascender / 1000) * first.fontSize - descent;
    const text = run.map((inline) => inline.text).join('');
    drawWithGaps(document, run, () => document.text(text, x + first.x, shiftedForScript(baseline, first), options));
  }
  decorator.drawDecorations(line, x, y);
}

/** Neighbouring inlines drawn alike: same font, size, colour, opacity, script position, link and features. */
function runsOf(inlines: readonly Inline[]): Inline[][] {
  const runs: Inline[][] = [];
  for (const inline of inlines) {
    const run = runs[runs.length - 1];
    if (run && drawnAlike(run[run.length - 1]!, inline)) run.push(inline);
    else runs.push([inline]);
  }
  return runs;
}

function drawnAlike(a: Inline, b: Inline): boolean {
  return (
    a.font === b.font &&
    a.fontSize === b.fontSize &&
    a.color === b.color &&
    a.opacity === b.opacity &&
    a.sup === b.sup &&
    a.sub === b.sub &&
    a.link === b.link &&
    a.linkToDestination === b.linkToDestination &&
    a.fontFeatures === b.fontFeatures
  );
}

/**
 * While the run is drawn, the font encodes its text word by word, as
 * pdfmake measured it (no kerning across two inlines), and the advance of
 * each inline's last glyph carries the gap to where the next was placed.
 */
function drawWithGaps(document: PdfDocument, run: readonly Inline[], draw: () => void): void {
  if (run.length === 1) return draw();
  const font = document._font;
  const own = Object.prototype.hasOwnProperty.call(font, 'encode');
  const encode = font.encode;
  font.encode = (_text: string, features?: unknown): Encoded => {
    const glyphs: string[] = [];
    const positions: Position[] = [];
    for (let index = 0; index < run.length; index += 1) {
      const inline = run[index]!;
      const [g, p] = encode.call(font, inline.text, features);
      for (let k = 0; k < g.length; k += 1) glyphs.push(g[k]!);
      for (let k = 0; k < p.length; k += 1) positions.push(p[k]!);
      const next = run[index + 1];
      const gap = next ? next.x - (inline.x + inline.width) : 0;
      if (gap !== 0 && positions.length > 0) {
        // A copy: the font caches the positions of every word it lays out.
        const end = positions[positions.length - 1]!;
        positions[positions.length - 1] = { ...end, xAdvance: end.xAdvance + (gap * 1000) / inline.fontSize };
      }
    }
    return [glyphs, positions];
  };
  try {
    draw();
  } finally {
    if (own) font.encode = encode;
    else delete (font as { encode?: unknown }).encode;
  }
}

/** pdfmake's baseline shift for superscripts and subscripts. */
function shiftedForScript(y: number, inline: Inline): number {
  if (inline.sup) return y - inline.fontSize * 0.75;
  if (inline.sub) return y + inline.fontSize * 0.35;
  return y;
}

function pdfmakeClass<T>(name: string, methods: readonly string[]): T {
  const prototype = pdfmakePrototype<object>(name, methods, 'src/render/text-runs.ts');
  return (prototype as { constructor: T }).constructor;
}
