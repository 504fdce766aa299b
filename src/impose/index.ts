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

/**
 * Saddle-stitched booklets of A5 pamphlets, for printing at home on A4.
 *
 * `imposeBooklet(pamphlet, { sheetsPerSignature?, creepMm?, title?,
 * producer?, creationDate? })` takes an A5 portrait PDF (page 1 the front
 * cover, the last page the back cover) and returns `{ bytes, sheets,
 * signatures, pages, blanks, order }`: A4 landscape pages, two pamphlet
 * pages a side at 100 %, front then back of each sheet. Printed on both
 * sides with "flip on short edge", folded in the middle and stapled at the
 * fold, the sheets read in order. Pages are made up to a multiple of 4
 * with blanks before the back cover; more than `sheetsPerSignature`
 * sheets (8) are split into signatures folded separately; `creepMm` moves
 * inner sheets' pages towards the fold.
 */
export { imposeBooklet, type BookletOptions, type BookletSide, type ImposedBooklet } from './booklet.ts';

/**
 * The print shop's file of a publication rendered with bleed.
 *
 * `finishForShop(rendered, { bleedMm?, title?, producer?, creationDate? })`
 * takes a PDF whose pages are each the finished page plus `bleedMm` (3) on
 * every side, and returns `{ bytes, pages, trim, trims }`: every page at
 * 100 % on a page 10 mm larger on every side, with its TrimBox (the
 * finished page), BleedBox (the rendered page) and MediaBox set, and crop
 * marks at the four corners outside the bleed. `trim` is page 1's finished
 * size in points, `trims` every page's.
 */
export { finishForShop, type ShopFile, type ShopOptions } from './shop.ts';
