// The part of the screen that no header, panel or toolbar covers, where the step is shown.
import { intersects, type Rect } from './geometry';

/** How well a free rectangle suits the target: the zoom at which the target fits in it. */
function score(rect: Rect, target: { w: number; h: number } | undefined): number {
  if (!target || target.w <= 0 || target.h <= 0) return rect.w * rect.h;
  return Math.min(rect.w / target.w, rect.h / target.h);
}

function clip(rect: Rect, to: Rect): Rect | null {
  const x = Math.max(rect.x, to.x);
  const y = Math.max(rect.y, to.y);
  const right = Math.min(rect.x + rect.w, to.x + to.w);
  const bottom = Math.min(rect.y + rect.h, to.y + to.h);
  return right > x && bottom > y ? { x, y, w: right - x, h: bottom - y } : null;
}

/**
 * The largest rectangle of `viewport` that overlaps none of `obstacles` (all in screen pixels).
 * With a `target` (the size of what will be shown), "largest" means the one where the target
 * shows biggest, so a wide frame gets a wide strip rather than a tall one of the same area. Ties go
 * to the larger area. When the obstacles leave nothing, the whole viewport.
 *
 * Every maximal empty rectangle is bounded left and right by the viewport's or an obstacle's
 * vertical edge: each pair of such edges is tried, with the free vertical runs between them.
 */
export function uncoveredArea(
  viewport: Rect,
  obstacles: readonly Rect[],
  target?: { w: number; h: number },
): Rect {
  const blocks = obstacles.flatMap((obstacle) => {
    const clipped = clip(obstacle, viewport);
    return clipped ? [clipped] : [];
  });
  const edges = [
    ...new Set([viewport.x, viewport.x + viewport.w, ...blocks.flatMap((b) => [b.x, b.x + b.w])]),
  ].sort((a, b) => a - b);
  let best: Rect | null = null;
  let bestScore = -Infinity;
  const consider = (rect: Rect) => {
    const value = score(rect, target);
    const area = rect.w * rect.h;
    if (value > bestScore || (value === bestScore && best && area > best.w * best.h)) {
      best = rect;
      bestScore = value;
    }
  };
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const left = edges[i]!;
      const right = edges[j]!;
      const column = { x: left, y: viewport.y, w: right - left, h: viewport.h };
      const across = blocks.filter((b) => intersects(b, column)).sort((a, b) => a.y - b.y);
      let top = viewport.y;
      for (const block of across) {
        if (block.y > top) consider({ x: left, y: top, w: right - left, h: block.y - top });
        top = Math.max(top, block.y + block.h);
      }
      const bottom = viewport.y + viewport.h;
      if (bottom > top) consider({ x: left, y: top, w: right - left, h: bottom - top });
    }
  }
  return best ?? viewport;
}
