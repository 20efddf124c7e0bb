// Labs that come from a file or the registry, as pins on a board's map of académies (T-IMPORT):
// a new pin per lab, laid out near its académie's seat; a lab already on the board (same lab id)
// updated in place. Pure: the caller reads the board and writes what this returns through the room.
import {
  asPin,
  cardMeta,
  importedMeta,
  isPin,
  PIN_SIZE,
  readCard,
  readZone,
  withCard,
  ZoneKind,
  type AcademieCode,
  type IdentityCardFields,
} from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';
import { toRichText, type TLGeoShape, type TLParentId, type TLRecord, type TLShape } from '@tldraw/tlschema';
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import type { Box } from './france-map';
import { layoutPins } from './pin-layout';

export interface LabImportPlan {
  /** Records to put (new pins and updated cards). */
  put: TLShape[];
  created: number;
  updated: number;
  unchanged: number;
}

export interface LabImportOptions {
  locale: Locale;
  createId: () => string;
}

function isShape(record: TLRecord): record is TLShape {
  return record.typeName === 'shape';
}

/** The board's map frame (zone `map`), or null when the board has none. */
export function mapFrameOf(records: readonly TLRecord[]): TLShape | null {
  return (
    (records.find(
      (r) => isShape(r) && r.type === 'frame' && readZone(r)?.kind === ZoneKind.map,
    ) as TLShape | null) ?? null
  );
}

/** Where the pins already on a map are (frame coordinates), so new ones go elsewhere. */
export function pinBoxes(records: readonly TLRecord[], mapFrameId: string): Box[] {
  return records
    .filter((r): r is TLShape => isShape(r) && r.parentId === mapFrameId && isPin(r))
    .map((r) => ({ x: r.x, y: r.y, w: PIN_SIZE.w, h: PIN_SIZE.h }));
}

function blankGeo(id: string, parentId: TLParentId, index: IndexKey): TLGeoShape {
  return {
    id: (id.startsWith('shape:') ? id : `shape:${id}`) as TLGeoShape['id'],
    typeName: 'shape',
    type: 'geo',
    x: 0,
    y: 0,
    rotation: 0,
    index,
    parentId,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      dash: 'solid',
      url: '',
      w: PIN_SIZE.w,
      h: PIN_SIZE.h,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'light-blue',
      fill: 'solid',
      size: 's',
      font: 'sans',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(''),
    },
  };
}

function sameFields(a: IdentityCardFields, b: IdentityCardFields): boolean {
  return (
    JSON.stringify(cardMeta({ kind: 'identity', fields: a })) ===
    JSON.stringify(cardMeta({ kind: 'identity', fields: b }))
  );
}

/**
 * What importing `labs` (each with a `labId` and an académie) does to a board: a lab whose id a card
 * already carries updates that card (moved to its new académie when it changed), any other becomes a
 * new pin. Each card remembers the fields it was imported with (P-IMPORT). Throws when the board has no
 * map of académies.
 */
export function planLabImport(
  records: readonly TLRecord[],
  labs: readonly (IdentityCardFields & { academie: AcademieCode; labId: string })[],
  options: LabImportOptions,
): LabImportPlan {
  const map = mapFrameOf(records);
  if (!map) throw new Error('this board has no map of académies');
  const byLabId = new Map<string, TLShape>();
  for (const record of records) {
    if (!isShape(record)) continue;
    const card = readCard(record);
    if (card?.kind === 'identity' && card.fields.labId) byLabId.set(card.fields.labId, record);
  }
  const occupied = pinBoxes(records, map.id);
  const children = records.filter((r): r is TLShape => isShape(r) && r.parentId === map.id);
  const top = children.reduce<IndexKey | null>(
    (max, r) => (max === null || r.index > max ? r.index : max),
    null,
  );

  const put: TLShape[] = [];
  let updated = 0;
  let unchanged = 0;
  const fresh: (typeof labs)[number][] = [];
  for (const lab of labs) {
    const existing = byLabId.get(lab.labId);
    if (!existing) {
      fresh.push(lab);
      continue;
    }
    const card = readCard(existing);
    if (card?.kind !== 'identity') continue;
    if (sameFields(card.fields, lab) && existing.parentId === map.id && isPin(existing)) {
      unchanged += 1;
      continue;
    }
    let next: TLShape = { ...existing, meta: { ...existing.meta, ...importedMeta(lab) } };
    next = asPin(withCard(next, 'identity', lab, options.locale), options.locale);
    if (card.fields.academie !== lab.academie || existing.parentId !== map.id) {
      const others = occupied.filter((b) => !(b.x === existing.x && b.y === existing.y));
      const [at] = layoutPins([lab.academie], others);
      next = { ...next, parentId: map.id, x: at!.x, y: at!.y };
      occupied.push({ ...at!, ...PIN_SIZE });
    }
    put.push(next);
    updated += 1;
  }

  const positions = layoutPins(
    fresh.map((lab) => lab.academie),
    occupied,
  );
  const indices = getIndicesAbove(top, fresh.length);
  fresh.forEach((lab, i) => {
    const shape = blankGeo(options.createId(), map.id as TLParentId, indices[i]!);
    const carded = withCard({ ...shape, meta: importedMeta(lab) }, 'identity', lab, options.locale);
    put.push({ ...asPin(carded, options.locale), ...positions[i]! });
  });
  return { put, created: fresh.length, updated, unchanged };
}
