import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, relativeLuminance } from './contrast';

describe('WCAG contrast', () => {
  it('gives the reference values: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#4465e9', '#4465e9')).toBe(1);
  });

  it('matches published ratios (WebAIM): #767676 on white is 4.54, #777777 is 4.48', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('reads hex and rgb() forms alike', () => {
    expect(parseColor('rgb(144, 144, 144)')).toEqual({ r: 144, g: 144, b: 144 });
    expect(parseColor('#FCE19C')).toEqual({ r: 252, g: 225, b: 156 });
    expect(relativeLuminance('#fff')).toBe(1);
    expect(parseColor('hsl(0, 0%, 100%)')).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseColor('hsl(214, 84%, 56%)')).toEqual({ r: 49, g: 130, b: 237 });
    expect(() => parseColor('hsl(0, 0%, 0%, 50%)')).toThrow(/not an opaque sRGB colour/);
  });
});
