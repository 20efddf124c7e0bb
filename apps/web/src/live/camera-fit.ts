// The camera that shows a step's frame (or a new note) whole, in the part of the screen left free.
import { contains, screenRectOf, type Camera, type Rect } from './geometry';

export interface FitOptions {
  /** Screen pixels kept free around the target. */
  padding: number;
  /** Extra screen pixels above the target: tldraw draws a frame's name just above it. */
  headroom: number;
  minZoom: number;
  maxZoom: number;
}

/** A step's frame: never magnified past 100 %, its name kept in view. */
export const STEP_FIT: FitOptions = { padding: 12, headroom: 28, minZoom: 0.05, maxZoom: 1 };

/**
 * The camera that shows `target` (page units) whole in `area` (screen pixels): centred across,
 * at the top of the area (where the eye starts, just under the step's header).
 */
export function cameraToFit(target: Rect, area: Rect, options: FitOptions = STEP_FIT): Camera {
  const inner = {
    x: area.x + options.padding,
    y: area.y + options.padding + options.headroom,
    w: Math.max(1, area.w - 2 * options.padding),
    h: Math.max(1, area.h - 2 * options.padding - options.headroom),
  };
  const fit = Math.min(inner.w / Math.max(target.w, 1), inner.h / Math.max(target.h, 1));
  const z = Math.min(options.maxZoom, Math.max(options.minZoom, fit));
  return {
    x: (inner.x + inner.w / 2) / z - (target.x + target.w / 2),
    y: inner.y / z - target.y,
    z,
  };
}

export interface ReadableOptions {
  /** The note's width on the screen, in pixels, below which it is too small to read or write in. */
  minScreenWidth: number;
  /** Its width once zoomed for writing: this share of the free area's smaller side… */
  share: number;
  /** …but no wider than this, in pixels. */
  maxScreenWidth: number;
  /**
   * Where the note's centre goes, as a share of the free area's height from its top: above the
   * middle on touch screens, where the on-screen keyboard covers the bottom half.
   */
  verticalAnchor: number;
}

export const NOTE_READABLE: ReadableOptions = {
  minScreenWidth: 150,
  share: 0.55,
  maxScreenWidth: 240,
  verticalAnchor: 0.5,
};

/**
 * The camera for writing in a new note: unchanged (null) when the note is already readable and
 * inside `area`, else zoomed so the note takes `share` of the area and placed at its anchor.
 */
export function cameraForNote(
  note: Rect,
  area: Rect,
  current: Camera,
  options: ReadableOptions = NOTE_READABLE,
): Camera | null {
  const onScreen = screenRectOf(note, current);
  if (contains(area, onScreen) && onScreen.w >= options.minScreenWidth) return null;
  const width = Math.min(
    options.maxScreenWidth,
    Math.max(options.minScreenWidth, options.share * Math.min(area.w, area.h)),
  );
  const z = width / Math.max(note.w, 1);
  const centreX = area.x + area.w / 2;
  const centreY = area.y + area.h * options.verticalAnchor;
  return {
    x: centreX / z - (note.x + note.w / 2),
    y: centreY / z - (note.y + note.h / 2),
    z,
  };
}

/** tldraw's own easing for camera moves: slow, fast, slow. */
export function easeInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/**
 * The camera a share `t` of the way from `from` to `to`, moving the view's edges in a straight
 * line (as tldraw does), so the zoom changes smoothly; `viewportWidth` in screen pixels.
 */
export function cameraBetween(from: Camera, to: Camera, t: number, viewportWidth: number): Camera {
  const lerp = (a: number, b: number) => a + (b - a) * t;
  const left = lerp(-from.x, -to.x);
  const top = lerp(-from.y, -to.y);
  const width = lerp(viewportWidth / from.z, viewportWidth / to.z);
  return { x: -left, y: -top, z: viewportWidth / width };
}
