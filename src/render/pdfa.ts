import { createRequire } from 'node:module';

/**
 * PDF/A-2b, for archiving: what pdfmake and pdfkit need to be told, and what
 * pdfkit gets wrong.
 *
 * pdfmake passes `version` and `subset` from the document definition to
 * pdfkit, which then writes the pdfaid identification into the XMP
 * metadata and an sRGB output intent (with its ICC profile) into the
 * catalog; PDF/A-2 is based on PDF 1.7. Fonts are always embedded, there is
 * no encryption, and the trailer /ID is derived from the Info dictionary,
 * which holds nothing but the publication's metadata and its fixed date, so
 * a build stays reproducible.
 *
 * pdfkit's XMP packet, though, pastes the title and author into XML
 * without escaping them (a title with `&` or `<` breaks the packet), has no
 * xmp:ModifyDate for the Info dictionary's ModDate (PDF/A requires every
 * Info entry to have its XMP equivalent), and puts a stray lowercase
 * `length` key in the stream's dictionary. The packet is written here
 * instead, from the same Info dictionary. pdfkit also records the width of
 * glyph 0 (.notdef) in font units rather than thousandths of an em, so a
 * font whose em is not 1000 units (Charis SIL's is 2048) declares a width
 * its program contradicts; PDF/A requires them to agree, and it is set
 * right before the fonts are written.
 */
export function pdfaOptions(pdfa: boolean | undefined): { version?: string; subset?: string } {
  // Installed for every document, so that no PDF's bytes depend on which were built before it.
  installXmpFix();
  if (!pdfa) return {};
  return { version: '1.7', subset: 'PDF/A-2b' };
}

interface Reference {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Buffer): void;
  end(): void;
}
interface EmbeddedFont {
  widths?: number[];
  scale?: number;
  font?: { getGlyph(id: number): { advanceWidth: number } };
}
interface PdfKitDocument {
  subset?: number;
  _fontFamilies: Record<string, EmbeddedFont>;
  end(): void;
  info: Record<string, unknown>;
  version: number;
  metadata: { append(xml: string, newline?: boolean): void; end(): void; getXML(): string };
  metadataRef?: Reference;
  _root: { data: Record<string, unknown> };
  ref(data: Record<string, unknown>): Reference;
  endMetadata(): void;
}

let installed = false;

function installXmpFix(): void {
  if (installed) return;
  const require = createRequire(import.meta.url);
  const version = (require('pdfkit/package.json') as { version: string }).version;
  // pdfmake's document class extends the pdfkit one it was installed with.
  const pdfmakeDocument = (require('pdfmake/js/PDFDocument.js') as { default?: { prototype: object } }).default;
  const prototype = pdfmakeDocument && (Object.getPrototypeOf(pdfmakeDocument.prototype) as PdfKitDocument);
  if (!/^0\.1[5-9]\./.test(version) || typeof prototype?.endMetadata !== 'function') {
    throw new Error(`PDF/A (src/render/pdfa.ts) wraps PDFDocument.end and replaces endMetadata of pdfkit 0.15–0.19, but pdfkit ${version} is installed`);
  }
  const end = prototype.end;
  prototype.end = function (this: PdfKitDocument) {
    if (this.subset) {
      for (const font of Object.values(this._fontFamilies)) {
        if (font.widths && font.scale && font.font) font.widths[0] = font.font.getGlyph(0).advanceWidth * font.scale;
      }
    }
    end.call(this);
  };
  prototype.endMetadata = function (this: PdfKitDocument) {
    // The pdfaid description was appended by pdfkit's endSubset, just before.
    this.metadata.append(infoAsXmp(this.info, this._root.data.Lang));
    this.metadata.end();
    if (this.version === 1.3) return;
    const ref = this.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false;
    ref.write(Buffer.from(this.metadata.getXML(), 'utf8'));
    ref.end();
    this.metadataRef = ref;
    this._root.data.Metadata = ref;
  };
  installed = true;
}

/**
 * The Info dictionary's entries in their XMP form (ISO 19005-2, 6.6.2.3.1):
 * Title → dc:title, Author → dc:creator, Subject → dc:description,
 * Keywords → pdf:Keywords, Creator → xmp:CreatorTool, Producer →
 * pdf:Producer, CreationDate → xmp:CreateDate, ModDate → xmp:ModifyDate.
 * The keywords are also listed one by one in dc:subject, and the catalog's
 * language in dc:language, where catalogues look for them.
 */
export function infoAsXmp(info: Record<string, unknown>, lang: unknown): string {
  const text = (key: string) => {
    const value = info[key];
    return typeof value === 'string' || value instanceof String ? String(value) : undefined;
  };
  const date = (key: string) => {
    const value = info[key];
    return value instanceof Date ? `${value.toISOString().split('.')[0]}Z` : undefined;
  };
  const language = typeof lang === 'string' || lang instanceof String ? String(lang) : undefined;
  const keywords = text('Keywords');
  const words = keywords?.split(',').map((w) => w.trim()).filter((w) => w !== '') ?? [];
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const list = (kind: 'Seq' | 'Bag', values: string[]) => `<rdf:${kind}>${values.map((v) => `<rdf:li>${escapeXml(v)}</rdf:li>`).join('')}</rdf:${kind}>`;
  const property = (name: string, value: string | undefined, wrap: (v: string) => string = escapeXml) =>
    value === undefined ? [] : [`   <${name}>${wrap(value)}</${name}>`];

  return [
    '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...property('xmp:CreateDate', date('CreationDate')),
    ...property('xmp:ModifyDate', date('ModDate')),
    ...property('xmp:CreatorTool', text('Creator')),
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '   <dc:format>application/pdf</dc:format>',
    ...property('dc:title', text('Title'), alt),
    ...property('dc:creator', text('Author'), (v) => list('Seq', [v])),
    ...property('dc:description', text('Subject'), alt),
    ...(words.length > 0 ? [`   <dc:subject>${list('Bag', words)}</dc:subject>`] : []),
    ...property('dc:language', language, (v) => list('Bag', [v])),
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    ...property('pdf:Producer', text('Producer')),
    ...property('pdf:Keywords', keywords),
    '  </rdf:Description>',
  ].join('\n');
}

/** XML 1.0 text: the five markup characters escaped, and the control characters it cannot hold dropped. */
function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
