// WCAG 2.1 contrast (success criterion 1.4.3, RGAA 3.2): relative luminance of sRGB colours and their ratio.

/** An opaque sRGB colour, channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Reads `#rgb`, `#rrggbb`, `rgb(r, g, b)` and `hsl(h, s%, l%)`: the forms tldraw's palettes and our CSS use. */
export function parseColor(css: string): Rgb {
  const value = css.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) {
    const [r, g, b] = short.slice(1).map((digit) => parseInt(digit + digit, 16));
    return { r: r!, g: g!, b: b! };
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) {
    const [r, g, b] = long.slice(1).map((pair) => parseInt(pair, 16));
    return { r: r!, g: g!, b: b! };
  }
  const functional = /^rgb\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*\)$/.exec(value);
  if (functional) {
    const [r, g, b] = functional.slice(1).map(Number);
    return { r: r!, g: g!, b: b! };
  }
  const hsl = /^hsl\(\s*([\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*\)$/.exec(value);
  if (hsl) return hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100);
  throw new Error(`not an opaque sRGB colour: ${css}`);
}

/** CSS Color 4's hsl-to-rgb. */
function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const a = saturation * Math.min(lightness, 1 - lightness);
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return { r: channel(0), g: channel(8), b: channel(4) };
}

function linearChannel(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(color: Rgb | string): number {
  const { r, g, b } = typeof color === 'string' ? parseColor(color) : color;
  return 0.2126 * linearChannel(r) + 0.7152 * linearChannel(g) + 0.0722 * linearChannel(b);
}

/** The contrast ratio of two colours, from 1 (same) to 21 (black on white); the order does not matter. */
export function contrastRatio(foreground: Rgb | string, background: Rgb | string): number {
  const a = relativeLuminance(foreground);
  const b = relativeLuminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG AA for body text (RGAA 3.2): 4.5:1. Large text may go down to 3:1, but we hold all text to 4.5. */
export const MINIMUM_TEXT_CONTRAST = 4.5;
