// The labs of an identity map as data uMap imports: CSV with lat/lon columns, and GeoJSON.
import { findAcademie, type Academie, type IdentityCardFields } from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';
import { readBoard, type BoardRecord } from './board-reader';
import { toCsv, type Table } from './csv';
import { colon, cardFieldLabels } from './report-labels';
import { identityCardWords, type ReportIdentityCard } from './report-model';

/** A card's lasting id (P-LABID): its own, else one made from its shape's id (stable while the card lives). */
export function labIdOf(fields: IdentityCardFields, shapeId: string): string {
  return fields.labId ?? `lab-${shapeId.replace(/^shape:/, '')}`.slice(0, 64);
}

/**
 * The filled identity cards of a board, in reading order (blank cards of the tray left out), each with
 * its lab id.
 */
export function identityCardsOf(records: readonly BoardRecord[]): (IdentityCardFields & { labId: string })[] {
  const cards: (IdentityCardFields & { labId: string })[] = [];
  for (const item of readBoard(records).items) {
    const card = item.card;
    if (card?.kind !== 'identity') continue;
    if (!card.fields.labName.trim() && card.fields.academie === null) continue;
    cards.push({ ...card.fields, labId: labIdOf(card.fields, item.id) });
  }
  return cards;
}

interface LocatedLab {
  words: ReportIdentityCard;
  academie: Academie;
  fields: IdentityCardFields;
}

/** Cards with an académie: the only ones a map can place (at the rectorat's seat). */
function locate(cards: readonly IdentityCardFields[], locale: Locale): LocatedLab[] {
  const located: LocatedLab[] = [];
  for (const fields of cards) {
    const academie = fields.academie ? findAcademie(fields.academie) : undefined;
    if (academie) located.push({ words: identityCardWords(fields, locale), academie, fields });
  }
  return located;
}

/** The popup text uMap shows under the name: one "Field : value" line per filled field. */
function description(lab: LocatedLab, locale: Locale): string {
  const f = cardFieldLabels(locale).identity;
  const w = lab.words;
  return (
    [
      [f.academie, w.academie],
      [f.dedicatedSpace, w.dedicatedSpace],
      [f.innovationTypes, w.innovationTypes],
      [f.services, w.services],
      [f.stage, w.stage],
      [f.needs, w.needs],
      [f.contact, w.contact],
    ] as const
  )
    .filter(([, value]) => value)
    .map(([label, value]) => `${label}${colon(locale)}${value}`)
    .join('\n');
}

function properties(lab: LocatedLab, locale: Locale) {
  const w = lab.words;
  return {
    name: w.labName || (locale === 'fr' ? 'Lab sans nom' : 'Unnamed lab'),
    description: description(lab, locale),
    id: lab.fields.labId ?? '',
    labName: w.labName,
    academie: lab.academie.name,
    academieCode: lab.academie.code,
    region: lab.academie.region ?? '',
    seat: lab.academie.seat,
    dedicatedSpace: w.dedicatedSpace,
    innovationTypes: w.innovationTypes,
    services: w.services,
    servicesOther: lab.fields.servicesOther.trim(),
    stage: w.stage,
    needs: w.needs,
    contact: w.contact,
  };
}

const csvColumns = [
  'name',
  'description',
  'lat',
  'lon',
  'id',
  'labName',
  'academie',
  'academieCode',
  'region',
  'seat',
  'dedicatedSpace',
  'innovationTypes',
  'services',
  'servicesOther',
  'stage',
  'needs',
  'contact',
] as const;

/**
 * One row per lab placed at its académie's rectorat, `lat`/`lon` in WGS 84 degrees: uMap's CSV
 * import reads those columns, and `name`/`description` fill its popups. Cards without an académie
 * cannot be placed and are left out (the report lists them).
 */
export function labsTable(cards: readonly IdentityCardFields[], locale: Locale = 'fr'): Table {
  const rows = locate(cards, locale).map((lab) => {
    const p = properties(lab, locale);
    const values: Record<(typeof csvColumns)[number], string | number> = {
      ...p,
      lat: lab.academie.lat,
      lon: lab.academie.lon,
    };
    return csvColumns.map((column) => values[column]);
  });
  return { header: csvColumns, rows };
}

/** `labsTable` as CSV, for uMap's import. */
export function renderLabsCsv(cards: readonly IdentityCardFields[], locale: Locale = 'fr'): string {
  return toCsv(labsTable(cards, locale));
}

export interface LabFeature {
  type: 'Feature';
  /** The lab's id: uMap keeps it, so a layer can be replaced by the next export in one go. */
  id?: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ReturnType<typeof properties>;
}

export interface LabFeatureCollection {
  type: 'FeatureCollection';
  features: LabFeature[];
}

/** The labs as GeoJSON (RFC 7946): one Point [lon, lat] per placed card, every field as a property. */
export function labsFeatureCollection(
  cards: readonly IdentityCardFields[],
  locale: Locale = 'fr',
): LabFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: locate(cards, locale).map((lab) => ({
      type: 'Feature',
      ...(lab.fields.labId ? { id: lab.fields.labId } : {}),
      geometry: { type: 'Point', coordinates: [lab.academie.lon, lab.academie.lat] },
      properties: properties(lab, locale),
    })),
  };
}

/** `labsFeatureCollection` serialised, ready to save as `.geojson` and import in uMap. */
export function renderLabsGeoJson(cards: readonly IdentityCardFields[], locale: Locale = 'fr'): string {
  return `${JSON.stringify(labsFeatureCollection(cards, locale), null, 2)}\n`;
}
