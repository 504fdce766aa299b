import { describe, expect, it } from 'vitest';
import { at, Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { checkColumns } from '../../src/load/variants.ts';
import { createMemoryWorld } from '../../src/world/memory-world.ts';
import { WorldError } from '../../src/world/world.ts';
import { leaflet, loadData, loadFrom, rowsOf, TRACT } from './variants-helper.ts';

const GROUPS = 'ville,contact\nParis,a\n';

describe('the `variants:` path', () => {
  it('resolves relative to the Markdown file, anywhere inside the content folder', async () => {
    for (const written of ['groupes.csv', './groupes.csv', '../groupes.csv', 'data/groupes.csv', '../leaflets/../../content/groupes.csv']) {
      const { table, messages } = await loadFrom({
        [TRACT]: leaflet(written),
        'content/leaflets/groupes.csv': GROUPS,
        'content/leaflets/data/groupes.csv': GROUPS,
        'content/groupes.csv': GROUPS,
      });
      expect(messages, written).toEqual([]);
      expect(table?.rows.length, written).toBe(1);
    }
  });

  it('refuses paths that leave the content folder, absolute paths and addresses, at the `variants:` line', async () => {
    const refused: Record<string, string> = {
      '../../secret.csv': 'content/leaflets/tract.md:4:11: error: variants file `../../secret.csv` is outside the content folder; put it inside and write its path relative to this file [variants-path]',
      '../../content-archive/groupes.csv':
        'content/leaflets/tract.md:4:11: error: variants file `../../content-archive/groupes.csv` is outside the content folder; put it inside and write its path relative to this file [variants-path]',
      '/etc/groupes.csv': 'content/leaflets/tract.md:4:11: error: variants file `/etc/groupes.csv` is outside the content folder; put it inside and write its path relative to this file [variants-path]',
      '/content/leaflets/groupes.csv':
        'content/leaflets/tract.md:4:11: error: variants file `/content/leaflets/groupes.csv` is outside the content folder; put it inside and write its path relative to this file [variants-path]',
      'C:/groupes.csv': 'content/leaflets/tract.md:4:11: error: variants file `C:/groupes.csv` is outside the content folder; put it inside and write its path relative to this file [variants-path]',
      "'data\\groupes.csv'": 'content/leaflets/tract.md:4:11: error: variants file `data\\groupes.csv`: write the path with forward slashes, relative to this file [variants-path]',
      'https://example.org/groupes.csv':
        'content/leaflets/tract.md:4:11: error: variants file `https://example.org/groupes.csv` is not fetched; save it inside the content folder and write its path relative to this file [variants-path]',
      'file:///etc/groupes.csv':
        'content/leaflets/tract.md:4:11: error: variants file `file:///etc/groupes.csv` is not fetched; save it inside the content folder and write its path relative to this file [variants-path]',
    };
    for (const [written, expected] of Object.entries(refused)) {
      const { table, messages } = await loadFrom({
        [TRACT]: leaflet(written),
        // Every file these paths could reach exists: only the check stands in the way.
        'secret.csv': GROUPS,
        'content-archive/groupes.csv': GROUPS,
        'content/leaflets/groupes.csv': GROUPS,
        'content/leaflets/data/groupes.csv': GROUPS,
      });
      expect(table, written).toBeUndefined();
      expect(messages, written).toEqual([expected]);
    }
  });

  it('stays inside the content folder when that folder is the project itself', async () => {
    const path = 'leaflets/tract.md';
    const refused = await loadFrom({ [path]: leaflet('../../secret.csv'), '../secret.csv': GROUPS }, { markdownPath: path, contentDir: '.' });
    expect(refused.messages).toEqual([
      'leaflets/tract.md:4:11: error: variants file `../../secret.csv` is outside the content folder; put it inside and write its path relative to this file [variants-path]',
    ]);
    const allowed = await loadFrom({ [path]: leaflet('../groupes.csv'), 'groupes.csv': GROUPS }, { markdownPath: path, contentDir: '.' });
    expect(allowed.messages).toEqual([]);
    expect(allowed.table?.file).toBe('groupes.csv');
  });

  it('must be a .csv, .yaml or .yml path', async () => {
    const cases: Record<string, string> = {
      'groupes.xlsx': 'content/leaflets/tract.md:4:11: error: variants file `groupes.xlsx` must be a .csv, .yaml or .yml file; export the sheet as CSV (UTF-8) [variants-path]',
      '42': 'content/leaflets/tract.md:4:11: error: front matter `variants` must be the path of a .csv, .yaml or .yml file, relative to this file [variants-path]',
      '[a.csv, b.csv]': 'content/leaflets/tract.md:4:11: error: front matter `variants` must be the path of a .csv, .yaml or .yml file, relative to this file [variants-path]',
      '""': 'content/leaflets/tract.md:4:11: error: front matter `variants` must be the path of a .csv, .yaml or .yml file, relative to this file [variants-path]',
      '': 'content/leaflets/tract.md:4:11: error: front matter `variants` must be the path of a .csv, .yaml or .yml file, relative to this file [variants-path]',
    };
    for (const [written, expected] of Object.entries(cases)) {
      const { table, messages } = await loadFrom({ [TRACT]: leaflet(written), 'content/leaflets/groupes.xlsx': GROUPS });
      expect(table, written).toBeUndefined();
      expect(messages, written).toEqual([expected]);
    }
  });
});

describe('reading the data file', () => {
  it('a missing file, at the `variants:` line', async () => {
    const { table, messages } = await loadFrom({ [TRACT]: leaflet('groupes.csv') });
    expect(table).toBeUndefined();
    expect(messages).toEqual(['content/leaflets/tract.md:4:11: error: variants file `groupes.csv` not found (looked for content/leaflets/groupes.csv) [variants-read]']);
  });

  it('a file that cannot be read, at the `variants:` line', async () => {
    const files = { [TRACT]: leaflet('groupes.csv') };
    const world = createMemoryWorld(files);
    world.readFile = async (path) => {
      throw new WorldError(path, 'EISDIR', 'is a folder');
    };
    const { messages } = await loadFrom(files, { world });
    expect(messages).toEqual(['content/leaflets/tract.md:4:11: error: cannot read variants file `groupes.csv`: is a folder [variants-read]']);
  });

  it('invalid UTF-8, at the first bad byte, after a BOM and CRLF', async () => {
    const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
    const csv = await loadData('groupes.csv', latin1('\u00EF\u00BB\u00BFville;contact\r\nParis;a\r\nJana\u00F6zen;b\r\n'));
    expect(csv.table).toBeUndefined();
    expect(csv.messages).toEqual(['content/leaflets/groupes.csv:3:5: error: file is not valid UTF-8; export it again as CSV with the character set UTF-8 [variants-encoding]']);
    const yaml = await loadData('groupes.yaml', latin1('- ville: Paris\n- ville: Jana\u00F6zen\n'));
    expect(yaml.messages).toEqual(['content/leaflets/groupes.yaml:2:14: error: file is not valid UTF-8; save it as UTF-8 [variants-encoding]']);
  });
});

describe('slugs', () => {
  it('come from the first column, made safe as file names', async () => {
    const csv = 'ville,contact\nSaint-Étienne (Loire),a\nJanaözen,b\nBolşevik,c\nБългарска,d\n../../etc/passwd,e\n';
    const { table, messages } = await loadData('groupes.csv', csv);
    expect(messages).toEqual([]);
    expect(table?.rows.map((r) => r.slug)).toEqual(['saint-etienne-loire', 'janaozen', 'bolsevik', 'balgarska', 'etc-passwd']);
  });

  it('come from a `slug` column when there is one, whatever its case, and still cannot name another folder', async () => {
    const csv = 'ville,Slug\nParis,../x\nLyon,a/b\\c\nNantes,..\\..\\y\n';
    const { table, messages } = await loadData('groupes.csv', csv);
    expect(messages).toEqual([]);
    expect(table?.rows.map((r) => r.slug)).toEqual(['x', 'a-b-c', 'y']);
  });

  it('an empty file name, a reserved one, and one already taken, at the cell it comes from', async () => {
    const csv = 'ville,contact\nSaint-Étienne,a\nSAINT ETIENNE !,b\n—,c\n,d\nCON,e\n';
    const { table, messages } = await loadData('groupes.csv', csv);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.csv:3:1: error: file name `saint-etienne` is already taken by the row at line 2; make the `ville` values differ, or add a `slug` column [variants-duplicate]',
      'content/leaflets/groupes.csv:4:1: error: `—` (column `ville`) gives an empty file name; add a `slug` column with a name made of a-z, 0-9 and - [variants-slug]',
      'content/leaflets/groupes.csv:5:1: error: column `ville` is empty, so the row has no file name; fill it in, or add a `slug` column [variants-slug]',
      'content/leaflets/groupes.csv:6:1: error: `CON` (column `ville`) gives the file name `con`, which Windows reserves for a device; add a `slug` column with another name [variants-slug]',
    ]);
  });

  it('errors from a `slug` column say to fix that column', async () => {
    const yaml = '- ville: Paris\n  slug: paris\n- ville: Lyon\n  slug: "../.."\n- ville: Nantes\n  slug:\n- ville: Paris 2\n  slug: PARIS\n';
    const { table, messages } = await loadData('groupes.yaml', yaml);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.yaml:4:9: error: `../..` (column `slug`) gives an empty file name; write it with letters a-z, digits and - [variants-slug]',
      'content/leaflets/groupes.yaml:6:3: error: column `slug` is empty, so the row has no file name; fill it in [variants-slug]',
      'content/leaflets/groupes.yaml:8:9: error: file name `paris` is already taken by the row at line 1; give this row another `slug` [variants-duplicate]',
    ]);
  });
});

