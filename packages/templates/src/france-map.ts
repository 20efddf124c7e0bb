import { academies, findAcademie, type Academie, type AcademieCode } from '@atelier/board-schema';

/**
 * The identity map's geometry, in the map frame's own coordinates (origin at its top-left corner):
 * metropolitan France in an equirectangular projection corrected for its mid latitude, an enlarged inset for
 * Île-de-France (three académies within 20 km) in the Channel, and one inset per overseas académie or
 * vice-rectorat in a column on the right.
 */

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 60;
const METRO = { lonMin: -5.5, lonMax: 9.9, latMin: 41.2, latMax: 51.4 } as const;
/** Pixels per degree of latitude; longitude shrinks by cos(46.5°) so shapes keep their proportions. */
const METRO_SCALE = 150;
const METRO_LON_SCALE = METRO_SCALE * Math.cos((46.5 * Math.PI) / 180);

const IDF = { lonMin: 1.8, lonMax: 2.9, latMin: 48.55, latMax: 49.05 } as const;
const IDF_SCALE = 450;
const IDF_LON_SCALE = IDF_SCALE * Math.cos((48.8 * Math.PI) / 180);

const INSET_SIZE = 240;
const INSET_GAP = 30;
const INSET_SCALE = 60;
/** Overseas insets, two per row, in this order. */
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

const metroBox: Box = {
  x: MARGIN,
  y: MARGIN,
  w: (METRO.lonMax - METRO.lonMin) * METRO_LON_SCALE,
  h: (METRO.latMax - METRO.latMin) * METRO_SCALE,
};
const rightColumnX = metroBox.x + metroBox.w + 80;

const insetBoxes = new Map<AcademieCode, Box>(
  INSET_ORDER.map((code, i) => [
    code,
    {
      x: rightColumnX + (i % 2) * (INSET_SIZE + INSET_GAP),
      y: MARGIN + Math.floor(i / 2) * (INSET_SIZE + INSET_GAP),
      w: INSET_SIZE,
      h: INSET_SIZE,
    },
  ]),
);
const rightColumnW = 2 * INSET_SIZE + INSET_GAP;
const insetsBottom = MARGIN + Math.ceil(INSET_ORDER.length / 2) * (INSET_SIZE + INSET_GAP) - INSET_GAP;

/** The Île-de-France inset sits in the Channel, top left of the mainland map, clear of the coast. */
const idfBox: Box = {
  x: metroBox.x + 10,
  y: metroBox.y + 10,
  w: (IDF.lonMax - IDF.lonMin) * IDF_LON_SCALE,
  h: (IDF.latMax - IDF.latMin) * IDF_SCALE,
};

export const MAP_LAYOUT = {
  width: rightColumnX + rightColumnW + MARGIN,
  height: metroBox.y + metroBox.h + MARGIN,
  metro: metroBox,
  idf: idfBox,
  /** Where Île-de-France sits on the metropolitan map (the inset enlarges it). */
  idfOnMetro: {
    x: metroBox.x + (IDF.lonMin - METRO.lonMin) * METRO_LON_SCALE,
    y: metroBox.y + (METRO.latMax - IDF.latMax) * METRO_SCALE,
    w: (IDF.lonMax - IDF.lonMin) * METRO_LON_SCALE,
    h: (IDF.latMax - IDF.latMin) * METRO_SCALE,
  },
  insets: INSET_ORDER.map((code) => ({ code, ...insetBoxes.get(code)! })),
  /** Free space under the Île-de-France inset, for instructions. */
  notes: { x: rightColumnX, y: insetsBottom + 60, w: rightColumnW },
} as const;

