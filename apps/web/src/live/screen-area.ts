// Reads the screen for the live-session camera: what covers the canvas (tldraw's menus and
// toolbar, the step header, the facilitator's panel, a card's form) and the part left free.
import type { Editor } from 'tldraw';
import { union, type Rect } from './geometry';
import { uncoveredArea } from './uncovered-area';

/**
 * Everything drawn over the canvas that a step's frame must not go under. Not a card's form: the
 * person opened it on purpose, and moving the board under their hands would lose them.
 */
const COVERING = [
  '.tlui-layout__top__left > *',
  '.tlui-layout__top__center > *',
  '.tlui-layout__top__right > *',
  '.tlui-layout__bottom__main > *',
  '.fac-panel',
  // "Besoin d'aide" and the reactions on the right, a participant's private ideas on the left.
  '.room-dock',
  '.room-private:not(.is-inline)',
].join(', ');

/** The covering elements' rectangles, relative to the canvas (screen pixels). */
export function coveringRects(editor: Editor): Rect[] {
  const container = editor.getContainer();
  const origin = container.getBoundingClientRect();
  return [...container.querySelectorAll<HTMLElement>(COVERING)].flatMap((element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return [];
    return [{ x: box.left - origin.left, y: box.top - origin.top, w: box.width, h: box.height }];
  });
}

/** The free part of the canvas where `target` (page units) shows largest. */
export function freeArea(editor: Editor, target?: { w: number; h: number }): Rect {
  const { w, h } = editor.getViewportScreenBounds();
  return uncoveredArea({ x: 0, y: 0, w, h }, coveringRects(editor), target);
}

/** The page bounds of these shapes together (null when none is on the page). */
export function pageBoundsOf(editor: Editor, ids: readonly string[]): Rect | null {
  return union(
    ids.flatMap((id) => {
      const bounds = editor.getShapePageBounds(id as Parameters<Editor['getShapePageBounds']>[0]);
      return bounds ? [{ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : [];
    }),
  );
}

/** A short glide, none for people who asked their system for reduced motion. */
export function glideMs(durationMs: number): number {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : durationMs;
}
