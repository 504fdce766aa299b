import { pdfmakePrototype } from './pdfmake-prototype.ts';
import { inheritedValue, isValue, styleKey, type StyleStack } from './style-lookup.ts';

/**
 * pdfmake resolves twenty-odd style properties for every piece of text
 * (TextInlines.measure), each by walking the whole style stack, once per
 * word: a third of its layout time on a long document. The pieces of one
 * paragraph share that stack and differ only in their own properties and
 * named styles, so TextInlines.measure is replaced by the same computation
 * with each distinct `style` resolved once per paragraph. The results are
 * pdfmake's own: a piece's own property still wins, then its named styles,
 * then the enclosing ones, then pdfmake's default.
 */

interface Font {
  lineHeight(fontSize: number): number;
}
interface Piece {
  text: string;
  style?: unknown;
  font: Font;
  fontSize: number;
  sup?: unknown;
  sub?: unknown;
  width: number;
  height: number;
  leadingCut?: number;
  leadingIndent?: number;
  trailingCut: number;
  [property: string]: unknown;
}
interface TextInlines {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): Font };
  widthOfText(text: string, inline: Piece): number;
  measure(array: Piece[], stack: StyleStack | undefined): Piece[];
}

/** Every property measure() reads, with pdfmake's defaults. */
const DEFAULTS = {
  font: 'Roboto' as unknown,
  bold: false as unknown,
  italics: false as unknown,
  alignment: 'left' as unknown,
  fontSize: 12 as unknown,
  fontFeatures: null as unknown,
  characterSpacing: 0 as unknown,
  color: 'black' as unknown,
  decoration: null as unknown,
  decorationColor: null as unknown,
  decorationStyle: null as unknown,
  decorationThickness: null as unknown,
  background: null as unknown,
  link: null as unknown,
  linkToPage: null as unknown,
  linkToDestination: null as unknown,
  noWrap: null as unknown,
  opacity: 1 as unknown,
  sup: false as unknown,
  sub: false as unknown,
  lineHeight: 1 as unknown,
  preserveLeadingSpaces: false as unknown,
  preserveTrailingSpaces: false as unknown,
};
type Resolved = typeof DEFAULTS;
const PROPERTIES = Object.keys(DEFAULTS) as Array<keyof Resolved>;

const LEADING = /^(\s)+/;
const TRAILING = /(\s)+$/;
const INSTALLED = Symbol.for('roneo.inline-styles.installed');


export function installInlineStyles(): void {
  const inlines = pdfmakePrototype<TextInlines>('TextInlines', ['measure', 'widthOfText'], 'src/render/inline-styles.ts');
  if (Object.prototype.hasOwnProperty.call(inlines, INSTALLED)) return;
  inlines.measure = measure;
  Object.defineProperty(inlines, INSTALLED, { value: true });
}

function measure(this: TextInlines, array: Piece[], stack: StyleStack | undefined): Piece[] {
  const first = array[0];
  if (first) {
    const leadingIndent = own(first, 'leadingIndent') ?? inheritedValue(stack, first.style, 'leadingIndent') ?? 0;
    if (leadingIndent) {
      first.leadingCut = -(leadingIndent as number);
      first.leadingIndent = leadingIndent as number;
    }
  }
  const byStyle = new Map<unknown, Resolved>();
  const inheritedFont = new Map<Resolved, Font>();
  const provide = (inlines: TextInlines, resolved: Resolved): Font => {
    const font = inlines.pdfDocument.provideFont(resolved.font, resolved.bold, resolved.italics);
    inheritedFont.set(resolved, font);
    return font;
  };
  for (const item of array) {
    const key = styleKey(item.style);
    let inherited = byStyle.get(key);
    if (!inherited) {
      inherited = { ...DEFAULTS };
      for (const property of PROPERTIES) inherited[property] = inheritedValue(stack, item.style, property) ?? DEFAULTS[property];
      byStyle.set(key, inherited);
    }
    // Plain assignments, in pdfmake's order: keyed stores would turn every piece into a slow dictionary object.
    // `a ?? b` takes b where a is null or undefined: pdfmake's own test (isValue) for a piece's property.
    const ownFace = isValue(item.font) || isValue(item.bold) || isValue(item.italics);
    item.font = ownFace ? this.pdfDocument.provideFont(item.font ?? inherited.font, item.bold ?? inherited.bold, item.italics ?? inherited.italics) : (inheritedFont.get(inherited) ?? provide(this, inherited));
    item.alignment = item.alignment ?? inherited.alignment;
    item.fontSize = (item.fontSize ?? inherited.fontSize) as number;
    item.fontFeatures = item.fontFeatures ?? inherited.fontFeatures;
    item.characterSpacing = item.characterSpacing ?? inherited.characterSpacing;
    item.color = item.color ?? inherited.color;
    item.decoration = item.decoration ?? inherited.decoration;
    item.decorationColor = item.decorationColor ?? inherited.decorationColor;
    item.decorationStyle = item.decorationStyle ?? inherited.decorationStyle;
    item.decorationThickness = item.decorationThickness ?? inherited.decorationThickness;
    item.background = item.background ?? inherited.background;
    item.link = item.link ?? inherited.link;
    item.linkToPage = item.linkToPage ?? inherited.linkToPage;
    item.linkToDestination = item.linkToDestination ?? inherited.linkToDestination;
    item.noWrap = item.noWrap ?? inherited.noWrap;
    item.opacity = item.opacity ?? inherited.opacity;
    item.sup = item.sup ?? inherited.sup;
    item.sub = item.sub ?? inherited.sub;
    if (item.sup || item.sub) item.fontSize *= 0.58;
    item.width = this.widthOfText(item.text, item);
    item.height = item.font.lineHeight(item.fontSize) * ((item.lineHeight ?? inherited.lineHeight) as number);
    if (!item.leadingCut) item.leadingCut = 0;
    if (!(item.preserveLeadingSpaces ?? inherited.preserveLeadingSpaces)) {
      const leading = LEADING.exec(item.text);
      if (leading) item.leadingCut += this.widthOfText(leading[0], item);
    }
    item.trailingCut = 0;
    if (!(item.preserveTrailingSpaces ?? inherited.preserveTrailingSpaces)) {
      const trailing = TRAILING.exec(item.text);
      if (trailing) item.trailingCut = this.widthOfText(trailing[0], item);
    }
  }
  return array;
}

function own(item: Piece, property: string): unknown {
  const value = item[property];
  return isValue(value) ? value : undefined;
}
