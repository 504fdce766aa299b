import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { at, type Diagnostics, type SourcePoint } from '../diagnostics/diagnostic.ts';
import { hyphenationOverrides, typographyOverrides } from '../transform/typography/index.ts';
import type { World } from '../world/world.ts';

/** The project's settings file, beside `content/`: defaults that the command line's flags override. */
export const CONFIG_FILE = 'roneo.config.json';

const folder = (what: string) => z.string({ error: `must be the path of the ${what} folder` }).trim().min(1, { error: 'must not be empty' });

const configSchema = z.strictObject({
  $schema: z.string().optional(),
  content: folder('Markdown').optional(),
  templates: folder('templates').optional(),
  fonts: folder('fonts').optional(),
  out: folder('output').optional(),
  cache: z.union([folder('cache'), z.literal(false)], { error: 'must be the path of the cache folder, or false' }).optional(),
  profiles: z.array(z.enum(['screen', 'home', 'shop'], { error: 'must be screen, home or shop' }), { error: 'must be a list of profiles: home, shop' }).optional(),
  site: z.boolean({ error: 'must be true or false' }).optional(),
  typography: typographyOverrides.optional(),
  hyphenation: hyphenationOverrides.optional(),
  images: z
    .strictObject({
      maxDpi: z.number({ error: 'must be a number of dots per inch' }).int({ error: 'must be a whole number' }).min(72, { error: 'must be at least 72' }).max(1200, { error: 'must be at most 1200' }).optional(),
      minDpi: z.number({ error: 'must be a number of dots per inch' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(1200, { error: 'must be at most 1200' }).optional(),
    })
    .optional(),
});

export type ProjectConfig = z.infer<typeof configSchema>;

/**
 * Reads `roneo.config.json` when there is one. Every problem is reported at
 * its line and column, an unknown setting by its name; then there is no
 * config, and the build stops, since its folders may be wrong.
 */
export async function loadConfig(world: World, path: string, diagnostics: Diagnostics): Promise<ProjectConfig | undefined> {
  if (!(await world.exists(path))) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await world.readFile(path));
  } catch {
    diagnostics.error(at(path), 'cannot read the settings: not a UTF-8 text file', 'config');
    return undefined;
  }
  try {
    JSON.parse(text);
  } catch (error) {
    // JSON, strictly: other tools read this file too. V8 says where, as an offset.
    const message = String((error as Error).message).split('\n')[0]!;
    const before = text.slice(0, Number(/at position (\d+)/.exec(message)?.[1] ?? 0)).split('\n');
    diagnostics.error(at(path, before.length, before.at(-1)!.length + 1), `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, 'config');
    return undefined;
  }
  const lines = new LineCounter();
  // JSON is YAML: the YAML parser gives every key's position, and refuses duplicate keys.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number): SourcePoint => {
    const { line, col } = lines.linePos(offset);
    return at(path, line, col);
  };
  if (document.errors.length > 0 || !isMap(document.contents) || !/^\s*\{/.test(text)) {
    const error = document.errors[0];
    diagnostics.error(error ? point(error.pos[0]) : at(path), `invalid settings: ${error ? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '') : 'must be one JSON object { … }'}`, 'config');
    return undefined;
  }
  const parsed = configSchema.safeParse(document.toJS({ maxAliasCount: 0 }));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const keys = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        diagnostics.error(locate(document.contents, [...keys, key], point) ?? at(path), `unknown setting \`${[...keys, key].join('.')}\` (settings: ${settingNames(keys)})`, 'config');
      }
      continue;
    }
    diagnostics.error(locate(document.contents, keys, point) ?? at(path), `setting \`${keys.join('.')}\` ${issue.message}`, 'config');
  }
  return undefined;
}

function settingNames(keys: ReadonlyArray<string | number>): string {
  const shape = keys.length === 1 && keys[0] === 'images' ? configSchema.shape.images.unwrap().shape : keys.length === 0 ? configSchema.shape : {};
  return Object.keys(shape).filter((key) => key !== '$schema').join(', ');
}

function locate(node: unknown, keys: ReadonlyArray<string | number>, point: (offset: number) => SourcePoint): SourcePoint | undefined {
  let found: SourcePoint | undefined;
  let current = node;
  for (const key of keys) {
    if (!isMap(current)) break;
    const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (!pair || !isPair(pair)) break;
    const keyNode = pair.key as YamlNode;
    if (keyNode.range) found = point(keyNode.range[0]);
    current = pair.value;
  }
  return found;
}
