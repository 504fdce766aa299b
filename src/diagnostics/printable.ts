/** Characters that, printed raw, end a line, move a terminal's cursor, start an escape sequence or turn text around. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text as one printable line, such characters written as escapes (`\n`,
 * `\u001b`): a file may be named with a line break, and its diagnostic must
 * still be one line, which no file name can forge.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED[char] ?? `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
