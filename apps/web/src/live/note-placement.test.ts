import { describe, expect, it } from 'vitest';
import { contains, intersects } from './geometry';
import { columnInView, noteSlot } from './note-placement';

const note = { w: 200, h: 200 };

describe('noteSlot', () => {
  it('puts the first note below the instructions, inside the zone', () => {
    const zone = { x: 1000, y: 500, w: 900, h: 480 };
    const instructions = { x: 1024, y: 524, w: 852, h: 40 };
    const at = noteSlot(zone, [instructions], note);
    const placed = { ...at, ...note };
    expect(contains(zone, placed)).toBe(true);
    expect(intersects(placed, instructions)).toBe(false);
    expect(at.y).toBeLessThan(instructions.y + instructions.h + 60);
  });

  it('fills a row, then the next, never over a note already there', () => {
    const zone = { x: 0, y: 0, w: 900, h: 700 };
    const occupied: { x: number; y: number; w: number; h: number }[] = [];
    for (let i = 0; i < 6; i++) {
      const at = noteSlot(zone, occupied, note);
      const placed = { ...at, ...note };
      const withGap = { x: at.x - 15, y: at.y - 15, w: note.w + 30, h: note.h + 30 };
      expect(occupied.some((rect) => intersects(rect, withGap))).toBe(false);
      expect(contains(zone, placed)).toBe(true);
      occupied.push(placed);
    }
    // Four notes per row in 900 units.
    expect(new Set(occupied.map((rect) => rect.y)).size).toBe(2);
  });

  it('centres notes in a narrow column and shifts them when the column is full', () => {
    const column = { x: 0, y: 0, w: 320, h: 460 };
    const first = noteSlot(column, [], note);
    expect(first.x).toBe(60);
    const full = [{ x: 0, y: 0, w: 320, h: 460 }];
    const extra = noteSlot(column, full, note);
    const again = noteSlot(column, [...full, { ...extra, ...note }], note);
    expect(again).not.toEqual(extra);
  });
});

describe('columnInView', () => {
  const columns = [0, 1, 2, 3].map((i) => ({
    id: `c${i}`,
    bounds: { x: i * 350, y: 0, w: 320, h: 900 },
  }));

  it('is the column the person zoomed onto', () => {
    expect(columnInView(columns, { x: 300, y: 100, w: 500, h: 800 })).toBe('c1');
  });

  it('asks (null) when the view shows several columns or none at its centre', () => {
    expect(columnInView(columns, { x: 0, y: 0, w: 1400, h: 900 })).toBeNull();
    expect(columnInView(columns, { x: 140, y: 100, w: 400, h: 400 })).toBeNull();
  });
});
