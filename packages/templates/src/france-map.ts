import { academies, findAcademie, type Academie, type AcademieCode } from '@atelier/board-schema';
import { metroAcademieOutlines, overseasOutlines, overseasWindows } from './data/france-map-data';

/**
 * The identity map's geometry, in the map frame's own coordinates (origin at its top-left corner):
 * metropolitan France in Mercator (the projection of the svg-maps outlines it draws), an enlarged inset
 * for Île-de-France (three académies within 20 km), and one inset per overseas académie or vice-rectorat
 * in a column on the right. `projectToMap` and the drawn outlines use the same projections, so a place
 * lands in its académie's outline (T-MAP).
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

interface Window {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
}

const MARGIN = 40;
/** Room above the map for the steps' instructions. */
const NOTES_BAND = 90;
const DEG = Math.PI / 180;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2));

/** Mercator from a window of degrees into a box of the frame, scale `k` units per radian. */
function mercator(window: Window, origin: Point, k: number) {
  const top = mercatorY(window.latMax);
  return (lat: number, lon: number): Point => ({
    x: origin.x + (lon - window.lonMin) * DEG * k,
    y: origin.y + (top - mercatorY(lat)) * k,
  });
}

function mercatorSize(window: Window, k: number): { w: number; h: number } {
  return {
    w: (window.lonMax - window.lonMin) * DEG * k,
    h: (mercatorY(window.latMax) - mercatorY(window.latMin)) * k,
  };
}

const METRO: Window = { lonMin: -5.25, lonMax: 9.65, latMin: 41.3, latMax: 51.15 };
/** Units per radian of longitude on the metropolitan map (≈ 75 per degree). */
const METRO_K = 4280;
const metroBox: Box = { x: MARGIN, y: MARGIN + NOTES_BAND, ...mercatorSize(METRO, METRO_K) };
const projectMetro = mercator(METRO, metroBox, METRO_K);

const rightColumnX = metroBox.x + metroBox.w + 40;
const INSET_COLUMNS = 3;
const INSET_W = 170;
const INSET_H = 150;
const INSET_GAP = 15;
const rightColumnW = INSET_COLUMNS * INSET_W + (INSET_COLUMNS - 1) * INSET_GAP;

const IDF: Window = { lonMin: 1.44, lonMax: 3.57, latMin: 48.11, latMax: 49.25 };
const IDF_K = rightColumnW / ((IDF.lonMax - IDF.lonMin) * DEG);
const idfBox: Box = { x: rightColumnX, y: metroBox.y, ...mercatorSize(IDF, IDF_K) };
const projectIdf = mercator(IDF, idfBox, IDF_K);
/** The académies the Île-de-France inset enlarges. */
const IDF_ACADEMIES: readonly AcademieCode[] = ['paris', 'creteil', 'versailles'];

/** Overseas insets, in rows of three, in this order. */
const INSET_ORDER: readonly AcademieCode[] = [
  'guadeloupe',
  'martinique',
  'guyane',
  'la-reunion',
  'mayotte',
  'nouvelle-caledonie',
  'polynesie-francaise',
  'wallis-et-futuna',
];
/** The band at the top of an inset that holds its name. */
const INSET_TITLE = 28;
const insetsTop = idfBox.y + idfBox.h + 30;

interface Inset {
  code: AcademieCode;
  box: Box;
  window: Window;
  project: (lat: number, lon: number) => Point;
}

const insets: Inset[] = INSET_ORDER.map((code, i) => {
  const box: Box = {
    x: rightColumnX + (i % INSET_COLUMNS) * (INSET_W + INSET_GAP),
    y: insetsTop + Math.floor(i / INSET_COLUMNS) * (INSET_H + INSET_GAP),
    w: INSET_W,
    h: INSET_H,
  };
  const window = overseasWindows[code as keyof typeof overseasWindows] as Window;
  // The window fits the inset under its title, centred, keeping its proportions.
  const area = { x: box.x + 8, y: box.y + INSET_TITLE, w: box.w - 16, h: box.h - INSET_TITLE - 8 };
  const unit = mercatorSize(window, 1);
  const k = Math.min(area.w / unit.w, area.h / unit.h);
  const size = mercatorSize(window, k);
  const origin = { x: area.x + (area.w - size.w) / 2, y: area.y + (area.h - size.h) / 2 };
  return { code, box, window, project: mercator(window, origin, k) };
});
const insetsBottom = Math.max(...insets.map((i) => i.box.y + i.box.h));

