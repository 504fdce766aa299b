/**
 * pdfmake's style lookup (StyleContextStack.getProperty) for an inline
 * carrying `style`, without pushing it on the stack, and without the new Set
 * pdfmake allocates for every named style at every lookup (to guard against
 * `extends` loops): on a long document those Sets were the largest single
 * source of garbage. Same order as pdfmake: the inline's named styles, then
 * the stack from the top, each named style before the styles it extends,
 * then the default style.
 */

interface StyleDefinition {
  extends?: unknown;
  [property: string]: unknown;
}

export interface StyleStack {
  styleDictionary: Record<string, StyleDefinition | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: unknown[];
}

/** pdfmake's test for a property that is set (helpers/variableType isValue). */
export const isValue = (value: unknown): boolean => value !== undefined && value !== null;

/** The value pdfmake would find for `property` on an inline with these named styles; `undefined` when none. */
export function inheritedValue(stack: StyleStack | undefined, style: unknown, property: string): unknown {
  if (!stack) return undefined;
  const names = style === undefined || style === null || style === '' ? [] : Array.isArray(style) ? style : [style];
  for (let i = names.length - 1; i >= 0; i -= 1) {
    const value = fromNamedStyle(stack.styleDictionary, names[i], property, undefined);
    if (isValue(value)) return value;
  }
  const overrides = stack.styleOverrides;
  for (let i = overrides.length - 1; i >= 0; i -= 1) {
    const item = overrides[i];
    if (typeof item === 'string') {
      const value = fromNamedStyle(stack.styleDictionary, item, property, undefined);
      if (isValue(value)) return value;
    } else if (typeof item === 'object' && item !== null) {
      const value = (item as Record<string, unknown>)[property];
      if (isValue(value)) return value;
    }
  }
  const fallback = stack.defaultStyle?.[property];
  return isValue(fallback) ? fallback : undefined;
}

function fromNamedStyle(dictionary: StyleStack['styleDictionary'], name: unknown, property: string, visited: unknown[] | undefined): unknown {
  if (visited?.includes(name)) return undefined;
  const style = dictionary[name as string];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  const seen = [...(visited ?? []), name];
  for (let i = parents.length - 1; i >= 0; i -= 1) {
    const value = fromNamedStyle(dictionary, parents[i], property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** The key pieces with these named styles share a lookup by: equal lists of names resolve alike. */
export function styleKey(style: unknown): unknown {
  return Array.isArray(style) && style.every((name) => typeof name === 'string') ? `\u0000${style.join('\u0000')}` : style;
}
