/**
 * Cutting a laid-out block that no page can hold (see overlong-blocks.ts) in
 * two: what lies above the cut, and the rest moved up to start at 0.
 */

export interface Fragment {
  items: FragmentItem[];
  height: number;
}
export interface FragmentItem {
  type: string;
  item: Record<string, unknown>;
}
interface LineItem {
  y: number;
  getHeight(): number;
  clone(): LineItem;
}

const EPSILON = 1e-6;
/** What can be cut: lines, pictures and drawn shapes. Clipping and alignment markers open and close around their content. */
const CUTTABLE = new Set(['line', 'image', 'svg', 'vector']);

/**
 * The cut falls between lines and pictures, never through one, as low as
 * `room` allows; a rule or a box across it is cut with it. Undefined when the
 * block cannot be cut there: the first line or picture is itself taller than
 * `room`, or the block holds markers that must stay on one page.
 */
export function splitFragment(fragment: Fragment, room: number): [Fragment, Fragment] | undefined {
  if (fragment.items.some((entry) => !CUTTABLE.has(entry.type))) return undefined;
  const solids = fragment.items.filter((entry) => entry.type !== 'vector').map(extent);
  const through = (cut: number) => solids.some(({ top, bottom }) => top < cut - EPSILON && bottom > cut + EPSILON);
  const candidates = solids.flatMap(({ top, bottom }) => [top, bottom]).filter((cut) => cut > EPSILON && cut <= room + EPSILON && !through(cut));
  if (candidates.length === 0) return undefined;
  const cut = Math.max(...candidates);
  const above: FragmentItem[] = [];
  const below: FragmentItem[] = [];
  for (const entry of fragment.items) {
    const { top, bottom } = extent(entry);
    if (bottom <= cut + EPSILON) above.push(entry);
    else if (top >= cut - EPSILON) below.push(moved(entry, cut));
    else {
      const [upper, lower] = cutShape(entry, cut);
      above.push(upper);
      if (lower) below.push(lower);
    }
  }
  return [
    { ...fragment, items: above, height: cut },
    { ...fragment, items: below, height: Math.max(0, fragment.height - cut) },
  ];
}

function extent(entry: FragmentItem): { top: number; bottom: number } {
  const item = entry.item;
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  switch (entry.type) {
    case 'line': {
      const line = item as unknown as LineItem;
      return { top: line.y, bottom: line.y + line.getHeight() };
    }
    case 'image':
    case 'svg':
      return { top: number(item.y), bottom: number(item.y) + number(item._height ?? item.height) };
    default:
      return vectorExtent(item);
  }
}

function vectorExtent(vector: Record<string, unknown>): { top: number; bottom: number } {
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  switch (vector.type) {
    case 'rect':
      return { top: number(vector.y), bottom: number(vector.y) + number(vector.h) };
    case 'line':
      return { top: Math.min(number(vector.y1), number(vector.y2)), bottom: Math.max(number(vector.y1), number(vector.y2)) };
    case 'ellipse':
      return { top: number(vector.y) - number(vector.r2), bottom: number(vector.y) + number(vector.r2) };
    case 'polyline': {
      const ys = Array.isArray(vector.points) ? (vector.points as Array<{ y: unknown }>).map((point) => number(point.y)) : [0];
      return { top: Math.min(...ys), bottom: Math.max(...ys) };
    }
    default:
      return { top: number(vector.y), bottom: number(vector.y) };
  }
}

/** A copy of the item, `by` higher up. */
function moved(entry: FragmentItem, by: number): FragmentItem {
  if (entry.type === 'line') {
    const line = (entry.item as unknown as LineItem).clone();
    line.y -= by;
    return { type: 'line', item: line as unknown as Record<string, unknown> };
  }
  if (entry.type !== 'vector') return { type: entry.type, item: { ...entry.item, y: (entry.item.y as number) - by } };
  const vector: Record<string, unknown> = { ...entry.item };
  switch (vector.type) {
    case 'line':
      vector.y1 = (vector.y1 as number) - by;
      vector.y2 = (vector.y2 as number) - by;
      break;
    case 'polyline':
      vector.points = (vector.points as Array<{ x: number; y: number }>).map((point) => ({ ...point, y: point.y - by }));
      break;
    default:
      if (typeof vector.y === 'number') vector.y -= by;
  }
  return { type: 'vector', item: vector };
}

/** A shape across the cut: a box or a vertical rule is cut in two; any other stays whole above it. */
function cutShape(entry: FragmentItem, cut: number): [FragmentItem, FragmentItem | undefined] {
  const vector = entry.item;
  if (vector.type === 'rect') {
    const y = vector.y as number;
    const h = vector.h as number;
    return [
      { type: 'vector', item: { ...vector, h: cut - y } },
      { type: 'vector', item: { ...vector, y: 0, h: y + h - cut } },
    ];
  }
  if (vector.type === 'line' && vector.x1 === vector.x2) {
    const top = Math.min(vector.y1 as number, vector.y2 as number);
    const bottom = Math.max(vector.y1 as number, vector.y2 as number);
    return [
      { type: 'vector', item: { ...vector, y1: top, y2: cut } },
      { type: 'vector', item: { ...vector, y1: 0, y2: bottom - cut } },
    ];
  }
  return [entry, undefined];
}
