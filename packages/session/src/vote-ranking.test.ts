import { describe, expect, it } from 'vitest';
import type { VoteCount } from '@atelier/protocol';
import { cutAt, resultsPerZone } from './vote-ranking';

const counts = (entries: Record<string, number>): VoteCount[] =>
  Object.entries(entries).map(([itemId, count]) => ({ itemId, count }));

describe('results per zone', () => {
  // Notes in PGO theme columns: a note's dots count for its column.
  const zoneOf = (itemId: string) =>
    ({ 'note:s1': 'zone:sante', 'note:s2': 'zone:sante', 'note:d1': 'zone:droit', 'note:x': null })[itemId];

  it("S-VOTE-8: a zone's total is the sum of its notes' dots, ranked with shared ranks", () => {
    const results = counts({ 'note:s1': 2, 'note:s2': 1, 'note:d1': 3 });
    expect(resultsPerZone(results, zoneOf)).toEqual([
      { itemId: 'zone:droit', count: 3, rank: 1 },
      { itemId: 'zone:sante', count: 3, rank: 1 },
    ]);
  });

  it('S-VOTE-8: notes outside every zone are left out; no results, no zones', () => {
    const results = counts({ 'note:s1': 1, 'note:x': 5, 'note:unknown': 2 });
    expect(resultsPerZone(results, zoneOf)).toEqual([{ itemId: 'zone:sante', count: 1, rank: 1 }]);
    expect(resultsPerZone([], zoneOf)).toEqual([]);
  });
});

describe('the cut', () => {
  it('S-DECIDE-1: one place, a clear winner', () => {
    expect(cutAt(counts({ a: 1, b: 3, c: 2 }), 1)).toEqual({
      retained: [{ itemId: 'b', count: 3 }],
      tied: [],
      placesLeft: 0,
    });
  });

  it('S-DECIDE-1: one place, two tied at the top: nobody is retained, both compete for it', () => {
    expect(cutAt(counts({ b: 2, a: 2, c: 1 }), 1)).toEqual({
      retained: [],
      tied: [
        { itemId: 'a', count: 2 },
        { itemId: 'b', count: 2 },
      ],
      placesLeft: 1,
    });
  });

  it('S-DECIDE-1: two places, a 1–1–1 tie: three items for two places, whatever their order', () => {
    const cut = cutAt(counts({ sante: 1, droit: 1, inclusion: 1 }), 2);
    expect(cut.retained).toEqual([]);
    expect(cut.tied.map((item) => item.itemId).sort()).toEqual(['droit', 'inclusion', 'sante']);
    expect(cut.placesLeft).toBe(2);
    // The kit's order (or any other) changes nothing.
    expect(cutAt(counts({ inclusion: 1, sante: 1, droit: 1 }), 2)).toEqual(cut);
  });

  it('S-DECIDE-1: two places, one ahead then a tie for the second', () => {
    expect(cutAt(counts({ sante: 3, droit: 1, inclusion: 1, climat: 0 }), 2)).toEqual({
      retained: [{ itemId: 'sante', count: 3 }],
      tied: [
        { itemId: 'droit', count: 1 },
        { itemId: 'inclusion', count: 1 },
      ],
      placesLeft: 1,
    });
  });

  it('S-DECIDE-1: two places, two tied at the top and a third behind: both retained, no tie', () => {
    expect(cutAt(counts({ a: 2, b: 2, c: 1 }), 2)).toEqual({
      retained: [
        { itemId: 'a', count: 2 },
        { itemId: 'b', count: 2 },
      ],
      tied: [],
      placesLeft: 0,
    });
  });

  it('S-DECIDE-1: three places, a tie at the third between three items', () => {
    const cut = cutAt(counts({ a: 5, b: 4, c: 2, d: 2, e: 2, f: 1 }), 3);
    expect(cut.retained.map((item) => item.itemId)).toEqual(['a', 'b']);
    expect(cut.tied.map((item) => item.itemId)).toEqual(['c', 'd', 'e']);
    expect(cut.placesLeft).toBe(1);
  });

  it('S-DECIDE-1: three places, a tie across the second and third places', () => {
    const cut = cutAt(counts({ a: 5, b: 3, c: 3, d: 3 }), 3);
    expect(cut.retained.map((item) => item.itemId)).toEqual(['a']);
    expect(cut.tied.map((item) => item.itemId)).toEqual(['b', 'c', 'd']);
    expect(cut.placesLeft).toBe(2);
  });

  it('S-DECIDE-1: three places, a tie below the cut changes nothing', () => {
    expect(cutAt(counts({ a: 5, b: 4, c: 3, d: 1, e: 1 }), 3)).toEqual({
      retained: counts({ a: 5, b: 4, c: 3 }),
      tied: [],
      placesLeft: 0,
    });
  });

  it('S-DECIDE-1: fewer items than places: all retained, no tie', () => {
    expect(cutAt(counts({ a: 1 }), 2)).toEqual({ retained: counts({ a: 1 }), tied: [], placesLeft: 0 });
    expect(cutAt([], 3)).toEqual({ retained: [], tied: [], placesLeft: 0 });
  });

  it('S-DECIDE-1: candidates without dots are tied at zero (a run-off nobody voted in)', () => {
    expect(cutAt(counts({ a: 0, b: 0 }), 1)).toMatchObject({ retained: [], placesLeft: 1 });
    expect(cutAt(counts({ a: 0, b: 0 }), 1).tied).toHaveLength(2);
  });
});
