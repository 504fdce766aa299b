/**
 * Line layout fit for print: justification between words only, and a
 * visible hyphen where a line breaks at a soft hyphen.
 *
 * What pdfmake 0.3 does. Its text breaker cuts a paragraph into "inlines" at
 * every break opportunity and every style change: after a space, but also
 * after the hyphen of "disait-on", after a soft hyphen (U+00AD), between
 * "bo" and "ld" in **bo**ld. A line is a row of such inlines. Under
 * `alignment: 'justify'`, ElementWriter.alignLine spreads the missing width
 * evenly over every boundary between inlines. A soft hyphen stays in the
 * text: lines may break after it, but nothing is drawn there.
 *
 * Why that is wrong for print. Justified lines open gaps inside words
 * ("disait- on", "anti con stitu tion nelle", "bo ld"), and a word broken at a
 * soft hyphen loses its hyphen, so a reader cannot tell a broken word from
 * two words.
 *
 * What replaces it (methods of pdfmake's classes, once per process):
 * - TextBreaker.getBreaks: soft hyphens leave the text. The pieces of a word
 *   cut at them are joined back, remembering where they were cut; a piece
 *   that ends with one where the style changes is marked as a possible
 *   hyphenated line end.
 * - LayoutBuilder.buildNextLine: pdfmake's, except that a word that does
 *   not fit is cut at its last soft hyphen that does, before the line ends.
 * - Line.hasEnoughSpaceForInline: a line may end at such a mark only if the
 *   hyphen fits as well, so it never sticks out past the margin.
 * - Line.addInline: an inline entering a line carries no hyphen; whether it
 *   needs one is known only once its line is complete.
 * - ElementWriter.alignLine: a complete line ending at a mark gets its
 *   hyphen; then a justified line's extra width goes to its inter-word spaces
 *   only. Other alignments, last lines and lines ending in a forced break are
 *   left to pdfmake.
 * - TextInlines.buildInlines: inside tables and columns (DocMeasure.measureTable
 *   and measureColumns say when), the narrowest width a text can take counts
 *   the parts of its words and their hyphens.
 */
import { createRequire } from 'node:module';
import DocMeasureExports from 'pdfmake/js/DocMeasure.js';
import ElementWriterExports from 'pdfmake/js/ElementWriter.js';
import LayoutBuilderExports from 'pdfmake/js/LayoutBuilder.js';
import type { ElementWriter } from 'pdfmake/js/ElementWriter.js';
import LineExports from 'pdfmake/js/Line.js';
import type { Line } from 'pdfmake/js/Line.js';
import TextBreakerExports from 'pdfmake/js/TextBreaker.js';
import type { TextBreaker } from 'pdfmake/js/TextBreaker.js';
import TextInlinesExports from 'pdfmake/js/TextInlines.js';
import type { Inline, TextInlines } from 'pdfmake/js/TextInlines.js';
import { buildNextLine, type LineBuilder } from './build-line.ts';
import { justifyLine } from './justify.ts';
import { dropHyphen, hasEnoughSpace, minWidthWithHyphens, showHyphen, type MeasureText } from './soft-hyphens.ts';
import { getBreaks } from './text-breaker.ts';

type Method = (...args: never[]) => unknown;

interface Patch {
  prototype: Record<string, unknown>;
  name: string;
  original: Method;
  replacement: Method;
}

let patches: Patch[] | undefined;
let active = false;
/** Above 0 while pdfmake measures a table or columns, whose widths follow the narrowest their texts can be set. */
let sizingColumns = 0;

