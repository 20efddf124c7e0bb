// Last year's map back in (issue 15): the labs GeoJSON and CSV this package writes, and a uMap layer's
// GeoJSON export (features with `name`, `description` and any properties), read into identity cards.
// Words are read in French or English, codes as codes; a lab's académie comes from its code, its name,
// its description or, last, from where its point is. Pure: the server hands the file's text in.
import {
  academies,
  cardLabels,
  emptyCardFields,
  identityCardSchema,
  labIdSchema,
  type AcademieCode,
  type IdentityCardFields,
} from '@atelier/board-schema';
import { academieOfPlace } from '@atelier/templates';

/** A lab read from a file: complete fields, an académie and an id (its own, or one made from its name). */
export type ImportedLab = IdentityCardFields & { academie: AcademieCode; labId: string };

export interface LabsFileReading {
  format: 'geojson' | 'csv';
  labs: ImportedLab[];
  /** What could not be read, by position in the file (1-based feature or CSV line) and why. */
  skipped: { at: number; reason: string }[];
}

export class LabsFileError extends Error {}

/** At most this many labs in one file: the community counts a few dozen. */
export const MAX_IMPORTED_LABS = 500;

/** Lower case, accents and punctuation gone: "Orléans-Tours" and "orleans tours" meet. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Reads back what `guardFormula` wrote: a `'` put before a formula trigger. */
function unguard(text: string): string {
  return /^'[\t\r=+\-@]|^'\s*[=+\-@]/.test(text) ? text.slice(1) : text;
}

function text(value: unknown): string {
  if (typeof value === 'string') return unguard(value).trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A lookup from any of a vocabulary's words (both languages) or codes to its code. */
function vocabulary<T extends string>(
  labels: Record<T, { fr: string; en: string }>,
): (word: string) => T | null {
  const byWord = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, { fr: string; en: string }][]) {
    for (const word of [code, label.fr, label.en]) byWord.set(fold(word), code);
  }
  return (word) => byWord.get(fold(word)) ?? null;
}

const readSpace = vocabulary(cardLabels.dedicatedSpace);
const readType = vocabulary(cardLabels.innovationType);
const readService = vocabulary(cardLabels.service);
const readStage = vocabulary(cardLabels.stage);
const readNeed = vocabulary(cardLabels.need);
const readAcademie = (() => {
  const byWord = new Map<string, AcademieCode>();
  for (const a of academies) for (const word of [a.code, a.name, a.seat]) byWord.set(fold(word), a.code);
  return (word: string): AcademieCode | null => {
    const folded = fold(word).replace(/^(academie|academy|vice rectorat) (de |d |du |of )?/, '');
    return byWord.get(folded) ?? null;
  };
})();

