import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';

export type StringTable = Readonly<Record<string, string>>;

/**
 * The words layouts print by themselves ("Sommaire", "Page"…), one YAML file
 * per language in `templates/strings/`, so translators never touch a layout.
 */
export class StringTables {
  private constructor(private readonly tables: Map<string, StringTable>) {}

  static async load(world: World, templatesDir: string, diagnostics: Diagnostics): Promise<StringTables> {
    const tables = new Map<string, StringTable>();
    const dir = `${templatesDir}/strings`;
    const files = await world.listFiles(dir).catch(() => [] as string[]);
    for (const path of files.filter((f) => /\.ya?ml$/.test(f))) {
      const lang = path.slice(dir.length + 1).replace(/\.ya?ml$/, '').toLowerCase();
      const lineCounter = new LineCounter();
      const document = parseDocument(new TextDecoder().decode(await world.readFile(path)), { lineCounter, prettyErrors: false });
      const error = document.errors[0];
      if (error) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        diagnostics.error(at(path, line, col), `invalid string table: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`, 'strings-invalid');
        continue;
      }
      const data: unknown = document.toJS({ maxAliasCount: 100 });
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        diagnostics.error(at(path), 'invalid string table: must be a mapping of key: text', 'strings-invalid');
        continue;
      }
      tables.set(lang, Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)])));
    }
    return new StringTables(tables);
  }

  /**
   * The table for a BCP 47 tag: `fr-CA` falls back to `fr`, and keys missing
   * from it fall back to English, so a partial translation still prints.
   */
  forLang(lang: string): { table: StringTable; found: boolean } {
    const tag = lang.toLowerCase();
    const own = this.tables.get(tag) ?? this.tables.get(tag.split('-')[0]!);
    const english = this.tables.get('en') ?? {};
    return { table: { ...english, ...own }, found: own !== undefined };
  }
}