describe('values', () => {
  it('are plain text, never Markdown or template code', async () => {
    const csv = 'ville,slogan\nParis,"{{title}} **gras** :variant[ville] <b>x</b> {{{raw}}}"\n';
    const { table } = await loadData('groupes.csv', csv);
    expect(table?.rows[0]?.fields.slogan).toBe('{{title}} **gras** :variant[ville] <b>x</b> {{{raw}}}');
  });

  it('are own fields of an object without prototype, so any column name is just a name', async () => {
    const { table, messages } = await loadData('groupes.csv', 'ville,__proto__,constructor\nParis,a,b\n');
    expect(messages).toEqual([]);
    const fields = table?.rows[0]?.fields ?? {};
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.entries(fields)).toEqual([
      ['ville', 'Paris'],
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
    expect(rowsOf(table)[0]?.slug).toBe('paris');
  });
});

describe('checkColumns', () => {
  it('reports each column used but missing at the data file’s header, naming where it is printed and the columns there are', async () => {
    const { table } = await loadData('groupes.csv', 'ville,contact\nParis,a\n');
    if (!table) throw new Error('table did not load');
    const diagnostics = new Diagnostics();
    const ok = checkColumns(
      table,
      [
        { name: 'ville', usedAt: at('templates/leaflet.hbs', 12, 20) },
        { name: 'adresse', usedAt: at('templates/leaflet.hbs', 14, 9) },
        { name: 'Ville', usedAt: at(TRACT, 7, 1) },
        { name: 'code' },
      ],
      diagnostics,
    );
    expect(ok).toBe(false);
    expect(diagnostics.list.map(formatDiagnostic)).toEqual([
      'content/leaflets/groupes.csv:1:1: error: no column `adresse`, which templates/leaflet.hbs:14:9 prints (this file has: ville, contact); add it here or correct the name there [variants-column]',
      'content/leaflets/groupes.csv:1:1: error: no column `Ville`, which content/leaflets/tract.md:7:1 prints (this file has: ville, contact); add it here or correct the name there [variants-column]',
      'content/leaflets/groupes.csv:1:1: error: no column `code` (this file has: ville, contact); add it here or correct the name there [variants-column]',
    ]);
  });

  it('points at the first key of a YAML file; passes when every column exists', async () => {
    const { table } = await loadData('groupes.yaml', '# Groupes\n- ville: Paris\n  contact: a\n');
    if (!table) throw new Error('table did not load');
    const diagnostics = new Diagnostics();
    expect(checkColumns(table, [{ name: 'contact' }, { name: 'ville', usedAt: at(TRACT, 7, 1) }], diagnostics)).toBe(true);
    expect(checkColumns(table, [{ name: 'code' }], diagnostics)).toBe(false);
    expect(diagnostics.list.map(formatDiagnostic)).toEqual([
      'content/leaflets/groupes.yaml:2:3: error: no column `code` (this file has: ville, contact); add it here or correct the name there [variants-column]',
    ]);
  });
});
