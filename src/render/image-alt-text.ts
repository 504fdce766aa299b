import { pdfmakePrototype } from './pdfmake-prototype.ts';

interface PdfKitDocument {
  markContent(tag: string, options?: Record<string, unknown> | null): unknown;
  endMarkedContent(): unknown;
}
interface Renderer {
  pdfDocument: PdfKitDocument;
  renderImage(image: { alt?: unknown }): void;
}

let installed = false;

/**
 * A picture's alt text (`![alt](…)`) kept in the PDF as its alternate
 * description: the image is drawn inside a marked-content sequence
 * `/Span <</Alt (…)>> BDC … EMC`, which PDF defines for exactly this
 * (ISO 32000-1, 14.9.3) without a structure tree. pdfmake writes no
 * structure tree, and tagging the pictures alone would hide the text from
 * readers that follow one.
 */
export function installImageAltText(): void {
  if (installed) return;
  const renderer = pdfmakePrototype<Renderer>('Renderer', ['renderImage'], 'image alt text (src/render/image-alt-text.ts)');
  const original = renderer.renderImage;
  renderer.renderImage = function (this: Renderer, image) {
    const alt = typeof image.alt === 'string' ? image.alt.trim() : '';
    if (alt === '') return original.call(this, image);
    this.pdfDocument.markContent('Span', { alt });
    original.call(this, image);
    this.pdfDocument.endMarkedContent();
  };
  installed = true;
}
