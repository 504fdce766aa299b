// pdfmake 0.3 ships no types. This declares only the internals the line
// layout fix touches. Each module is CommonJS with `exports.default = class`;
// what an ESM import yields depends on the loader, so the exports are typed
// `unknown` and checked at run time (see install.ts); the interfaces describe
// the instances once found.

declare module 'pdfmake/js/TextInlines.js' {
  /** A measured piece of text: a word, or the part of one up to a break opportunity or a style change. */
  export interface Inline {
    text: string;
    width: number;
    /** Offset from the line's start, set when the inline is added to a line. */
    x: number;
    alignment?: string;
    /** Width of leading white space, not counted at the start of a line. */
    leadingCut?: number;
    /** Width of trailing white space, not counted at the end of a line. */
    trailingCut?: number;
    /** No break is allowed after this inline (a word continues in another style). */
    noNewLine?: boolean;
    /** A forced line break follows. */
    lineEnd?: boolean;
    /** Extra space put before this inline by justification; backgrounds and decorations cover it. */
    justifyShift?: number;
  }
  export interface TextInlines {
    widthOfText(text: string, inline: Inline): number;
    buildInlines(textArray: unknown, styleContextStack: unknown): { items: Inline[]; minWidth: number; maxWidth: number };
  }
  const exports: unknown;
  export default exports;
}

declare module 'pdfmake/js/Line.js' {
  import type { Inline } from 'pdfmake/js/TextInlines.js';
  export interface Line {
    maxWidth: number;
    leadingCut: number;
    trailingCut: number;
    inlineWidths: number;
    inlines: Inline[];
    newLineForced?: boolean;
    lastLineInParagraph?: boolean;
    addInline(inline: Inline): void;
    hasEnoughSpaceForInline(inline: Inline, nextInlines?: Inline[]): boolean;
    getWidth(): number;
  }
  const exports: unknown;
  export default exports;
}

declare module 'pdfmake/js/ElementWriter.js' {
  import type { Line } from 'pdfmake/js/Line.js';
  export interface ElementWriter {
    context(): { availableWidth: number };
    alignLine(line: Line): void;
  }
  const exports: unknown;
  export default exports;
}

declare module 'pdfmake/js/TextBreaker.js' {
  export interface TextBreaker {
    /** The text cut at every break opportunity, each piece with its own style copied in. */
    getBreaks(texts: unknown, styleContextStack: unknown): Array<{ text: string; lineEnd?: boolean }>;
  }
  const exports: unknown;
  export default exports;
}

declare module 'pdfmake/js/LayoutBuilder.js' {
  const exports: unknown;
  export default exports;
}

declare module 'pdfmake/js/DocMeasure.js' {
  const exports: unknown;
  export default exports;
}
