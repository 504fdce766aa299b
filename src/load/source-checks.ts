import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';

/**
 * The largest Markdown file Roneo reads. A long book's text is a few hundred
 * kilobytes; past this, setting the text takes minutes and gigabytes (a
 * single 1 MiB paragraph took 15 s, 5 MB several minutes), so a file this
 * large is a mistake or an attack, and a long text is split into articles.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** Whether the file is too large to read, reported at its start: nothing of it is parsed. */
export function tooLarge(path: string, bytes: Uint8Array, diagnostics: Diagnostics): boolean {
  if (bytes.byteLength <= MAX_SOURCE_BYTES) return false;
  diagnostics.error(
    at(path),
    `file is ${count(bytes.byteLength)} bytes; Roneo reads Markdown files of up to 1 MiB (${count(MAX_SOURCE_BYTES)} bytes): split the text into articles and list them under \`include:\``,
    'file-too-large',
  );
  return true;
}

/**
 * Whether the decoded file holds nothing at all. Without this an empty file
 * reads as an article without a title, a message that sends the writer
 * looking for front matter in a file they may not know is empty.
 */
export function isEmpty(path: string, text: string, diagnostics: Diagnostics): boolean {
  if (text.trim() !== '') return false;
  const what = text === '' ? 'file is empty' : 'file holds nothing but blank space';
  diagnostics.error(at(path), `${what}; write its front matter between two \`---\` lines (\`title:\`, and \`layout:\` for a publication), then its text, or delete it`, 'empty-file');
  return true;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
