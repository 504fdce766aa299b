/**
 * The print sheets of leaflets: copies of finished leaflet PDFs laid out on
 * A4 with cut marks, for printing at home and cutting with a guillotine.
 *
 * `imposeLeaflets(leaflets, { up, title?, producer?, creationDate? })`
 * takes A5 (up 2) or A6 (up 4) portrait leaflets of 1 page, or 2 for
 * recto-verso, and returns `{ bytes, sheets, duplex, scale }`: one A4
 * portrait sheet per leaflet with `up` copies per side, shrunk by `scale`
 * to leave a margin for the marks. When `duplex` is true the file must be
 * printed on both sides with "flip on long edge" (the usual setting), and
 * each back then lands behind its front. Nothing here reads files or the
 * clock; a bad leaflet is an Error with a one-line message.
 */
export { imposeLeaflets, type ImposedSheets, type ImposeOptions, type SheetOptions } from './impose-leaflets.ts';
export type { SheetMetadata } from './sheet-metadata.ts';
export type { Up } from './sheet-layout.ts';
