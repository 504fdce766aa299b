/**
 * Text written as a YAML value the ways people write it: quoted the JSON
 * way, single-quoted, or bare (which breaks when the text holds `: `, `#`,
 * a leading `*`, `[`… and is then a front-matter error, as it should be).
 */
import fc from 'fast-check';

export function yamlScalar(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: text.map((t) => JSON.stringify(t)), weight: 14 },
    { arbitrary: text.map((t) => `'${t.replaceAll("'", "''")}'`), weight: 4 },
    { arbitrary: text.map((t) => t.replace(/[\r\n]+/g, ' ')), weight: 1 },
  );
}

/** A bare YAML list written inline, `[a, b]`, or as lines `- a`. */
export function yamlList(items: fc.Arbitrary<string>, indent = '  '): fc.Arbitrary<string> {
  return fc.oneof(
    fc.array(items, { maxLength: 4 }).map((list) => `[${list.join(', ')}]`),
    fc.array(items, { minLength: 1, maxLength: 4 }).map((list) => list.map((item) => `\n${indent}- ${item}`).join('')),
  );
}
