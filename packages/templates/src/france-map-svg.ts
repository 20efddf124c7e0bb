// The identity map's background as one SVG: every académie's outline, Île-de-France enlarged, the
// overseas insets, the names and the source's credit. One image on the board weighs a few tens of
// kilobytes where thousands of tldraw line points would weigh hundreds (and tldraw's freehand shapes
// smooth a coastline away); the académies stay known to the code through `academieAt`.
import { findAcademie, type AcademieCode } from '@atelier/board-schema';
import { MAP_LAYOUT, academieLabelPosition, academieOutlines, type MapPart, type Point } from './france-map';

/** The credit the licence asks for (CC BY 4.0), on the map and in the README. */
export const MAP_CREDIT = {
  fr: 'Fonds de carte : svg-maps (Victor Cazanave), CC BY 4.0 — départements regroupés par académie',
  en: 'Base map: svg-maps (Victor Cazanave), CC BY 4.0 — départements grouped by académie',
} as const;

const INK = '#4b5563';
const BORDER = '#8792a2';
const LAND = '#eef1f5';
const FONT = "font-family='DejaVu Sans, Helvetica, Arial, sans-serif'";

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
}

function pathOf(rings: readonly Point[][]): string {
  return rings.map((ring) => `M${ring.map((p) => `${p.x} ${p.y}`).join('L')}Z`).join('');
}

function label(at: Point, text: string, size: number, anchor: 'middle' | 'start' = 'middle'): string {
  // A white halo keeps names readable over borders.
  return `<text x='${Math.round(at.x)}' y='${Math.round(at.y + size / 3)}' font-size='${size}' text-anchor='${anchor}' fill='${INK}' stroke='#fff' stroke-width='3' paint-order='stroke' ${FONT}>${escapeXml(text)}</text>`;
}

function dashedBox(box: { x: number; y: number; w: number; h: number }): string {
  return `<rect x='${box.x}' y='${box.y}' width='${box.w}' height='${box.h}' fill='none' stroke='${BORDER}' stroke-dasharray='8 6' stroke-width='1.5'/>`;
}

/** The map's SVG, `MAP_LAYOUT.width` × `MAP_LAYOUT.height` in the frame's own units. */
export function franceMapSvg(locale: 'fr' | 'en'): string {
  const { width, height } = MAP_LAYOUT;
  const parts: string[] = [];
  const shapes = (part: MapPart) =>
    academieOutlines
      .filter((o) => o.part === part)
      .map(
        (o) =>
          `<path d='${pathOf(o.rings)}' fill='${LAND}' stroke='${BORDER}' stroke-width='1.2' stroke-linejoin='round'/>`,
      );
  parts.push(...shapes('metro'), ...shapes('idf'), ...shapes('overseas'));

  // Île-de-France: where it is, and its enlargement.
  const idf = MAP_LAYOUT.idfOnMetro;
  parts.push(dashedBox(idf), dashedBox(MAP_LAYOUT.idf));
  parts.push(
    `<line x1='${idf.x + idf.w}' y1='${idf.y}' x2='${MAP_LAYOUT.idf.x}' y2='${MAP_LAYOUT.idf.y + 20}' stroke='${BORDER}' stroke-width='1.5' stroke-dasharray='8 6'/>`,
  );
  parts.push(label({ x: MAP_LAYOUT.idf.x + 10, y: MAP_LAYOUT.idf.y + 18 }, 'Île-de-France', 17, 'start'));
  for (const inset of MAP_LAYOUT.insets) {
    parts.push(dashedBox(inset));
    parts.push(label({ x: inset.x + 8, y: inset.y + 14 }, findAcademie(inset.code)!.name, 15, 'start'));
  }

  const names = academieOutlines.filter((o) => o.part !== 'overseas').map((o) => o.academie);
  for (const code of new Set<AcademieCode>(names)) {
    parts.push(label(academieLabelPosition(code), findAcademie(code)!.name, 15));
  }
  parts.push(label({ x: MAP_LAYOUT.metro.x, y: height - 16 }, MAP_CREDIT[locale], 13, 'start'));

  return `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}'>${parts.join('')}</svg>`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 then base64, by hand: the pure packages have neither `TextEncoder` nor `btoa` in their types. */
function base64Utf8(text: string): string {
  const bytes: number[] = [];
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

/** The SVG as the data URL an image asset carries (base64: percent-encoding would triple every space). */
export function franceMapDataUrl(locale: 'fr' | 'en'): string {
  return `data:image/svg+xml;base64,${base64Utf8(franceMapSvg(locale))}`;
}
