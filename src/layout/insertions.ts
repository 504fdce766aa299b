import { randomBytes } from 'node:crypto';

/**
 * How `{{json value}}` brings converted Markdown into a layout. Writing a
 * long dossier's content out as JSON text only to parse it back costs
 * megabytes of strings and a second copy of the tree, so the content made
 * for this render is written as a placeholder, `["<token>"]`, and put back
 * by reference once the (now small) layout is parsed. The placeholder is an
 * array, as the content is, so a layout's JSON5 errors read as before; its
 * token holds a random nonce drawn for each render, so no Markdown or front
 * matter text can forge one. Any other value is written as JSON text, as
 * before: a copy, never shared with the front matter it came from.
 */
export class Insertions {
  private readonly prefix = `roneo-content:${randomBytes(16).toString('hex')}:`;
  private readonly values: unknown[] = [];
  private readonly inserted = new Set<object>();

  /** `fresh`: the content made for this render alone, which the filled layout may own. */
  constructor(private readonly fresh: WeakSet<object>) {}

  /** The JSON5 text that stands for `value` in the filled layout. */
  write(value: unknown): string {
    // An empty array is no longer than a placeholder, and as JSON text it stays exactly what it was, even inside a string.
    if (!Array.isArray(value) || value.length === 0 || !this.fresh.has(value)) return JSON.stringify(value ?? null);
    // Later stages mutate the definition: a value inserted twice must give two independent trees.
    this.values.push(this.inserted.has(value) ? structuredClone(value) : asJsonData(value));
    this.inserted.add(value);
    return JSON.stringify([`${this.prefix}${this.values.length - 1}`]);
  }

  /** The parsed layout with each placeholder replaced by the value it stands for. */
  fill(parsed: unknown): unknown {
    const used = new Set<number>();
    const take = (index: number): unknown => {
      const value = used.has(index) ? structuredClone(this.values[index]) : this.values[index];
      used.add(index);
      return value;
    };
    const root = this.indexOf(parsed);
    if (root !== undefined) return take(root);
    // Inserted values are not searched: their text is the Markdown's, never a placeholder.
    const work: unknown[] = [parsed];
    while (work.length > 0) {
      const container = work.pop() as Record<string, unknown> | unknown[];
      for (const [key, child] of Object.entries(container)) {
        const index = this.indexOf(child);
        if (index !== undefined) Reflect.set(container, key, take(index));
        else if (typeof child === 'object' && child !== null) work.push(child);
      }
    }
    return parsed;
  }

  private indexOf(value: unknown): number | undefined {
    if (!Array.isArray(value) || value.length !== 1) return undefined;
    const token: unknown = value[0];
    if (typeof token !== 'string' || !token.startsWith(this.prefix)) return undefined;
    const index = Number(token.slice(this.prefix.length));
    return Number.isInteger(index) && token === `${this.prefix}${index}` && index < this.values.length ? index : undefined;
  }
}

/**
 * Makes `value` what a JSON round trip would have made of it, in place: the
 * tree is used as it is, so whatever JSON would have dropped or changed is
 * dropped or changed here (undefined and function properties, non-finite
 * numbers, -0, objects with a JSON form of their own). An object met twice
 * is copied, since JSON text holds no shared objects; a cycle throws, as
 * JSON.stringify does.
 */
export function asJsonData(value: unknown[]): unknown[] {
  if (!isPlainData(value)) return JSON.parse(JSON.stringify(value)) as unknown[];
  const seen = new Set<object>([value]);
  const work: object[] = [value];
  while (work.length > 0) {
    const container = work.pop()!;
    const inArray = Array.isArray(container);
    for (const key of inArray ? container.keys() : Object.keys(container)) {
      const child: unknown = Reflect.get(container, key);
      const json = jsonForm(child, inArray, seen);
      if (json === DROP) Reflect.deleteProperty(container, key);
      else if (!Object.is(json, child)) Reflect.set(container, key, json);
      else if (typeof child === 'object' && child !== null) {
        seen.add(child);
        work.push(child);
      }
    }
  }
  return value;
}

const DROP = Symbol('drop');

/** What JSON makes of one value in the tree: the value itself, another one, or DROP for a property JSON leaves out. */
function jsonForm(child: unknown, inArray: boolean, seen: Set<object>): unknown {
  switch (typeof child) {
    case 'object':
      return child === null || (!seen.has(child) && isPlainData(child)) ? child : (JSON.parse(JSON.stringify(child)) as unknown);
    case 'number':
      return !Number.isFinite(child) ? null : Object.is(child, -0) ? 0 : child;
    case 'undefined':
    case 'function':
    case 'symbol':
      return inArray ? null : DROP;
    case 'bigint':
      // JSON.stringify throws here, and the layout's error must stay the one it reported.
      return JSON.stringify(child);
    default:
      return child;
  }
}

function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  const plain = Array.isArray(value) ? prototype === Array.prototype : prototype === Object.prototype || prototype === null;
  return plain && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
