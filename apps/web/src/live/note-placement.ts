// Where a note added with "Ajouter un post-it" goes: the first free place of the person's zone.
import { intersects, type Rect } from './geometry';

export interface SlotOptions {
  /** Kept free inside the container's edges, page units. */
  padding: number;
  /** Between two notes. */
  gap: number;
}

export const NOTE_SLOTS: SlotOptions = { padding: 20, gap: 16 };

/**
 * The page position of a new `note`-sized note in `container`: the first cell of a note-sized grid,
 * row by row from the top left, that overlaps nothing in `occupied` (what the container holds:
 * instructions, headers, notes). When none is free, the last cell, shifted by 24 units per note
 * already there, so a new note never hides one exactly.
 */
export function noteSlot(
  container: Rect,
  occupied: readonly Rect[],
  note: { w: number; h: number },
  options: SlotOptions = NOTE_SLOTS,
): { x: number; y: number } {
  const inner = {
    x: container.x + options.padding,
    y: container.y + options.padding,
    w: Math.max(0, container.w - 2 * options.padding),
    h: Math.max(0, container.h - 2 * options.padding),
  };
  const columns = Math.max(1, Math.floor((inner.w + options.gap) / (note.w + options.gap)));
  // Centre the grid across the container (a narrow column gets its notes in the middle).
  const left = inner.x + Math.max(0, (inner.w - (columns * (note.w + options.gap) - options.gap)) / 2);
  // Rows step by a quarter of a note, so a note fits just below a header of any height.
  const step = Math.max(8, Math.round(note.h / 4));
  let last = { x: left, y: inner.y };
  for (let y = inner.y; y + note.h <= inner.y + inner.h || y === inner.y; y += step) {
    for (let column = 0; column < columns; column++) {
      const cell = { x: left + column * (note.w + options.gap), y, w: note.w, h: note.h };
      // A gap's width clear all around, so notes never touch what is there.
      const clearance = {
        x: cell.x - options.gap,
        y: cell.y - options.gap,
        w: cell.w + 2 * options.gap,
        h: cell.h + 2 * options.gap,
      };
      if (!occupied.some((rect) => intersects(rect, clearance))) return { x: cell.x, y: cell.y };
      last = cell;
    }
  }
  const shift = 24 * (occupied.length % 8);
  return { x: last.x + shift, y: last.y + shift };
}

export interface Column {
  id: string;
  bounds: Rect;
}

/**
 * The column a note goes in without asking: the one at the centre of the person's view when they
 * have zoomed onto it (the view no wider than 2.5 columns); null when they should choose.
 */
export function columnInView(columns: readonly Column[], viewport: Rect): string | null {
  const centre = { x: viewport.x + viewport.w / 2, y: viewport.y + viewport.h / 2 };
  const under = columns.find(
    ({ bounds }) =>
      centre.x >= bounds.x &&
      centre.x <= bounds.x + bounds.w &&
      centre.y >= bounds.y &&
      centre.y <= bounds.y + bounds.h,
  );
  return under && viewport.w <= 2.5 * under.bounds.w ? under.id : null;
}
