import type { SourcePoint } from '../diagnostics/diagnostic.ts';
import { isPdfNode, type PdfNode } from '../layout/to-pdfmake/pdf-content.ts';
import type { Variant } from './fonts.ts';

export interface TextRun {
  text: string;
  family: string;
  variant: Variant;
  source: SourcePoint | undefined;
}

interface Inherited {
  font: string;
  bold: boolean;
  italics: boolean;
  source: SourcePoint | undefined;
}

/** Keys whose values are content pdfmake typesets as text. */
const CONTENT_KEYS = ['text', 'stack', 'ul', 'ol', 'columns', 'layers'] as const;

/**
 * Walks a document definition the way pdfmake cascades styles — defaultStyle,
 * then named styles in order, then the node's own properties — and yields
 * every string with the exact font face it will be drawn in.
 */
export function* textRuns(
  content: unknown,
  styles: Record<string, unknown>,
  defaultStyle: Record<string, unknown>,
): Generator<TextRun> {
  const base = apply({ font: 'Roboto', bold: false, italics: false, source: undefined }, defaultStyle);
  // An explicit stack, not recursion: generated content may nest very deeply.
  const work: Array<{ value: unknown; inherited: Inherited }> = [{ value: content, inherited: base }];
  while (work.length > 0) {
    const { value, inherited } = work.pop()!;
    if (typeof value === 'string') {
      yield { text: value, family: inherited.font, variant: variantOf(inherited), source: inherited.source };
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) work.push({ value: value[i], inherited });
      continue;
    }
    if (!isPdfNode(value)) continue;
    const own = resolve(value, inherited, styles);
    for (const key of CONTENT_KEYS) if (key in value) work.push({ value: value[key], inherited: own });
    const table = value.table;
    if (isPdfNode(table)) work.push({ value: table.body, inherited: own });
    const toc = value.toc;
    if (isPdfNode(toc)) work.push({ value: toc.title, inherited: own });
  }
}

function resolve(node: PdfNode, inherited: Inherited, styles: Record<string, unknown>): Inherited {
  let result: Inherited = { ...inherited, source: node._source ?? inherited.source };
  const names = Array.isArray(node.style) ? node.style : node.style === undefined ? [] : [node.style];
  for (const name of names) {
    if (typeof name === 'string' && isPdfNode(styles[name])) result = apply(result, styles[name]);
    else if (isPdfNode(name)) result = apply(result, name);
  }
  return apply(result, node);
}

function apply(state: Inherited, props: Record<string, unknown>): Inherited {
  return {
    font: typeof props.font === 'string' ? props.font : state.font,
    bold: typeof props.bold === 'boolean' ? props.bold : state.bold,
    italics: typeof props.italics === 'boolean' ? props.italics : state.italics,
    source: state.source,
  };
}

function variantOf(state: Inherited): Variant {
  if (state.bold && state.italics) return 'bolditalics';
  if (state.bold) return 'bold';
  if (state.italics) return 'italics';
  return 'normal';
}
