import { describe, expect, it } from 'vitest';
import { type MeasuredNote, PageFeet } from '../../src/render/footnotes/page-feet.ts';

/** A note of `lines` lines of 10 pt, which may be cut after any of them. */
function note(destination: string, lines: number, refs: string[] = []): MeasuredNote {
  return { destination, height: lines * 10, breaks: Array.from({ length: lines }, (_, i) => (i + 1) * 10), refs };
}

const SPACING = { separator: 15, gap: 2, maxShare: 0.5 };

function feetWith(...notes: MeasuredNote[]): PageFeet {
  return new PageFeet(new Map(notes.map((n) => [n.destination, n])), SPACING);
}

describe('which notes go at the foot of which page', () => {
  it('sets notes that fit whole under a separator, with a gap between them', () => {
    const feet = feetWith(note('a', 2), note('b', 3));
    expect(feet.place(0, 500, false, feet.unplaced(['a']))).toBe(15 + 20);
    expect(feet.place(0, 400, false, feet.unplaced(['b']))).toBe(2 + 30);
    expect(feet.reserved(0)).toBe(15 + 20 + 2 + 30);
    expect(feet.piecesOn(0).map((p) => [p.note.destination, p.from, p.to])).toEqual([['a', 0, 20], ['b', 0, 30]]);
  });

  it('places a note once, however often it is cited', () => {
    const feet = feetWith(note('a', 2));
    feet.place(0, 500, false, feet.unplaced(['a']));
    expect(feet.unplaced(['a'])).toEqual([]);
  });

  it('brings the notes a note cites along with it', () => {
    const feet = feetWith(note('a', 2, ['c']), note('c', 1));
    expect(feet.unplaced(['a']).map((n) => n.destination)).toEqual(['a', 'c']);
  });

  it('moves the reference to the next page rather than cut a short note', () => {
    const feet = feetWith(note('a', 3));
    // 15 separator + 30 note: 40 is too little, and three lines cannot leave two on each side.
    expect(feet.place(0, 40, false, feet.unplaced(['a']))).toBeUndefined();
    expect(feet.reserved(0)).toBe(0);
    // Nothing was recorded: the note is placed where the reference lands next.
    expect(feet.unplaced(['a'])).toHaveLength(1);
  });

  it('cuts a long note after a line, two lines or more on each side, and continues it on the next page', () => {
    const feet = feetWith(note('a', 10));
    expect(feet.place(0, 15 + 45, false, feet.unplaced(['a']))).toBe(15 + 40);
    expect(feet.hasCarry()).toBe(true);
    expect(feet.openPage(1, 700)).toBe(15 + 60);
    expect(feet.piecesOn(1).map((p) => [p.from, p.to])).toEqual([[40, 100]]);
    expect(feet.hasCarry()).toBe(false);
  });

  it('refuses a cut that would leave one line alone', () => {
    const feet = feetWith(note('a', 10));
    expect(feet.place(0, 15 + 12, false, feet.unplaced(['a']))).toBeUndefined();
  });

  it('cuts anyway when the reference already heads its page', () => {
    const feet = feetWith(note('a', 10));
    expect(feet.place(0, 15 + 12, true, feet.unplaced(['a']))).toBe(15 + 10);
  });

  it('lets a continued note take no more than its share of the next page, and carries the rest on', () => {
    const feet = feetWith(note('a', 60));
    feet.place(0, 15 + 100, false, feet.unplaced(['a']));
    // Half of 400 is 200: 15 for the separator leaves 18 lines.
    expect(feet.openPage(1, 400)).toBe(15 + 180);
    expect(feet.openPage(2, 400)).toBe(15 + 180);
    expect(feet.openPage(3, 400)).toBe(15 + 140);
    expect(feet.hasCarry()).toBe(false);
  });

  it('keeps the notes in order: a note cited while another still continues follows it', () => {
    const feet = feetWith(note('a', 60), note('b', 2));
    feet.place(0, 15 + 100, false, feet.unplaced(['a']));
    feet.openPage(1, 400);
    expect(feet.place(1, 100, false, feet.unplaced(['b']))).toBe(0);
    let page = 2;
    while (feet.hasCarry()) feet.openPage(page++, 400);
    const last = feet.piecesOn(page - 1);
    expect(last.map((p) => [p.note.destination, p.to])).toEqual([['a', 600], ['b', 20]]);
  });

  it('counts for a keep only what a note needs to stay with its reference', () => {
    const feet = feetWith(note('short', 3), note('long', 10));
    expect(feet.cost(0, feet.unplaced(['short']))).toBe(15 + 30);
    // A long note may be cut after its second line.
    expect(feet.cost(0, feet.unplaced(['long']))).toBe(15 + 20);
  });

  it('tells which notes were never placed', () => {
    const feet = feetWith(note('a', 1), note('b', 1));
    feet.place(0, 500, false, feet.unplaced(['a']));
    expect(feet.unplacedNotes().map((n) => n.destination)).toEqual(['b']);
  });
});