export const MAP_LAYOUT = {
  width: rightColumnX + rightColumnW + MARGIN,
  height: Math.max(metroBox.y + metroBox.h, insetsBottom) + MARGIN,
  metro: metroBox,
  idf: idfBox,
  /** Where Île-de-France sits on the metropolitan map (the inset enlarges it). */
  idfOnMetro: (() => {
    const a = projectMetro(IDF.latMax, IDF.lonMin);
    const b = projectMetro(IDF.latMin, IDF.lonMax);
    return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
  })(),
  insets: insets.map(({ code, box }) => ({ code, ...box })),
  /** The band above the map, for the steps' instructions. */
  notes: { x: MARGIN, y: MARGIN, w: rightColumnX + rightColumnW - MARGIN },
  /** Free space under the insets: the legend and the credits. */
  legend: { x: rightColumnX, y: insetsBottom + 24, w: rightColumnW },
} as const;

function inBox(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

function inWindow(w: Window, lat: number, lon: number): boolean {
  return lat >= w.latMin && lat <= w.latMax && lon >= w.lonMin && lon <= w.lonMax;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Signed difference of longitudes in (-180, 180], so the Pacific's antimeridian does not split neighbours. */
function lonDelta(a: number, b: number): number {
  const d = (((a - b) % 360) + 540) % 360;
  return d - 180;
}

function nearestOverseas(lat: number, lon: number): Inset {
  let best = insets[0]!;
  let bestDistance = Infinity;
  for (const inset of insets) {
    const a = findAcademie(inset.code)!;
    const distance = Math.hypot(lat - a.lat, lonDelta(lon, a.lon) * Math.cos(lat * DEG));
    if (distance < bestDistance) {
      best = inset;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where a place appears on the metropolitan map itself, ignoring the Île-de-France inset. */
export function projectToMainland(lat: number, lon: number): Point {
  return projectMetro(lat, lon);
}

/**
 * Where a place (WGS 84 degrees) appears on the map: Île-de-France in its enlarged inset, metropolitan
 * France on the main map, an overseas place in the inset whose window holds it, anywhere else in the
 * inset of the nearest overseas académie (clamped inside it).
 */
export function projectToMap(lat: number, lon: number): Point {
  if (inWindow(IDF, lat, lon)) return projectIdf(lat, lon);
  if (inWindow(METRO, lat, lon)) return projectMetro(lat, lon);
  const holding = insets.find((inset) => inWindow(inset.window, lat, lon));
  if (holding) return holding.project(lat, lon);
  const inset = nearestOverseas(lat, lon);
  const a = findAcademie(inset.code)!;
  const seat = inset.project(a.lat, a.lon);
  const margin = 12;
  return {
    x: clamp(seat.x + lonDelta(lon, a.lon) * 20, inset.box.x + margin, inset.box.x + inset.box.w - margin),
    y: clamp(seat.y + (a.lat - lat) * 20, inset.box.y + margin, inset.box.y + inset.box.h - margin),
  };
}

/** How far (map units, ≈ 1 km each on the mainland) a seat may be moved onto its own land. */
const SEAT_SNAP = 6;

/**
 * Where an académie's marker sits: its rectorat's seat, projected; a seat on the shore that the source's
 * coastline (≈ 1.6 km per unit of the SVG) leaves in the sea moves onto land (Ajaccio, 2 km).
 */
export function academieMapPosition(academie: Academie): Point {
  const seat = projectToMap(academie.lat, academie.lon);
  if (academieAt(seat.x, seat.y) === academie.code) return seat;
  for (let r = 1; r <= SEAT_SNAP; r++) {
    for (let i = 0; i < 16; i++) {
      const angle = (i / 16) * 2 * Math.PI;
      const p = { x: seat.x + r * Math.cos(angle), y: seat.y + r * Math.sin(angle) };
      if (academieAt(p.x, p.y) === academie.code) return p;
    }
  }
  return seat;
}

/** Which part of the map an outline is drawn on. */
export type MapPart = 'metro' | 'idf' | 'overseas';

export interface AcademieOutline {
  academie: AcademieCode;
  part: MapPart;
  /** Closed rings in frame coordinates (the last point joins the first). */
  rings: Point[][];
}

function ringPoints(flat: readonly number[], project: (lat: number, lon: number) => Point): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const p = project(flat[i + 1]!, flat[i]!);
    points.push({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
  }
  return points;
}

/** Every outline the map draws: each académie on the mainland, Île-de-France's again in its inset, overseas. */
export const academieOutlines: readonly AcademieOutline[] = [
  ...Object.entries(metroAcademieOutlines).map(([code, rings]) => ({
    academie: code as AcademieCode,
    part: 'metro' as const,
    rings: rings.map((ring) => ringPoints(ring, projectMetro)),
  })),
  ...IDF_ACADEMIES.map((code) => ({
    academie: code,
    part: 'idf' as const,
    rings: (metroAcademieOutlines[code] ?? []).map((ring) => ringPoints(ring, projectIdf)),
  })),
  ...insets.map((inset) => ({
    academie: inset.code,
    part: 'overseas' as const,
    rings: (overseasOutlines[inset.code] ?? []).map((ring) => ringPoints(ring, inset.project)),
  })),
];

/** Even-odd ray casting. */
function inRing(ring: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function outlineHolds(outline: AcademieOutline, x: number, y: number): boolean {
  return outline.rings.some((ring) => inRing(ring, x, y));
}

/**
 * The académie whose outline holds a point of the map (frame coordinates), or null in the sea or
 * outside France. Inside an overseas inset, its académie wherever the point is (its islands are small).
 */
export function academieAt(x: number, y: number): AcademieCode | null {
  const inset = insets.find((i) => inBox(i.box, x, y));
  if (inset) return inset.code;
  const part: MapPart = inBox(idfBox, x, y) ? 'idf' : 'metro';
  return academieOutlines.find((o) => o.part === part && outlineHolds(o, x, y))?.academie ?? null;
}

const markers = academies.map((a) => ({ academie: a, ...academieMapPosition(a) }));

/**
 * The académie a point of the map belongs to, so a card dropped on the map can take it: the one whose
 * outline (or overseas inset) holds it, else the nearest seat within `maxDistance` (a pin dropped just off
 * the coast). Null when neither.
 */
export function nearestAcademie(
  x: number,
  y: number,
  maxDistance = Infinity,
): { academie: Academie; distance: number } | null {
  const within = academieAt(x, y);
  if (within) {
    const marker = markers.find((m) => m.academie.code === within)!;
    return { academie: marker.academie, distance: Math.hypot(marker.x - x, marker.y - y) };
  }
  let best: { academie: Academie; distance: number } | null = null;
  for (const marker of markers) {
    const distance = Math.hypot(marker.x - x, marker.y - y);
    if (!best || distance < best.distance) best = { academie: marker.academie, distance };
  }
  return best && best.distance <= maxDistance ? best : null;
}

/** The box pins of an académie should stay in: its inset overseas, the Île-de-France inset, else the mainland. */
export function academieRegion(code: AcademieCode): Box {
  const inset = insets.find((i) => i.code === code);
  if (inset) return inset.box;
  if (IDF_ACADEMIES.includes(code)) return idfBox;
  return metroBox;
}

function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]!.x - ring[i]!.x) * (ring[j]!.y + ring[i]!.y);
  return Math.abs(sum / 2);
}

/**
 * Where an académie's name goes on the mainland: the middle of its largest ring's bounding box when that
 * lies inside it, else its seat. Île-de-France's names go in its inset.
 */
export function academieLabelPosition(code: AcademieCode): Point {
  const part: MapPart = IDF_ACADEMIES.includes(code) ? 'idf' : 'metro';
  const outline = academieOutlines.find((o) => o.academie === code && o.part === part);
  const ring = outline?.rings.reduce((a, b) => (ringArea(b) > ringArea(a) ? b : a));
  if (ring) {
    const xs = ring.map((p) => p.x);
    const ys = ring.map((p) => p.y);
    const centre = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
    if (inRing(ring, centre.x, centre.y)) return centre;
  }
  return academieMapPosition(findAcademie(code)!);
}

/**
 * The académie of a place (WGS 84 degrees) in France or one of its overseas territories: the one whose
 * outline holds it, else the nearest seat on the map within 40 units (a point just off a coast); null for
 * a place elsewhere in the world.
 */
export function academieOfPlace(lat: number, lon: number): AcademieCode | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const nearOverseas = insets.some(
    ({ window: w }) =>
      lat >= w.latMin - 2 &&
      lat <= w.latMax + 2 &&
      lonDelta(lon, w.lonMin) >= -2 &&
      lonDelta(lon, w.lonMax) <= 2,
  );
  if (!inWindow(METRO, lat, lon) && !nearOverseas) return null;
  const p = projectToMap(lat, lon);
  return nearestAcademie(p.x, p.y, 40)?.academie.code ?? null;
}
