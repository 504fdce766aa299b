import { describe, expect, it } from 'vitest';
import { loadData, rowsOf } from './variants-helper.ts';

describe('variants from YAML', () => {
  it('reads a list of mappings; values stay text as written', async () => {
    const yaml = [
      '# Un groupe par entrée',
      '- ville: Janaözen',
      '  contact: "06 000"',
      '  code: 06000',
      '- ville: Aktau',
      '  contact:',
      '  code: no',
      '- code: null',
      '  ville: Бөлшевик',
      '  contact: |',
      '    Bourse du travail',
      '    205 place Guichard',
      '',
    ].join('\n');
    const { table, messages } = await loadData('groupes.yaml', yaml);
    expect(messages).toEqual([]);
    expect(table?.file).toBe('content/leaflets/groupes.yaml');
    expect(table?.columns).toEqual(['ville', 'contact', 'code']);
    expect(rowsOf(table)).toEqual([
      { slug: 'janaozen', fields: { ville: 'Janaözen', contact: '06 000', code: '06000' }, line: 2, column: 3 },
      { slug: 'aktau', fields: { ville: 'Aktau', contact: '', code: 'no' }, line: 5, column: 3 },
      { slug: 'bolshevik', fields: { ville: 'Бөлшевик', contact: 'Bourse du travail\n205 place Guichard', code: 'null' }, line: 8, column: 3 },
    ]);
    expect(table?.columnAt('code')).toEqual({ file: 'content/leaflets/groupes.yaml', line: 4, column: 3 });
  });

  it('reads .yml, flow mappings and aliases', async () => {
    const yaml = '- {ville: Lyon, contact: &c lyon@example.org}\n- {ville: Nantes, contact: *c}\n';
    const { table, messages } = await loadData('groupes.yml', yaml);
    expect(messages).toEqual([]);
    expect(rowsOf(table).map((r) => [r.slug, r.fields.contact])).toEqual([
      ['lyon', 'lyon@example.org'],
      ['nantes', 'lyon@example.org'],
    ]);
  });
});

describe('YAML errors', () => {
  it('invalid YAML, at the position the parser gives', async () => {
    const { table, messages } = await loadData('groupes.yaml', '- ville: Paris\n  contact: @paris\n');
    expect(table).toBeUndefined();
    expect(messages).toEqual(['content/leaflets/groupes.yaml:2:12: error: invalid YAML: Plain value cannot start with reserved character @ [variants-syntax]']);
  });

  it('a key written twice in one group', async () => {
    const { messages } = await loadData('groupes.yaml', '- ville: Paris\n  ville: Lyon\n');
    expect(messages).toEqual(['content/leaflets/groupes.yaml:2:3: error: invalid YAML: Map keys must be unique [variants-syntax]']);
  });

  it('a mapping where a list is expected', async () => {
    const { table, messages } = await loadData('groupes.yaml', 'ville: Paris\ncontact: a\n');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.yaml:1:1: error: variants file must be a list of groups, one mapping each, such as `- city: Paris` [variants-syntax]',
    ]);
  });

  it('an entry that is not a mapping, a value that is not text, a key that is not text or is empty', async () => {
    const yaml = '- Paris\n- ville: Lyon\n  contact: [a, b]\n- {ville: Nantes, [a]: b}\n- ville: Rennes\n  "": x\n';
    const { table, messages } = await loadData('groupes.yaml', yaml);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.yaml:1:3: error: each group must be a mapping of column: value, such as `city: Paris` [variants-syntax]',
      'content/leaflets/groupes.yaml:3:12: error: `contact` must be plain text, not a list or mapping [variants-syntax]',
      'content/leaflets/groupes.yaml:4:19: error: a column name must be plain text [variants-syntax]',
      'content/leaflets/groupes.yaml:6:3: error: a column name is empty; name it [variants-header]',
    ]);
  });

  it('a group missing a column of the first group, or with one it lacks', async () => {
    const yaml = '- ville: Paris\n  contact: a\n- ville: Lyon\n  ctiy: b\n- contact: c\n  ville: Nantes\n';
    const { table, messages } = await loadData('groupes.yaml', yaml);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'content/leaflets/groupes.yaml:3:3: error: group lacks `contact`, a column of the first group (line 1); add it, empty if need be (`contact: ""`) [variants-row]',
      'content/leaflets/groupes.yaml:4:3: error: `ctiy` is not a column: the first group (line 1) has ville, contact; correct it, or add it to the first group [variants-row]',
    ]);
  });

  it('an empty file or an empty list', async () => {
    for (const yaml of ['', '# rien encore\n', '[]\n', '\uFEFF\r\n']) {
      const { table, messages } = await loadData('groupes.yaml', yaml);
      expect(table).toBeUndefined();
      expect(messages).toEqual([
        'content/leaflets/groupes.yaml:1:1: error: variants file is empty; write a list with one mapping per group, such as `- city: Paris` [variants-empty]',
      ]);
    }
  });
});
