import { describe, expect, it } from 'vitest';
import { loadData, rowsOf } from './variants-helper.ts';

describe('variants from CSV, as spreadsheets export it', () => {
  it('reads quoted cells holding commas, line breaks and doubled quotes', async () => {
    const csv = [
      'ville,contact,adresse',
      'Paris,paris@example.org,"12 rue de la Paix, 75002 Paris"',
      'Lyon,"Tél. ""06 12 34 56 78""","Bourse du travail',
      '205 place Guichard"',
      'Marseille,,"""Le Réveil"""',
      '',
    ].join('\n');
    const { table, messages } = await loadData('groupes.csv', csv);
    expect(messages).toEqual([]);
    expect(table?.file).toBe('content/leaflets/groupes.csv');
    expect(table?.columns).toEqual(['ville', 'contact', 'adresse']);
    expect(rowsOf(table)).toEqual([
      { slug: 'paris', fields: { ville: 'Paris', contact: 'paris@example.org', adresse: '12 rue de la Paix, 75002 Paris' }, line: 2, column: 1 },
      { slug: 'lyon', fields: { ville: 'Lyon', contact: 'Tél. "06 12 34 56 78"', adresse: 'Bourse du travail\n205 place Guichard' }, line: 3, column: 1 },
      // The row after a cell that runs over two lines is counted from where it really is.
      { slug: 'marseille', fields: { ville: 'Marseille', contact: '', adresse: '"Le Réveil"' }, line: 5, column: 1 },
    ]);
  });

  it('reads a French Excel export: BOM, CRLF, `;` separator, blank lines and blank rows', async () => {
    const csv = '\uFEFFville;contact;adresse\r\n\r\nJanaözen;"a;b";"rue 1\r\nétage 2"\r\n;;\r\nAktau; x ;y\r\n\r\n;;\r\n';
    const { table, messages } = await loadData('groupes.csv', csv);
    expect(messages).toEqual([]);
    expect(table?.columns).toEqual(['ville', 'contact', 'adresse']);
    expect(rowsOf(table)).toEqual([
      { slug: 'janaozen', fields: { ville: 'Janaözen', contact: 'a;b', adresse: 'rue 1\nétage 2' }, line: 3, column: 1 },
      { slug: 'aktau', fields: { ville: 'Aktau', contact: 'x', adresse: 'y' }, line: 6, column: 1 },
    ]);
    // The BOM takes no column: the header's first cell is at column 1.
    expect(table?.columnAt('ville')).toEqual({ file: 'content/leaflets/groupes.csv', line: 1, column: 1 });
    expect(table?.columnAt('adresse')).toEqual({ file: 'content/leaflets/groupes.csv', line: 1, column: 15 });
    expect(table?.columnAt('absente')).toBeUndefined();
  });

  it('takes `,` when the header has more commas than semicolons, even if cells hold `;`', async () => {
    const { table, messages } = await loadData('groupes.csv', 'ville,note\nParis,"a; b; c"\nLyon,d;e\n');
    expect(messages).toEqual([]);
    expect(rowsOf(table).map((r) => r.fields.note)).toEqual(['a; b; c', 'd;e']);
  });

  it('trims names and values, and skips blank lines before the header', async () => {
    const { table, messages } = await loadData('groupes.csv', '\n  \n ville , contact \n  Paris ,  " a, b "  \n');
    expect(messages).toEqual([]);
    expect(table?.columns).toEqual(['ville', 'contact']);
    expect(rowsOf(table)).toEqual([{ slug: 'paris', fields: { ville: 'Paris', contact: 'a, b' }, line: 4, column: 1 }]);
  });

  it('keeps a quote inside an unquoted cell as written', async () => {
    const { table, messages } = await loadData('groupes.csv', 'ville,affiche\nParis,écran 24"\n');
    expect(messages).toEqual([]);
    expect(rowsOf(table)[0]?.fields.affiche).toBe('écran 24"');
  });

  it('reads a file without a final line end, and one written with CR only', async () => {
    for (const csv of ['ville,contact\nParis,a', 'ville,contact\rParis,a\rLyon,b\r']) {
      const { table, messages } = await loadData('groupes.csv', csv);
      expect(messages).toEqual([]);
      expect(rowsOf(table)[0]).toEqual({ slug: 'paris', fields: { ville: 'Paris', contact: 'a' }, line: 2, column: 1 });
    }
  });
});

describe('CSV errors', () => {
  it('an unclosed quote, at the line and column where it opens', async () => {
    const { table, messages } = await loadData('groupes.csv', 'ville,adresse\nParis,"12 rue\nLyon,x\n');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.csv:2:7: error: quote opened here is never closed; close it, or double it (`""`) for a quote inside a cell [variants-syntax]',
    ]);
  });

  it('text after a closing quote', async () => {
    const { table, messages } = await loadData('groupes.csv', 'ville,adresse\nParis,"12 rue" bis \n');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.csv:2:16: error: unexpected `bis` after a closing quote; put the whole cell in quotes, and double any quote inside it (`""`) [variants-syntax]',
    ]);
  });

  it('rows with too many or too few cells, each at its line', async () => {
    const csv = 'ville;contact;adresse\r\nParis;a;b;c\r\nLyon;"x\r\ny";z\r\nNantes;a\r\nRennes;a;b\r\n';
    const { table, messages } = await loadData('groupes.csv', csv);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.csv:2:1: error: row has 4 cells, the header has 3 columns; put quotes around a cell that holds `;` [variants-row]',
      'content/leaflets/groupes.csv:5:1: error: row has 2 cells, the header has 3 columns; add the missing cells, empty if need be [variants-row]',
    ]);
  });

  it('empty and repeated column names, at their header cell', async () => {
    const { table, messages } = await loadData('groupes.csv', 'ville,,contact,ville\nParis,a,b,c\n');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.csv:1:7: error: column 2 of the header has no name; name it or delete the column [variants-header]',
      'content/leaflets/groupes.csv:1:16: error: column `ville` is in the header twice (columns 1 and 4); rename or delete one [variants-header]',
    ]);
  });

  it('a header and no rows (blank rows do not count)', async () => {
    const { table, messages } = await loadData('groupes.csv', '\uFEFFville;contact\r\n;\r\n\r\n');
    expect(table).toBeUndefined();
    expect(messages).toEqual(['content/leaflets/groupes.csv:1:1: error: variants file has a header but no rows; add one row per group [variants-empty]']);
  });

  it('an empty file', async () => {
    for (const csv of ['', '\uFEFF', '\r\n\r\n', ',,\n']) {
      const { table, messages } = await loadData('groupes.csv', csv);
      expect(table).toBeUndefined();
      expect(messages).toEqual([
        'content/leaflets/groupes.csv:1:1: error: variants file is empty; write a header row of column names, then one row per group [variants-empty]',
      ]);
    }
  });
});
