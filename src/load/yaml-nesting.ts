/**
 * Lists and mappings a front matter may nest: honest front matter needs four
 * or five, and the YAML library walks them by recursion, so ten thousand
 * `[` overflow its stack (reported as "Maximum call stack size exceeded", at
 * no useful place).
 */
export const MAX_YAML_NESTING = 32;

/** A line whose value is a block scalar to come: `text: |`, `- >-`, `notes: |2`. */
const BLOCK_SCALAR = /(?:^|:|^ *-)[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Where the YAML text first nests deeper than the limit, 1-based within the
 * text, or undefined. Counted before the library reads it, line by line:
 * block levels by indentation (and a `- ` item per level), flow levels by
 * `[` and `{` outside quotes and comments. It may count a level too many on
 * odd layouts, never too few past the limit's reach of honest YAML.
 */
export function tooDeepYaml(text: string, limit = MAX_YAML_NESTING): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  /** Inside a block scalar (`|`, `>`): its lines are text, however indented, down to this indentation. */
  let scalarAbove: number | undefined;
  for (const [index, line] of text.split('\n').entries()) {
    let i = 0;
    if (flow === 0 && quote === undefined) {
      const indent = /^ */.exec(line)![0].length;
      if (line.slice(indent).trim() === '' || line[indent] === '#') continue;
      if (scalarAbove !== undefined && indent > scalarAbove) continue;
      scalarAbove = BLOCK_SCALAR.test(line) ? indent : undefined;
      while (indents.length > 0 && indent < indents.at(-1)!) indents.pop();
      if (indents.length === 0 || indent > indents.at(-1)!) indents.push(indent);
      i = indent;
      // `- - - x`: each item marker opens a list inside the one before.
      let items = 0;
      while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
        items += 1;
        if (indents.length + items > limit) return { line: index + 1, column: i + 1 };
        i += 2;
        while (line[i] === ' ') i += 1;
      }
      if (indents.length > limit) return { line: index + 1, column: indent + 1 };
    }
    for (; i < line.length; i += 1) {
      const char = line[i];
      if (quote) {
        if (char === '\\' && quote === '"') i += 1;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '#' && (i === 0 || line[i - 1] === ' ')) break;
      else if (char === '[' || char === '{') {
        flow += 1;
        if (indents.length + flow > limit) return { line: index + 1, column: i + 1 };
      } else if ((char === ']' || char === '}') && flow > 0) flow -= 1;
    }
  }
  return undefined;
}
