import { describe, expect, it } from 'vitest';
import { cameraBetween, cameraForNote, cameraToFit, easeInOut, STEP_FIT } from './camera-fit';
import { contains, sameCamera, screenRectOf } from './geometry';

describe('cameraToFit', () => {
  it('shows the whole frame, with its name, inside the free area', () => {
    const frame = { x: 1400, y: 0, w: 2510, h: 1160 };
    const area = { x: 0, y: 160, w: 390, h: 610 };
    const camera = cameraToFit(frame, area);
    const shown = screenRectOf(frame, camera);
    expect(contains(area, shown)).toBe(true);
    // Room above for the frame's name.
    expect(shown.y - area.y).toBeGreaterThanOrEqual(STEP_FIT.headroom + STEP_FIT.padding - 0.01);
    // As large as the area's width allows.
    expect(shown.w).toBeCloseTo(area.w - 2 * STEP_FIT.padding, 5);
  });

  it('centres the frame across the area, at its top under the room for its name', () => {
    const frame = { x: -200, y: 300, w: 400, h: 300 };
    const area = { x: 376, y: 168, w: 1064, h: 672 };
    const shown = screenRectOf(frame, cameraToFit(frame, area));
    expect(shown.x + shown.w / 2).toBeCloseTo(area.x + area.w / 2, 5);
    expect(shown.y).toBeCloseTo(area.y + STEP_FIT.padding + STEP_FIT.headroom, 5);
  });

  it('never magnifies a small frame past 100 %', () => {
    const camera = cameraToFit({ x: 0, y: 0, w: 200, h: 100 }, { x: 0, y: 0, w: 1440, h: 900 });
    expect(camera.z).toBe(1);
  });
});

describe('cameraForNote', () => {
  const area = { x: 0, y: 160, w: 390, h: 540 };
  const note = { x: 2000, y: 400, w: 200, h: 200 };

  it('zooms onto a note too small to write in, and puts it inside the free area', () => {
    const far = { x: -1400, y: 0, z: 0.15 };
    const camera = cameraForNote(note, area, far);
    expect(camera).not.toBeNull();
    const shown = screenRectOf(note, camera!);
    expect(shown.w).toBeGreaterThanOrEqual(150);
    expect(contains(area, shown)).toBe(true);
  });

  it('leaves the camera alone when the note is already readable and in view', () => {
    const close = { x: -1900, y: -200, z: 1 };
    expect(contains(area, screenRectOf(note, close))).toBe(true);
    expect(cameraForNote(note, area, close)).toBeNull();
  });

  it('never makes a note wider than 240 pixels on a large screen', () => {
    const camera = cameraForNote(note, { x: 0, y: 100, w: 1440, h: 700 }, { x: 0, y: 0, z: 0.2 });
    expect(screenRectOf(note, camera!).w).toBeCloseTo(240, 5);
  });
});

describe('sameCamera', () => {
  it('tells a camera moved by a pixel or more from one left where it was', () => {
    const camera = { x: -100, y: 50, z: 0.5 };
    expect(sameCamera(camera, { ...camera, x: -100.5 })).toBe(true);
    expect(sameCamera(camera, { ...camera, x: -104 })).toBe(false);
    expect(sameCamera(camera, { ...camera, z: 0.6 })).toBe(false);
  });
});

describe('cameraBetween', () => {
  const from = { x: 0, y: 0, z: 1 };
  const to = { x: -2000, y: -500, z: 0.25 };

  it('starts where the view is and ends where it goes', () => {
    expect(sameCamera(cameraBetween(from, to, 0, 1440), from)).toBe(true);
    expect(sameCamera(cameraBetween(from, to, 1, 1440), to)).toBe(true);
  });

  it('moves the view’s edges in a straight line', () => {
    const half = cameraBetween(from, to, 0.5, 1440);
    // The view's left edge and width are halfway.
    expect(-half.x).toBeCloseTo(1000, 5);
    expect(1440 / half.z).toBeCloseTo((1440 + 1440 / 0.25) / 2, 5);
  });

  it('eases in and out', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5, 10);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
  });
});
