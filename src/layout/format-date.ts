/** `2011-12-16` → "16 décembre 2011" (fr), "16 December 2011" (en)… by the ICU data Node ships. */
export function formatDate(iso: string, lang: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return formatFor(lang)?.format(date) ?? iso;
}

/**
 * Making a formatter costs far more than using one, and a dossier dates
 * every chapter, in each of the layout's two fills: one per language is
 * kept. `null` remembers a tag ICU refuses. Bounded, since tags come from
 * front matter and a long-running process may see many.
 */
const FORMATS_LIMIT = 64;
const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(lang: string): Intl.DateTimeFormat | null {
  let format = formats.get(lang);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch {
      format = null;
    }
    if (formats.size >= FORMATS_LIMIT) formats.clear();
    formats.set(lang, format);
  }
  return format;
}
