import type * as Fontkit from 'fontkit';

/**
 * fontkit (2.0) attaches a combining mark to the letter before it even when
 * the font gives that letter no anchor for the mark's class (a NULL offset in
 * a mark-to-base, mark-to-ligature or mark-to-mark table, which OpenType
 * allows), and then throws reading the missing anchor's coordinates: one
 * `Z̶` in a font without that anchor stopped the whole rendering. HarfBuzz
 * leaves such a mark where it is; so does Roneo now.
 */
interface PositioningProcessor {
  applyAnchor(markRecord: { markAnchor?: unknown } | undefined, baseAnchor: unknown, baseGlyphIndex: number): void;
}

const fixed = new WeakSet<object>();

/** Patches the positioning class of this font's fontkit once; every font made by the same fontkit shares it. */
export function fixMarkAnchors(font: Fontkit.Font): void {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: PositioningProcessor | null } } })._layoutEngine?.engine;
  const processor = engine?.GPOSProcessor;
  if (!processor) return;
  const prototype = Object.getPrototypeOf(processor) as PositioningProcessor;
  if (fixed.has(prototype) || typeof prototype.applyAnchor !== 'function') return;
  const applyAnchor = prototype.applyAnchor;
  prototype.applyAnchor = function (this: PositioningProcessor, markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return;
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex);
  };
  fixed.add(prototype);
}
