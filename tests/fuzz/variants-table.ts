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

export function variantsTable(flavour: Flavour): fc.Arbitrary<string> {
  const table = fc.record({
    columns: fc.subarray([...VARIANT_COLUMNS], { minLength: 1 }),
    slugs: fc.array(fc.oneof(fc.constantFrom('lyon', 'marseille', 'lille', 'Saint-Étienne', 'lyon', '', '..', 'a/b', 'CON', 'Жаңаөзен'), oneLine(flavour, 2)), { minLength: 1, maxLength: 3 }),
    cells: fc.array(fc.oneof({ arbitrary: oneLine(flavour, 4), weight: 4 }, { arbitrary: phrase(flavour, 6), weight: 1 }), { minLength: 12, maxLength: 12 }),
    separator: fc.constantFrom(',', ',', ';'),
    lineEnd: fc.constantFrom('\n', '\n', '\r\n'),
  });
  const good = table.map(({ columns, slugs, cells, separator, lineEnd }) => {
    const header = ['slug', ...columns].join(separator);
    const rows = slugs.map((slug, row) => [slug, ...columns.map((_, column) => cells[(row * 4 + column) % cells.length]!)].map((cell) => csvCell(cell, separator)).join(separator));
    return [header, ...rows].join(lineEnd) + lineEnd;
  });
  return fc.oneof(
    { arbitrary: good, weight: 10 },
    { arbitrary: good.map((csv) => `\uFEFF${csv}`), weight: 1 },
    { arbitrary: good.map((csv) => `${csv}lyon,"ouvert\n`), weight: 1 },
    { arbitrary: good.map((csv) => `${csv}seul\n`), weight: 1 },
    { arbitrary: fc.constantFrom('slug,ville\n', '', '\n\n', 'slug\nlyon\nlyon\n', 'slug,ville\r\nlyon,Lyon,en trop\r\n'), weight: 1 },
  );
}
