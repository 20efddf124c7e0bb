// Where a lab's pin goes on the identity map: near its académie's seat, its centre inside the
// académie's outline when there is room, never over another pin (T-PIN).
import type { AcademieCode } from '@atelier/board-schema';
import { findAcademie, PIN_SIZE } from '@atelier/board-schema';
import {
  MAP_LAYOUT,
  academieAt,
  academieMapPosition,
  academieRegion,
  type Box,
  type Point,
} from './france-map';

/** Space kept between two pins. */
export const PIN_GAP = 8;
/** Spiral steps (map units) and the farthest a pin is put from its seat before anywhere will do. */
const STEP = 22;
const MAX_RADIUS = 700;

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** The whole map but its margin: pins may spill over the sea and the insets' column. */
const mapArea: Box = {
  x: 10,
  y: MAP_LAYOUT.metro.y - 20,
  w: MAP_LAYOUT.width - 20,
  h: MAP_LAYOUT.height - MAP_LAYOUT.metro.y + 10,
};

/** Centres around `anchor`, nearest first: the anchor, then rings of growing radius. */
function* spiral(anchor: Point): Generator<Point> {
  yield anchor;
  for (let r = STEP; r <= MAX_RADIUS; r += STEP) {
    const steps = Math.max(8, Math.round((2 * Math.PI * r) / STEP));
    for (let i = 0; i < steps; i++) {
      const angle = (i / steps) * 2 * Math.PI;
      yield { x: anchor.x + r * Math.cos(angle), y: anchor.y + r * Math.sin(angle) };
    }
  }
}

/**
 * The top-left corner of a new pin for `academie` (frame coordinates), given the pins already placed:
 * the free spot nearest its seat whose centre lies in the académie; else the nearest free spot whose
 * centre lies in its part of the map (mainland, Île-de-France inset, its overseas inset); else the nearest
 * free spot on the map. Pure and deterministic.
 */
export function pinPosition(academie: AcademieCode, occupied: readonly Box[]): Point {
  const anchor = academieMapPosition(findAcademie(academie)!);
  const region = academieRegion(academie);
  const free = (centre: Point): Box | null => {
    const box = { x: centre.x - PIN_SIZE.w / 2, y: centre.y - PIN_SIZE.h / 2, ...PIN_SIZE };
    if (!contains(mapArea, box)) return null;
    return occupied.some((other) => boxesOverlap(box, other, PIN_GAP)) ? null : box;
  };
  const passes: ((centre: Point) => boolean)[] = [
    (c) => academieAt(c.x, c.y) === academie,
    (c) => c.x >= region.x && c.x <= region.x + region.w && c.y >= region.y && c.y <= region.y + region.h,
    () => true,
  ];
  for (const accepts of passes) {
    for (const centre of spiral(anchor)) {
      if (!accepts(centre)) continue;
      const box = free(centre);
      if (box) return { x: Math.round(box.x), y: Math.round(box.y) };
    }
  }
  // A map already covered with pins: on the seat, over the others.
  return { x: Math.round(anchor.x - PIN_SIZE.w / 2), y: Math.round(anchor.y - PIN_SIZE.h / 2) };
}

/** Pins for several labs at once, in order, each avoiding those already there and those placed before it. */
export function layoutPins(
  academiesInOrder: readonly AcademieCode[],
  occupied: readonly Box[] = [],
): Point[] {
  const taken = [...occupied];
  return academiesInOrder.map((academie) => {
    const at = pinPosition(academie, taken);
    taken.push({ ...at, ...PIN_SIZE });
    return at;
  });
}
