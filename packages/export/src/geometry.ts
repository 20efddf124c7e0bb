// Page-space geometry of persisted tldraw shapes, computed from their records alone (no editor).

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** 2D affine transform [a c e; b d f]. */
interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

const identity: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

function multiply(m: Matrix, n: Matrix): Matrix {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

function apply(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
}

/** What geometry needs from a shape record. */
export interface PlacedShape {
  readonly id: string;
  readonly type: string;
  readonly parentId: string;
  readonly x: number;
  readonly y: number;
  readonly rotation: number;
  readonly props: Readonly<Record<string, unknown>>;
}

// tldraw 5 constants: a note is 200 × 200 before `growY` and `scale`; text line heights per size.
const noteSize = 200;
const textLineHeight: Record<string, number> = { s: 18 * 1.35, m: 24 * 1.35, l: 36 * 1.35, xl: 44 * 1.35 };

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * The shape's own size. Text height is not stored, so it is estimated from its line count:
 * good enough to tell which frame or zone its centre falls in.
 */
export function localSize(shape: PlacedShape, lineCount: number): { w: number; h: number } {
  const props = shape.props;
  const scale = num(props.scale, 1);
  switch (shape.type) {
    case 'note':
      return { w: noteSize * scale, h: (noteSize + num(props.growY, 0)) * scale };
    case 'text': {
      const lineHeight = textLineHeight[String(props.size)] ?? textLineHeight.m ?? 32;
      return { w: num(props.w, 0) * scale, h: Math.max(1, lineCount) * lineHeight * scale };
    }
    case 'geo':
      return { w: num(props.w, 0), h: num(props.h, 0) + num(props.growY, 0) };
    default:
      return { w: num(props.w, 0), h: num(props.h, 0) };
  }
}

/** Computes page transforms through the parent chain, memoised; cycles are cut rather than looping. */
export class PageGeometry {
  private readonly transforms = new Map<string, Matrix>();

  constructor(private readonly shapesById: ReadonlyMap<string, PlacedShape>) {}

  transform(shapeId: string, seen: Set<string> = new Set()): Matrix {
    const cached = this.transforms.get(shapeId);
    if (cached) return cached;
    const shape = this.shapesById.get(shapeId);
    if (!shape || seen.has(shapeId)) return identity;
    seen.add(shapeId);
    const parent = this.shapesById.has(shape.parentId) ? this.transform(shape.parentId, seen) : identity;
    const cos = Math.cos(num(shape.rotation, 0));
    const sin = Math.sin(num(shape.rotation, 0));
    const local: Matrix = { a: cos, b: sin, c: -sin, d: cos, e: num(shape.x, 0), f: num(shape.y, 0) };
    const result = multiply(parent, local);
    this.transforms.set(shapeId, result);
    return result;
  }

  /** A point in the shape's own coordinates, on the page. */
  pointOnPage(shapeId: string, point: { x: number; y: number }): { x: number; y: number } {
    return apply(this.transform(shapeId), point.x, point.y);
  }

  /** Axis-aligned page bounds of a shape of the given local size. */
  bounds(shapeId: string, size: { w: number; h: number }): Box {
    const m = this.transform(shapeId);
    const corners = [apply(m, 0, 0), apply(m, size.w, 0), apply(m, 0, size.h), apply(m, size.w, size.h)];
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
  }
}

export function center(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

export function containsPoint(box: Box, point: { x: number; y: number }): boolean {
  return point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h;
}

/**
 * Reading order as people read a wall of sticky notes: rows top to bottom, then left to right within
 * a row. An item joins the current row when its top is within half the smaller height of the row's
 * first item, so hand-placed notes a few pixels apart still read as one row.
 */
export function inReadingOrder<T>(items: readonly T[], boxOf: (item: T) => Box): T[] {
  const sorted = [...items].sort((p, q) => boxOf(p).y - boxOf(q).y || boxOf(p).x - boxOf(q).x);
  const rows: T[][] = [];
  let rowTop = 0;
  let rowHeight = 0;
  for (const item of sorted) {
    const box = boxOf(item);
    const tolerance = Math.max(8, Math.min(rowHeight, box.h) / 2);
    const row = rows[rows.length - 1];
    if (row && box.y - rowTop <= tolerance) {
      row.push(item);
    } else {
      rows.push([item]);
      rowTop = box.y;
      rowHeight = box.h;
    }
  }
  return rows.flatMap((row) => row.sort((p, q) => boxOf(p).x - boxOf(q).x || boxOf(p).y - boxOf(q).y));
}