function inBox(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function isMetropolitan(lat: number, lon: number): boolean {
  return lat >= METRO.latMin && lat <= METRO.latMax && lon >= METRO.lonMin && lon <= METRO.lonMax;
}

/** Signed difference of longitudes in (-180, 180], so the Pacific's antimeridian does not split neighbours. */
function lonDelta(a: number, b: number): number {
  const d = (((a - b) % 360) + 540) % 360;
  return d - 180;
}

function nearestOverseas(lat: number, lon: number): Academie {
  let best: Academie | undefined;
  let bestDistance = Infinity;
  for (const code of INSET_ORDER) {
    const a = findAcademie(code)!;
    const dLon = lonDelta(lon, a.lon) * Math.cos((lat * Math.PI) / 180);
    const distance = Math.hypot(lat - a.lat, dLon);
    if (distance < bestDistance) {
      best = a;
      bestDistance = distance;
    }
  }
  return best!;
}

/** Where a place appears on the metropolitan map itself, ignoring the Île-de-France inset (for outlines). */
export function projectToMainland(lat: number, lon: number): { x: number; y: number } {
  return {
    x: metroBox.x + (lon - METRO.lonMin) * METRO_LON_SCALE,
    y: metroBox.y + (METRO.latMax - lat) * METRO_SCALE,
  };
}

/**
 * Where a place (WGS 84 degrees) appears on the map. Île-de-France goes to its enlarged inset, metropolitan
 * France to the main map, anywhere else to the inset of the nearest overseas académie (clamped inside it).
 */
export function projectToMap(lat: number, lon: number): { x: number; y: number } {
  if (lat >= IDF.latMin && lat <= IDF.latMax && lon >= IDF.lonMin && lon <= IDF.lonMax) {
    return { x: idfBox.x + (lon - IDF.lonMin) * IDF_LON_SCALE, y: idfBox.y + (IDF.latMax - lat) * IDF_SCALE };
  }
  if (isMetropolitan(lat, lon)) return projectToMainland(lat, lon);
  const academie = nearestOverseas(lat, lon);
  const box = insetBoxes.get(academie.code)!;
  const margin = 12;
  return {
    x: clamp(
      box.x + box.w / 2 + lonDelta(lon, academie.lon) * INSET_SCALE,
      box.x + margin,
      box.x + box.w - margin,
    ),
    y: clamp(box.y + box.h / 2 + (academie.lat - lat) * INSET_SCALE, box.y + margin, box.y + box.h - margin),
  };
}

/** Where an académie's marker sits: its rectorat's seat, projected. */
export function academieMapPosition(academie: Academie): { x: number; y: number } {
  return projectToMap(academie.lat, academie.lon);
}

const markers = academies.map((a) => ({ academie: a, ...academieMapPosition(a) }));

/**
 * The académie a point of the map belongs to (frame coordinates), so a card dropped on the map can take it:
 * inside an overseas inset, that inset's académie; elsewhere the nearest marker. Null when the nearest
 * marker is farther than `maxDistance`.
 */
export function nearestAcademie(
  x: number,
  y: number,
  maxDistance = Infinity,
): { academie: Academie; distance: number } | null {
  let best: { academie: Academie; distance: number } | null = null;
  for (const inset of MAP_LAYOUT.insets) {
    if (inBox(inset, x, y)) {
      const marker = markers.find((m) => m.academie.code === inset.code)!;
      best = { academie: marker.academie, distance: Math.hypot(marker.x - x, marker.y - y) };
    }
  }
  if (!best) {
    for (const marker of markers) {
      const distance = Math.hypot(marker.x - x, marker.y - y);
      if (!best || distance < best.distance) best = { academie: marker.academie, distance };
    }
  }
  return best && best.distance <= maxDistance ? best : null;
}

/** A simplified coastline and border of mainland France, clockwise from Dunkirk (lat, lon). */
// prettier-ignore
export const mainlandOutline: readonly (readonly [number, number])[] = [
  [51.05, 2.37], [50.5, 3.2], [50.3, 4.1], [50.14, 4.83], [49.8, 4.86], [49.52, 5.77], [49.45, 6.37],
  [49.15, 6.8], [48.97, 8.23], [48.58, 7.8], [47.58, 7.59], [47.45, 7.0], [46.9, 6.43], [46.4, 6.1],
  [46.2, 6.1], [45.9, 7.0], [45.1, 6.9], [44.4, 6.9], [43.78, 7.5], [43.7, 7.27], [43.42, 6.75],
  [43.1, 5.93], [43.3, 5.37], [43.4, 4.6], [43.4, 3.7], [43.0, 3.05], [42.44, 3.17], [42.5, 2.0],
  [42.7, 0.7], [42.85, -0.3], [43.36, -1.78], [43.48, -1.56], [44.65, -1.25], [45.62, -1.03],
  [46.15, -1.15], [46.5, -1.78], [47.27, -2.2], [47.5, -3.1], [47.75, -3.4], [48.04, -4.73],
  [48.4, -4.5], [48.7, -4.0], [48.83, -3.4], [48.65, -2.0], [48.64, -1.5], [48.84, -1.6],
  [49.72, -1.94], [49.65, -1.62], [49.67, -1.26], [49.4, -1.1], [49.3, -0.2], [49.5, 0.1],
  [49.93, 1.08], [50.06, 1.37], [50.73, 1.6], [50.95, 1.85], [51.05, 2.37],
];

// prettier-ignore
export const corsicaOutline: readonly (readonly [number, number])[] = [
  [43.0, 9.4], [42.7, 9.45], [42.0, 9.55], [41.39, 9.16], [41.6, 8.8], [41.92, 8.73], [42.3, 8.6],
  [42.57, 8.75], [42.68, 9.3], [43.0, 9.4],
];
