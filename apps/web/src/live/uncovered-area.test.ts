import { describe, expect, it } from 'vitest';
import { intersects } from './geometry';
import { uncoveredArea } from './uncovered-area';

const phone = { x: 0, y: 0, w: 390, h: 844 };
const desktop = { x: 0, y: 0, w: 1440, h: 900 };

describe('uncoveredArea', () => {
  it('is the whole viewport when nothing covers it', () => {
    expect(uncoveredArea(desktop, [])).toEqual(desktop);
  });

  it('leaves out a header across the top and a toolbar at the bottom', () => {
    const header = { x: 0, y: 0, w: 390, h: 150 };
    const toolbar = { x: 10, y: 770, w: 370, h: 74 };
    expect(uncoveredArea(phone, [header, toolbar])).toEqual({ x: 0, y: 150, w: 390, h: 620 });
  });

  it('goes beside a tall panel, below a centred header, above a centred toolbar', () => {
    const panel = { x: 8, y: 56, w: 368, h: 700 };
    const header = { x: 400, y: 8, w: 700, h: 160 };
    const toolbar = { x: 500, y: 840, w: 440, h: 52 };
    const area = uncoveredArea(desktop, [panel, header, toolbar], { w: 2500, h: 1100 });
    expect(area).toEqual({ x: 376, y: 168, w: 1064, h: 672 });
    for (const obstacle of [panel, header, toolbar]) expect(intersects(area, obstacle)).toBe(false);
  });

  it('prefers the strip where a wide target shows biggest over a larger but tall one', () => {
    // A folded panel on the left: the wide frame goes beside it; with no target the larger
    // rectangle wins.
    const strip = { x: 0, y: 56, w: 52, h: 130 };
    const header = { x: 300, y: 0, w: 840, h: 120 };
    const wide = uncoveredArea(desktop, [strip, header], { w: 2500, h: 1100 });
    expect(wide).toEqual({ x: 0, y: 186, w: 1440, h: 714 });
    const tall = uncoveredArea(desktop, [strip, header], { w: 100, h: 1000 });
    expect(tall.h).toBe(900);
  });

  it('ignores what lies outside the viewport and falls back to the viewport when all is covered', () => {
    expect(uncoveredArea(phone, [{ x: 400, y: 0, w: 100, h: 100 }])).toEqual(phone);
    expect(uncoveredArea(phone, [{ x: -10, y: -10, w: 500, h: 900 }])).toEqual(phone);
  });
});
