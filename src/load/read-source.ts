import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';

/**
 * Decodes a Markdown file strictly: invalid UTF-8 is an error rather than
 * silent U+FFFD boxes in print. A BOM and CRLF line ends are accepted and
 * normalised so positions count lines the way editors do.
 */
export function decodeSource(path: string, bytes: Uint8Array, diagnostics: Diagnostics): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    diagnostics.error(at(path, line, column), 'file is not valid UTF-8; save it as UTF-8', 'invalid-encoding');
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const index = lenient.indexOf('\uFFFD');
  const before = lenient.slice(0, Math.max(0, index));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