/** Replaces pdfmake's line layout methods; safe to call more than once. */
export function installLineLayout(): void {
  if (patches) {
    active = true;
    return;
  }
  const version = pdfmakeVersion();
  if (!/^0\.3\./.test(version)) {
    throw new Error(`pdfmake ${version} is installed, but the line layout fix (src/render/line-layout) replaces methods of pdfmake 0.3.x; check them against the new version before allowing it`);
  }
  const writer = prototypeOf<ElementWriter>(ElementWriterExports, 'ElementWriter', ['alignLine', 'context'], version);
  const line = prototypeOf<Line>(LineExports, 'Line', ['addInline', 'hasEnoughSpaceForInline', 'getWidth'], version);
  const breaker = prototypeOf<TextBreaker>(TextBreakerExports, 'TextBreaker', ['getBreaks'], version);
  const inlines = prototypeOf<TextInlines>(TextInlinesExports, 'TextInlines', ['buildInlines', 'widthOfText'], version);
  const builder = prototypeOf<LineBuilder>(LayoutBuilderExports, 'LayoutBuilder', ['buildNextLine'], version);
  const docMeasure = prototypeOf<Record<'measureTable' | 'measureColumns', Method>>(DocMeasureExports, 'DocMeasure', ['measureTable', 'measureColumns'], version);
  const LineClass = (typeof LineExports === 'function' ? LineExports : (LineExports as { default: unknown }).default) as new (maxWidth: number) => Line;

  // widthOfText reads only the inline's font, size, features and letter spacing.
  const widthOfText = inlines.widthOfText;
  const measure: MeasureText = (text, inline) => widthOfText.call(inlines, text, inline);

  const alignLine = writer.alignLine;
  const addInline = line.addInline;
  const buildInlines = inlines.buildInlines;

  const replacements: Array<[object, string, Method]> = [
    [
      breaker,
      'getBreaks',
      function (this: TextBreaker, texts: unknown, styleContextStack: unknown) {
        return getBreaks(texts, styleContextStack as Parameters<typeof getBreaks>[1]);
      },
    ],
    [
      inlines,
      'buildInlines',
      function (this: TextInlines, textArray: unknown, styleContextStack: unknown) {
        const built = buildInlines.call(this, textArray, styleContextStack);
        if (sizingColumns > 0) built.minWidth = minWidthWithHyphens(built.items, built.minWidth, measure);
        return built;
      },
    ],
    [
      line,
      'hasEnoughSpaceForInline',
      function (this: Line, inline: Inline, nextInlines: Inline[] = []) {
        return hasEnoughSpace(this, [inline, ...nextInlines], 0, measure);
      },
    ],
    [
      builder,
      'buildNextLine',
      function (this: LineBuilder, textNode: { _inlines?: Inline[] }) {
        return buildNextLine(this, textNode, (width) => new LineClass(width), measure);
      },
    ],
    ...(['measureTable', 'measureColumns'] as const).map((name): [object, string, Method] => {
      const original = docMeasure[name];
      return [
        docMeasure,
        name,
        function (this: unknown, ...args: never[]) {
          sizingColumns += 1;
          try {
            return original.apply(this, args);
          } finally {
            sizingColumns -= 1;
          }
        },
      ];
    }),
    [
      line,
      'addInline',
      function (this: Line, inline: Inline) {
        dropHyphen(inline);
        addInline.call(this, inline);
      },
    ],
    [
      writer,
      'alignLine',
      function (this: ElementWriter, placed: Line) {
        showHyphen(placed, measure);
        if (placed.inlines[0]?.alignment === 'justify' && !placed.newLineForced && !placed.lastLineInParagraph) {
          justifyLine(placed, this.context().availableWidth);
        } else {
          alignLine.call(this, placed);
        }
      },
    ],
  ];
  patches = replacements.map(([prototype, name, replacement]) => {
    const target = prototype as Record<string, unknown>;
    const original = target[name] as Method;
    // The keeps wrap buildNextLine in turn, so the fix is switched off, never taken out.
    const guarded = function (this: unknown, ...args: never[]) {
      return (active ? replacement : original).apply(this, args);
    };
    target[name] = guarded;
    return { prototype: target, name, original, replacement: guarded };
  });
  active = true;
}

/** Whether pdfmake currently lays lines out with the fix (wrapped by a later fix or not). */
export function lineLayoutInstalled(): boolean {
  return active && patches !== undefined && patches.every((patch) => patch.prototype[patch.name] !== patch.original);
}

/** pdfmake's own methods again, for tests that show what the fix changes; installLineLayout() switches the fix back on. */
export function uninstallLineLayout(): void {
  active = false;
}

function pdfmakeVersion(): string {
  const manifest: unknown = createRequire(import.meta.url)('pdfmake/package.json');
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>).version : undefined;
  return typeof version === 'string' ? version : 'of unknown version';
}

/**
 * The class's prototype, whichever way the loader hands over a CommonJS
 * `exports.default`, once every method the fix relies on is found on it.
 */
function prototypeOf<T>(exports: unknown, name: string, methods: string[], version: string): T {
  const candidate = typeof exports === 'function' ? exports : typeof exports === 'object' && exports !== null ? (exports as Record<string, unknown>).default : undefined;
  const prototype: unknown = typeof candidate === 'function' ? (candidate as { prototype: unknown }).prototype : undefined;
  if (typeof prototype !== 'object' || prototype === null) {
    throw new Error(`pdfmake ${version}: pdfmake/js/${name}.js no longer exports the ${name} class the line layout fix (src/render/line-layout) replaces methods of`);
  }
  const missing = methods.filter((method) => typeof (prototype as Record<string, unknown>)[method] !== 'function');
  if (missing.length > 0) {
    throw new Error(`pdfmake ${version}: ${missing.map((method) => `${name}.${method}`).join(', ')} no longer exist; the line layout fix (src/render/line-layout) must be revised for this version`);
  }
  return prototype as T;
}