/** A list cell: "pédagogique, numérique" or "pedagogical;digital"; unknown words dropped, order kept. */
function list<T extends string>(value: unknown, read: (word: string) => T | null): T[] {
  const words = Array.isArray(value) ? value.map(text) : text(value).split(/[,;\n]/);
  const out: T[] = [];
  for (const word of words) {
    const code = word.trim() ? read(word) : null;
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** Every field's name in both languages, folded, to read "Label : value" lines of a description. */
const fieldByLabel = new Map<string, keyof IdentityCardFields>(
  (
    Object.entries(cardLabels.identityField) as [keyof IdentityCardFields, { fr: string; en: string }][]
  ).flatMap(([field, label]) => [
    [fold(label.fr), field],
    [fold(label.en), field],
  ]),
);

/** "Académie : Lyon\nStade : actif" (the export's popup text, or someone's own) as field → text. */
function descriptionFields(description: string): Partial<Record<keyof IdentityCardFields, string>> {
  const out: Partial<Record<keyof IdentityCardFields, string>> = {};
  for (const line of description.split(/\r?\n/)) {
    const match = /^([^:]{2,60}?)\s*:\s*(.+)$/.exec(line.replace(/\u00a0/g, ' '));
    const field = match ? fieldByLabel.get(fold(match[1]!)) : undefined;
    if (field && match) out[field] = match[2]!.trim();
  }
  return out;
}

/** Case- and accent-insensitive property lookup, first name found wins. */
function property(properties: Record<string, unknown>, ...names: string[]): unknown {
  const folded = new Map(Object.entries(properties).map(([key, value]) => [fold(key), value]));
  for (const name of names) {
    const value = folded.get(fold(name));
    if (value !== undefined && value !== null && text(value) !== '') return value;
  }
  return undefined;
}

function slug(value: string): string {
  return fold(value).replace(/ /g, '-').slice(0, 50);
}

/**
 * One lab from a feature's (or a CSV row's) properties and its point; `null` with the reason when it has
 * no name or no académie.
 */
function labFrom(
  properties: Record<string, unknown>,
  point: { lat: number; lon: number } | null,
  featureId: unknown,
): ImportedLab | string {
  const described = descriptionFields(text(property(properties, 'description')));
  // A column or property named by its code, its French or English label, or another usual name.
  const pick = (field: keyof IdentityCardFields, ...names: string[]) => {
    const label = (cardLabels.identityField as Partial<Record<string, { fr: string; en: string }>>)[field];
    const labels = label ? [label.fr, label.en] : [];
    return property(properties, field, ...names, ...labels) ?? described[field];
  };

  const labName = text(pick('labName', 'name', 'nom', 'title')).slice(0, 120);
  if (!labName) return 'no name';
  const academie =
    readAcademie(text(property(properties, 'academieCode'))) ??
    readAcademie(text(pick('academie', 'académie'))) ??
    (point ? academieOfPlace(point.lat, point.lon) : null);
  if (!academie) return point ? 'a place outside France and its overseas territories' : 'no académie';

  const given = text(featureId ?? property(properties, 'id', 'labId'));
  const labId = labIdSchema.safeParse(given).success ? given : `lab-${slug(labName)}-${academie}`;
  const contact = text(pick('contact', 'email', 'courriel')).slice(0, 200);
  const services = list(pick('services'), readService);
  const fields: IdentityCardFields = {
    ...emptyCardFields('identity'),
    labName,
    academie,
    dedicatedSpace: readSpace(text(pick('dedicatedSpace', 'lieu'))),
    innovationTypes: list(pick('innovationTypes', 'types'), readType),
    services,
    servicesOther: text(property(properties, 'servicesOther')).slice(0, 500),
    stage: readStage(text(pick('stage', 'stade'))),
    needs: list(pick('needs', 'besoins'), readNeed),
    ...(contact ? { contact } : {}),
    labId,
  };
  // The schema has the last word (lengths, unique lists): a file cannot make an invalid card.
  const parsed = identityCardSchema.safeParse(fields);
  return parsed.success ? { ...parsed.data, academie, labId } : 'fields that do not validate';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readGeoJson(body: unknown): LabsFileReading {
  const features =
    isRecord(body) && body.type === 'FeatureCollection' && Array.isArray(body.features)
      ? body.features
      : isRecord(body) && body.type === 'Feature'
        ? [body]
        : null;
  if (!features) throw new LabsFileError('a GeoJSON FeatureCollection is expected');
  if (features.length > MAX_IMPORTED_LABS)
    throw new LabsFileError(`at most ${MAX_IMPORTED_LABS} labs in one file`);
  const reading: LabsFileReading = { format: 'geojson', labs: [], skipped: [] };
  features.forEach((feature: unknown, i: number) => {
    if (!isRecord(feature)) return void reading.skipped.push({ at: i + 1, reason: 'not a feature' });
    const geometry = feature.geometry;
    const coordinates = isRecord(geometry) && geometry.type === 'Point' ? geometry.coordinates : null;
    const point =
      Array.isArray(coordinates) && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number'
        ? { lon: coordinates[0], lat: coordinates[1] }
        : null;
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const lab = labFrom(properties, point, feature.id);
    if (typeof lab === 'string') reading.skipped.push({ at: i + 1, reason: lab });
    else reading.labs.push(lab);
  });
  return reading;
}

/** RFC 4180 records (quotes, doubled quotes, line breaks inside quotes), `,` or `;` as the header has it. */
export function parseCsv(input: string): string[][] {
  const source = input.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((value) => value.trim() !== ''));
}

function readCsv(input: string): LabsFileReading {
  const [header, ...rows] = parseCsv(input);
  if (!header) throw new LabsFileError('the CSV file is empty');
  if (rows.length > MAX_IMPORTED_LABS)
    throw new LabsFileError(`at most ${MAX_IMPORTED_LABS} labs in one file`);
  const reading: LabsFileReading = { format: 'csv', labs: [], skipped: [] };
  rows.forEach((cells, i) => {
    const properties = Object.fromEntries(header.map((name, column) => [name, cells[column] ?? '']));
    const lat = Number(text(property(properties, 'lat', 'latitude')));
    const lon = Number(text(property(properties, 'lon', 'lng', 'longitude')));
    const point =
      text(properties.lat) !== '' && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
    const lab = labFrom(properties, point, undefined);
    // Line numbers as a spreadsheet shows them: the header is line 1.
    if (typeof lab === 'string') reading.skipped.push({ at: i + 2, reason: lab });
    else reading.labs.push(lab);
  });
  return reading;
}

/**
 * The labs of a GeoJSON (this package's export or a uMap layer's) or CSV (this package's export, or
 * any sheet with a name and an académie or lat/lon columns). Throws `LabsFileError` for a file that is
 * neither; labs it cannot read are listed in `skipped`. Two labs with one id: the last one wins.
 */
export function readLabsFile(input: string): LabsFileReading {
  const body = input.replace(/^\uFEFF/, '').trimStart();
  let reading: LabsFileReading;
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new LabsFileError('this file is not valid JSON');
    }
    reading = readGeoJson(json);
  } else {
    reading = readCsv(body);
  }
  const byId = new Map(reading.labs.map((lab) => [lab.labId, lab]));
  return { ...reading, labs: [...byId.values()] };
}
