/**
 * A leaflet's table of local groups (`variants:`), as a spreadsheet exports
 * it, and sometimes as one exports it wrong: a short row, two rows with the
 * same name, a quote left open, a header and nothing else. Never more than
 * three rows: each is a leaflet to render.
 */
import fc from 'fast-check';
import { type Flavour, oneLine, phrase } from './text.ts';

export const VARIANT_COLUMNS = ['ville', 'groupe', 'rendez_vous', 'contact'] as const;

const csvCell = (text: string, separator: string) => (/["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text);

/** A table with these columns (besides `slug`), which the leaflet's Markdown prints. */
export function variantsTable(flavour: Flavour, columns: readonly string[]): fc.Arbitrary<string> {
  const slug = fc.oneof(
    { arbitrary: fc.constantFrom('lyon', 'marseille', 'lille', 'Saint-Étienne', 'Жаңаөзен', 'comité de Lyon'), weight: 12 },
    { arbitrary: oneLine(flavour, 2), weight: 2 },
    { arbitrary: fc.constantFrom('', '..', 'a/b', 'CON', '-'), weight: 1 },
  );
  const table = fc.record({
    slugs: fc.oneof({ arbitrary: fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }), weight: 8 }, { arbitrary: fc.array(slug, { minLength: 1, maxLength: 3 }), weight: 1 }),
    cells: fc.array(fc.oneof({ arbitrary: oneLine(flavour, 4), weight: 4 }, { arbitrary: phrase(flavour, 6), weight: 1 }), { minLength: 12, maxLength: 12 }),
    separator: fc.constantFrom(',', ',', ';'),
    lineEnd: fc.constantFrom('\n', '\n', '\r\n'),
  });
  const good = table.map(({ slugs, cells, separator, lineEnd }) => {
    const header = ['slug', ...columns].join(separator);
    const rows = slugs.map((slug, row) => [slug, ...columns.map((_, column) => cells[(row * 4 + column) % cells.length]!)].map((cell) => csvCell(cell, separator)).join(separator));
    return [header, ...rows].join(lineEnd) + lineEnd;
  });
  return fc.oneof(
    { arbitrary: good, weight: 24 },
    { arbitrary: good.map((csv) => `\uFEFF${csv}`), weight: 1 },
    { arbitrary: good.map((csv) => `${csv}lyon,"ouvert\n`), weight: 1 },
    { arbitrary: good.map((csv) => `${csv}seul\n`), weight: 1 },
    { arbitrary: fc.constantFrom('slug,ville\n', '', '\n\n', 'slug\nlyon\nlyon\n', 'slug,ville\r\nlyon,Lyon,en trop\r\n'), weight: 1 },
  );
}
