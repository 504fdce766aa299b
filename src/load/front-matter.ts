import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostics, SourcePoint } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import { MAX_YAML_NESTING, tooDeepYaml } from './yaml-nesting.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Where a field (or an item of a list field) is written, for diagnostics. */
  locate(path: readonly PropertyKey[]): SourcePoint;
}

const FENCE = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;
/** A hundred aliases cover any honest front matter; more is an alias bomb ("billion laughs"). */
const MAX_ALIASES = 100;

/** How many characters the front matter takes at the top of the text, fences included: 0 when it has none. */
export function frontMatterLength(text: string): number {
  return FENCE.exec(text)?.[0].length ?? 0;
}

/**
 * Reads the YAML block at the top of a Markdown file. The same fence rules as
 * remark-frontmatter, so both agree on where the body starts.
 */
export function readFrontMatter(path: string, text: string, diagnostics: Diagnostics): FrontMatter | undefined {
  const match = FENCE.exec(text);
  if (!match) {
    if (/^---[ \t]*\n/.test(text)) {
      diagnostics.error(at(path, 1, 1), 'front matter opened with `---` is never closed by a second `---` line', 'front-matter-yaml');
      return undefined;
    }
    return { data: {}, locate: () => at(path) };
  }
  const yamlText = match[1] ?? '';
  const firstLine = 2;
  const deep = tooDeepYaml(yamlText);
  if (deep) {
    diagnostics.error(at(path, deep.line + firstLine - 1, deep.column), `front matter nests lists and mappings more than ${MAX_YAML_NESTING} deep here; no field needs that many: flatten it`, 'front-matter-yaml');
    return undefined;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number): SourcePoint => {
    const pos = lineCounter.linePos(offset);
    return at(path, pos.line + firstLine - 1, pos.col);
  };

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      diagnostics.error(point(error.pos[0]), `invalid front matter: ${firstSentence(error.message)}`, 'front-matter-yaml');
    }
    return undefined;
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    diagnostics.error(at(path, firstLine, 1), `invalid front matter: ${firstSentence(String((error as Error).message))}`, 'front-matter-yaml');
    return undefined;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.error(at(path, firstLine, 1), 'front matter must be a mapping of fields, such as `title: …`', 'front-matter-yaml');
    return undefined;
  }

  const locate = (keys: readonly PropertyKey[]): SourcePoint => {
    let node: unknown = document.contents;
    let found: SourcePoint = at(path, firstLine, 1);
    for (const key of keys) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (!pair || !isPair(pair)) break;
        const keyNode = pair.key as YamlNode;
        if (keyNode.range) found = point(keyNode.range[0]);
        node = pair.value;
        const valueNode = node as YamlNode | null;
        if (valueNode?.range && (isScalar(valueNode) || isSeq(valueNode))) found = point(valueNode.range[0]);
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as YamlNode | undefined;
        if (!item?.range) break;
        found = point(item.range[0]);
        node = item;
      } else break;
    }
    return found;
  };
  return { data: data as Record<string, unknown>, locate };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').trim();
}
