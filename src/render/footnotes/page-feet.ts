/**
 * Which notes, or which part of a note, go at the foot of which page, and
 * how much of each page they take. Pure bookkeeping on heights: the layout
 * asks it before placing a line that carries note references, and when a
 * page opens (to set the rest of a note begun on the page before).
 */

/** A note laid out once at the text width. */
export interface MeasuredNote {
  /** The destination its reference links to, such as `c1-fn-3`. */
  destination: string;
  height: number;
  /** Heights at which the note may be cut (after a line), ascending; the last is `height`. */
  breaks: number[];
  /** Notes referenced from this note's own text: they print with it. */
  refs: string[];
}

/** Part of a note, between two of its breaks. */
export interface Piece {
  note: MeasuredNote;
  from: number;
  to: number;
}

export interface FeetSpacing {
  /** Height of the separator above the first note on a page: space, rule and space. */
  separator: number;
  /** Space between two notes. */
  gap: number;
  /** The most of a page's text height the rest of a continued note may take. */
  maxShare: number;
}

/** Lines of a note kept together on each side of a page break, as for paragraphs. */
const MIN_LINES = 2;
const EPSILON = 1e-6;

export class PageFeet {
  private readonly pieces = new Map<number, Piece[]>();
  private carry: Piece[] = [];
  private readonly placed = new Set<string>();

  constructor(
    private readonly notes: ReadonlyMap<string, MeasuredNote>,
    private readonly spacing: FeetSpacing,
  ) {}

  /** The height the notes take at the foot of `page`, separator included. */
  reserved(page: number): number {
    const pieces = this.pieces.get(page);
    if (!pieces || pieces.length === 0) return 0;
    let height = this.spacing.separator + this.spacing.gap * (pieces.length - 1);
    for (const piece of pieces) height += piece.to - piece.from;
    return height;
  }

  piecesOn(page: number): readonly Piece[] {
    return this.pieces.get(page) ?? [];
  }

  pages(): number[] {
    return [...this.pieces.keys()].sort((a, b) => a - b);
  }

  hasCarry(): boolean {
    return this.carry.length > 0;
  }

  /** Notes referenced by `destinations` not placed yet, each followed by the notes its text references. */
  unplaced(destinations: readonly string[]): MeasuredNote[] {
    const out: MeasuredNote[] = [];
    const seen = new Set<string>();
    const visit = (destination: string) => {
      const note = this.notes.get(destination);
      if (!note || this.placed.has(destination) || seen.has(destination)) return;
      seen.add(destination);
      out.push(note);
      for (const nested of note.refs) visit(nested);
    };
    for (const destination of destinations) visit(destination);
    return out;
  }

  /**
   * The least these notes need at the foot of `page` for their reference
   * to stay there: what a keep must count. A note long enough to be cut
   * needs its first lines only; the rest may continue on the next page.
   */
  cost(page: number, notes: readonly MeasuredNote[]): number {
    if (notes.length === 0) return 0;
    let height = this.reserved(page) === 0 ? this.spacing.separator : this.spacing.gap;
    notes.forEach((note, index) => {
      const cuttable = note.breaks.length >= 2 * MIN_LINES;
      height += (cuttable ? note.breaks[MIN_LINES - 1]! : note.height) + (index > 0 ? this.spacing.gap : 0);
    });
    return height;
  }

  /**
   * Sets `notes` at the foot of `page`, whose reference is being placed
   * with `room` left under it. A note that does not fit is cut after a
   * line, keeping two lines or more on each side, and continues on the
   * next page; when that is not possible the reference moves to the next
   * page (undefined is returned), unless it already heads its page.
   * Returns the height added to the page's foot.
   */
  place(page: number, room: number, atTop: boolean, notes: readonly MeasuredNote[]): number | undefined {
    if (notes.length === 0) return 0;
    const before = this.reserved(page);
    if (this.carry.length > 0) {
      // A note begun earlier still continues: later notes follow it, in order.
      this.carry.push(...notes.map((note) => ({ note, from: 0, to: note.height })));
      for (const note of notes) this.placed.add(note.destination);
      return 0;
    }
    let space = room - (before === 0 ? this.spacing.separator : this.spacing.gap);
    const added: Piece[] = [];
    let rest: Piece[] = [];
    for (let index = 0; index < notes.length; index += 1) {
      const note = notes[index]!;
      const gap = added.length > 0 ? this.spacing.gap : 0;
      if (note.height + gap <= space + EPSILON) {
        added.push({ note, from: 0, to: note.height });
        space -= note.height + gap;
        continue;
      }
      const to = lastBreakWithin(note, 0, space - gap);
      const here = linesBetween(note, 0, to);
      const there = linesBetween(note, to, note.height);
      if (!atTop && !(here >= MIN_LINES && there >= MIN_LINES)) return undefined;
      if (to > 0) added.push({ note, from: 0, to });
      rest = [{ note, from: to, to: note.height }, ...notes.slice(index + 1).map((later) => ({ note: later, from: 0, to: later.height }))];
      break;
    }
    if (added.length > 0) this.pieces.set(page, [...(this.pieces.get(page) ?? []), ...added]);
    this.carry.push(...rest);
    for (const note of notes) this.placed.add(note.destination);
    return this.reserved(page) - before;
  }

  /**
   * A new page opens with `textHeight` for text and notes: the rest of a
   * note begun before goes first at its foot, up to a share of the page.
   * Returns the height taken.
   */
  openPage(page: number, textHeight: number): number {
    if (this.carry.length === 0 || this.pieces.has(page)) return this.reserved(page);
    let space = textHeight * this.spacing.maxShare - this.spacing.separator;
    const added: Piece[] = [];
    while (this.carry.length > 0) {
      const piece = this.carry[0]!;
      const gap = added.length > 0 ? this.spacing.gap : 0;
      if (piece.to - piece.from + gap <= space + EPSILON) {
        added.push(piece);
        space -= piece.to - piece.from + gap;
        this.carry.shift();
        continue;
      }
      let to = lastBreakWithin(piece.note, piece.from, space - gap);
      // Something must move on, or a note taller than the share would never end.
      if (to <= piece.from && added.length === 0) to = piece.note.breaks.find((cut) => cut > piece.from + EPSILON) ?? piece.to;
      if (to > piece.from) {
        added.push({ note: piece.note, from: piece.from, to });
        this.carry[0] = { note: piece.note, from: to, to: piece.to };
      }
      break;
    }
    if (added.length > 0) this.pieces.set(page, added);
    return this.reserved(page);
  }

  /** Notes no reference was ever placed for. */
  unplacedNotes(): MeasuredNote[] {
    return [...this.notes.values()].filter((note) => !this.placed.has(note.destination));
  }
}

/** The furthest break of `note` after `from` within `space`; `from` when none is. */
function lastBreakWithin(note: MeasuredNote, from: number, space: number): number {
  let best = from;
  for (const cut of note.breaks) {
    if (cut <= from + EPSILON) continue;
    if (cut - from > space + EPSILON) break;
    best = cut;
  }
  return best;
}

function linesBetween(note: MeasuredNote, from: number, to: number): number {
  return note.breaks.filter((cut) => cut > from + EPSILON && cut <= to + EPSILON).length;
}
