/**
 * Stretches of prose that typography and hyphenation must leave exactly as
 * written: web and e-mail addresses, and times or ratios such as 10:55 or 3:2.
 */
const PROTECTED = /(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>«»"]*[^\s<>«»".,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\d+(?::\d+)+/gu;

/**
 * What every match of PROTECTED contains (`://`, `mailto:`, `www.`, `@`, or
 * a digit, a colon and a digit). Most text nodes hold none of them, and this
 * ASCII pattern rejects them far faster than the Unicode one.
 */
const MAY_BE_PROTECTED = /:\/\/|mailto:|www\.|@|\d:\d/;

export interface Segment {
  text: string;
  protected: boolean;
}

export function segments(text: string): Segment[] {
  if (!MAY_BE_PROTECTED.test(text)) return text === '' ? [] : [{ text, protected: false }];
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index), protected: false });
    out.push({ text: match[0], protected: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), protected: false });
  return out;
}
