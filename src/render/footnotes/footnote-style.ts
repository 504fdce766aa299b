import { isPdfNode } from '../../layout/to-pdfmake/pdf-content.ts';
import type { FootnoteStyle } from './install.ts';

export interface FootnoteLayoutStyle extends FootnoteStyle {
  /** Width of the column the note numbers hang in. */
  indent: number;
}

const DEFAULTS: FootnoteLayoutStyle = {
  rule: { thickness: 0.5, color: '#000000', above: 10, below: 5 },
  gap: 2,
  indent: 14,
  maxShare: 0.8,
};

/** The layout's `roneo.footnoteStyle`, over the defaults; values of the wrong type are ignored. */
export function footnoteStyleFrom(value: unknown): FootnoteLayoutStyle {
  const given = isPdfNode(value) ? value : {};
  const rule = isPdfNode(given.rule) ? given.rule : {};
  const number = (input: unknown, fallback: number) => (typeof input === 'number' && Number.isFinite(input) && input >= 0 ? input : fallback);
  return {
    rule: {
      width: typeof rule.width === 'number' && rule.width > 0 ? rule.width : undefined,
      thickness: number(rule.thickness, DEFAULTS.rule.thickness),
      color: typeof rule.color === 'string' ? rule.color : DEFAULTS.rule.color,
      above: number(rule.above, DEFAULTS.rule.above),
      below: number(rule.below, DEFAULTS.rule.below),
    },
    gap: number(given.gap, DEFAULTS.gap),
    indent: number(given.indent, DEFAULTS.indent),
    maxShare: Math.min(0.9, Math.max(0.1, number(given.maxShare, DEFAULTS.maxShare))),
  };
}
