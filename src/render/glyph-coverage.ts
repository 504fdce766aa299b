import type { Diagnostics, SourcePoint } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { FontSet } from './fonts.ts';
import { textRuns } from './resolve-fonts.ts';

/** Characters that control layout and are never drawn, so need no glyph. */
const INVISIBLE = new Set([0x0a, 0x0d, 0x09, 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

export interface CoverageSources {
  /** Markdown texts by path, to place characters that came from front matter. */
  texts: ReadonlyMap<string, string>;
  /** The layout and its partials by path, to place what a template wrote. */
  templates: ReadonlyMap<string, string>;
  fallback: SourcePoint;
}

/**
 * Every character must exist in the face it is set in: pdfmake would print a
 * missing one as an empty box. Each missing character is reported once per
 * face, at the first place it is written.
 */
export function checkGlyphCoverage(
  definition: Record<string, unknown>,
  fonts: FontSet,
  sources: CoverageSources,
  diagnostics: Diagnostics,
): boolean {
  const styles = (definition.styles ?? {}) as Record<string, unknown>;
  const defaultStyle = (definition.defaultStyle ?? {}) as Record<string, unknown>;
  const reported = new Set<string>();
  let ok = true;
  const parts = [definition.content, definition.header, definition.footer, definition.background];
  for (const part of parts) {
    for (const run of textRuns(part, styles, defaultStyle)) {
      const face = fonts.face(run.family, run.variant);
      if (!face) {
        const key = `font:${run.family}`;
        if (!reported.has(key)) {
          reported.add(key);
          const known = fonts.families().join(', ');
          // Fonts are named by layouts, so the template that names it is where to fix it.
          const where = firstIn(sources.templates, JSON.stringify(run.family)) ?? firstIn(sources.templates, `'${run.family}'`) ?? sources.fallback;
          diagnostics.error(where, `font "${run.family}" is not in ${fonts.manifestPath} (available: ${known})`, 'unknown-font');
        }
        ok = false;
        continue;
      }
      let offset = 0;
      for (const char of run.text) {
        const codePoint = char.codePointAt(0)!;
        if (!INVISIBLE.has(codePoint) && !face.hasGlyph(codePoint)) {
          ok = false;
          const key = `${codePoint}:${run.family}:${run.variant}`;
          if (!reported.has(key)) {
            reported.add(key);
            const where = locate(char, run.text, offset, run.source, sources);
            const style = run.variant === 'normal' ? 'regular' : run.variant === 'italics' ? 'italic' : run.variant === 'bolditalics' ? 'bold italic' : 'bold';
            diagnostics.error(
              where,
              `character ${codeOf(codePoint)} ${shown(char)} is missing from font "${run.family}" (${style}); it would print as an empty box`,
              'missing-glyph',
            );
          }
        }
        offset += char.length;
      }
    }
  }
  return ok;
}

/**
 * The character itself between quotes, when it can be seen. A control or
 * formatting character is named instead: printed raw, it would end the
 * message's line, move a terminal's cursor or start an escape sequence.
 */
function shown(char: string): string {
  if (/^\p{Cc}$/u.test(char)) return '(a control character)';
  if (/^\p{Cf}$/u.test(char)) return '(an invisible formatting character)';
  if (/^[\p{Zl}\p{Zp}]$/u.test(char)) return '(a line or paragraph separator)';
  if (/^\p{Cn}$/u.test(char)) return '(not an assigned character)';
  return `‘${char}’`;
}

function codeOf(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Pinpoints the character: inside its Markdown text node when it has one;
 * else where the whole string is written (a front-matter value, a template
 * word); else the character's first appearance anywhere.
 */
function locate(char: string, text: string, offset: number, source: SourcePoint | undefined, sources: CoverageSources): SourcePoint {
  const written = source ? sources.texts.get(source.file) : undefined;
  if (source && written !== undefined) {
    const exact = pointInText(written, source, text.slice(0, offset), char);
    if (exact) return exact;
  }
  const everywhere = [sources.texts, sources.templates];
  for (const files of everywhere) {
    for (const [file, content] of files) {
      const index = content.indexOf(text);
      if (index >= 0) return pointAt(file, content, index + offset);
    }
  }
  for (const files of everywhere) {
    const found = firstIn(files, char);
    if (found) return found;
  }
  return source ?? sources.fallback;
}

function firstIn(files: ReadonlyMap<string, string>, needle: string): SourcePoint | undefined {
  for (const [file, content] of files) {
    const index = content.indexOf(needle);
    if (index >= 0) return pointAt(file, content, index);
  }
  return undefined;
}

function pointInText(written: string, source: SourcePoint, before: string, char: string): SourcePoint | undefined {
  const lines = written.split('\n');
  let start = 0;
  for (let i = 0; i < source.line - 1 && i < lines.length; i += 1) start += lines[i]!.length + 1;
  start += source.column - 1;
  // Escapes and entities only ever make the Markdown longer than its text, so this is a lower bound.
  const index = written.indexOf(char, start + before.replace(/[\u00AD\u202F\u00A0]/g, '').length);
  const found = index >= 0 ? index : written.indexOf(char, start);
  return found >= 0 ? pointAt(source.file, written, found) : undefined;
}

function pointAt(file: string, content: string, index: number): SourcePoint {
  const before = content.slice(0, index).split('\n');
  return at(file, before.length, before.at(-1)!.length + 1);
}
