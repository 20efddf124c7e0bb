// Rectangles and cameras as the live-session modules reason about them, independent of tldraw.

/** A rectangle: on the page (tldraw page units) or on the screen (CSS pixels, viewport-relative). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** tldraw's camera: a page point p shows at screen point (p + {x, y}) × z. */
export interface Camera {
  x: number;
  y: number;
  z: number;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `inner` lies inside `outer`, allowing `slack` pixels of rounding. */
export function contains(outer: Rect, inner: Rect, slack = 0.5): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}

/** The smallest rectangle around all of `rects` (null for none). */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** Where a page rectangle shows on the screen under `camera`. */
export function screenRectOf(page: Rect, camera: Camera): Rect {
  return {
    x: (page.x + camera.x) * camera.z,
    y: (page.y + camera.y) * camera.z,
    w: page.w * camera.z,
    h: page.h * camera.z,
  };
}

/** Two cameras showing the same view, to within `pixels` on the screen and 0.1 % of zoom. */
export function sameCamera(a: Camera, b: Camera, pixels = 1): boolean {
  return (
    Math.abs(a.z - b.z) <= a.z * 0.001 &&
    Math.abs(a.x * a.z - b.x * b.z) <= pixels &&
    Math.abs(a.y * a.z - b.y * b.z) <= pixels
  );
}
