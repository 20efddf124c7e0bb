// Reads a persisted tldraw board (room snapshot records) into what a report needs: frames in reading
// order, the labelled zones inside them, and the notes and texts each one holds.
import {
  readCard,
  readZone,
  richTextToBlocks,
  shapeText,
  ZoneKind,
  type Card,
  type RichBlock,
  type Zone,
} from '@atelier/board-schema';
import {
  center,
  containsPoint,
  inReadingOrder,
  localSize,
  PageGeometry,
  type Box,
  type PlacedShape,
} from './geometry';

/**
 * One record of a tldraw room snapshot, read defensively (the snapshot is stored JSON).
 * A `TLRecord` fits; so does `snapshot.documents.map((d) => d.state)`.
 */
export interface BoardRecord {
  readonly id: string;
  readonly typeName: string;
}

export const BoardItemKind = {
  note: 'note',
  text: 'text',
  /** A labelled geo shape that is not a zone (a box someone wrote in). */
  geo: 'geo',
  /** An arrow's label. */
  arrow: 'arrow',
} as const;
export type BoardItemKind = (typeof BoardItemKind)[keyof typeof BoardItemKind];

/** A note, text or labelled shape: one contribution to read. */
export interface BoardItem {
  id: string;
  kind: BoardItemKind;
  /** Plain text (lists marked, marks dropped). */
  text: string;
  /** The same text with its structure and marks (bold, italics, lists, links). */
  rich: RichBlock[];
  /** An arrow's ends: the shapes it is bound to. */
  ends?: { start?: string; end?: string };
  pageId: string;
  frameId: string | null;
  zoneId: string | null;
  bounds: Box;
  /** The structured card it carries (board-schema), if any. */
  card: Card | null;
  /** tldraw's `props.textLastEditedBy` (a tldraw user id) on notes. */
  lastEditedBy: string | null;
  meta: Readonly<Record<string, unknown>>;
}

/** A labelled area inside a frame (a geo rectangle, or a shape a template marked as a zone). */
export interface BoardZone {
  id: string;
  label: string;
  pageId: string;
  frameId: string | null;
  bounds: Box;
  /** Atelier's zone marker (board-schema), when a template put one. */
  zone: Zone | null;
  items: BoardItem[];
}

export interface BoardFrame {
  id: string;
  title: string;
  pageId: string;
  parentFrameId: string | null;
  /** 0 for a frame on the page, 1 for a frame inside it… */
  depth: number;
  bounds: Box;
  zone: Zone | null;
  zones: BoardZone[];
  /** Items of the frame that are in none of its zones. */
  items: BoardItem[];
}

export interface BoardPage {
  id: string;
  name: string;
}

export interface BoardReading {
  pages: BoardPage[];
  /** Reading order: pages in order, frames top-to-bottom then left-to-right, nested frames after their parent. */
  frames: BoardFrame[];
  /** Zones outside any frame (a template's zone placed on the page). */
  looseZones: BoardZone[];
  /** Items outside any frame and any zone. */
  looseItems: BoardItem[];
  /** Every item, in the order a reader meets them: frame by frame, zone by zone, then the loose ones. */
  items: BoardItem[];
}

interface ShapeRecord extends PlacedShape {
  readonly index: string;
  readonly meta: Readonly<Record<string, unknown>>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asShape(record: BoardRecord): ShapeRecord | null {
  const r = record as unknown as Record<string, unknown>;
  if (r.typeName !== 'shape' || typeof r.id !== 'string' || typeof r.type !== 'string') return null;
  return {
    id: r.id,
    type: r.type,
    parentId: typeof r.parentId === 'string' ? r.parentId : '',
    x: typeof r.x === 'number' ? r.x : 0,
    y: typeof r.y === 'number' ? r.y : 0,
    rotation: typeof r.rotation === 'number' ? r.rotation : 0,
    index: typeof r.index === 'string' ? r.index : '',
    props: isObject(r.props) ? r.props : {},
    meta: isObject(r.meta) ? r.meta : {},
  };
}

function byIndex(a: { index: string; id: string }, b: { index: string; id: string }): number {
  // Fractional indices compare as plain strings (that is their design); ids break ties.
  if (a.index !== b.index) return a.index < b.index ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function area(box: Box): number {
  return box.w * box.h;
}

/** Smallest of the candidates whose box holds the point: the innermost frame or zone. */
function innermost<T extends { bounds: Box }>(
  candidates: readonly T[],
  point: { x: number; y: number },
): T | null {
  let best: T | null = null;
  for (const candidate of candidates) {
    if (!containsPoint(candidate.bounds, point)) continue;
    if (!best || area(candidate.bounds) < area(best.bounds)) best = candidate;
  }
  return best;
}

function richOf(shape: ShapeRecord): RichBlock[] {
  const props = shape.props;
  if ('richText' in props) return richTextToBlocks(props.richText);
  return richTextToBlocks(typeof props.text === 'string' ? props.text : '');
}

/** Reading-only zones (a template's instructions) are neither zones to list nor contributions. */
function isInstructions(zone: Zone | null): boolean {
  return zone?.kind === ZoneKind.instructions;
}

/**
 * Reads the board. Membership of a frame follows the parent chain first (tldraw reparents a note
 * dropped in a frame), then geometry (a note lying on the page over a frame belongs to it). A zone
 * holds the items whose centre falls inside it; the smallest zone wins when zones overlap.
 */
export function readBoard(records: readonly BoardRecord[]): BoardReading {
  const pages: (BoardPage & { index: string })[] = [];
  const shapes: ShapeRecord[] = [];
  for (const record of records) {
    const r = record as unknown as Record<string, unknown>;
    if (r.typeName === 'page' && typeof r.id === 'string') {
      pages.push({
        id: r.id,
        name: typeof r.name === 'string' ? r.name : '',
        index: typeof r.index === 'string' ? r.index : '',
      });
    }
    const shape = asShape(record);
    if (shape) shapes.push(shape);
  }
  pages.sort(byIndex);
  shapes.sort(byIndex);
  const arrowEnds = new Map<string, { start?: string; end?: string }>();
  for (const record of records) {
    const r = record as unknown as Record<string, unknown>;
    if (r.typeName !== 'binding' || r.type !== 'arrow' || typeof r.fromId !== 'string') continue;
    const terminal = isObject(r.props) ? r.props.terminal : undefined;
    if ((terminal !== 'start' && terminal !== 'end') || typeof r.toId !== 'string') continue;
    arrowEnds.set(r.fromId, { ...arrowEnds.get(r.fromId), [terminal]: r.toId });
  }

  const shapesById = new Map<string, ShapeRecord>(shapes.map((shape) => [shape.id, shape]));
  const geometry = new PageGeometry(shapesById);
  const textById = new Map(shapes.map((shape) => [shape.id, shapeText(shape)]));
  const boundsOf = (shape: ShapeRecord): Box => {
    if (shape.type === 'arrow') {
      // Its label sits on the line between its ends (at `labelPosition`, the middle by default).
      const point = (value: unknown) =>
        isObject(value) && typeof value.x === 'number' && typeof value.y === 'number'
          ? { x: value.x, y: value.y }
          : { x: 0, y: 0 };
      const start = point(shape.props.start);
      const end = point(shape.props.end);
      const t = typeof shape.props.labelPosition === 'number' ? shape.props.labelPosition : 0.5;
      const label = geometry.pointOnPage(shape.id, {
        x: start.x + (end.x - start.x) * t,
        y: start.y + (end.y - start.y) * t,
      });
      return { x: label.x - 1, y: label.y - 1, w: 2, h: 2 };
    }
    return geometry.bounds(shape.id, localSize(shape, (textById.get(shape.id) ?? '').split('\n').length));
  };

  /** The page a shape sits on, following parents; '' when the chain is broken. */
  const pageOf = (shape: ShapeRecord): string => {
    let current: ShapeRecord | undefined = shape;
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (!shapesById.has(current.parentId)) return current.parentId;
      current = shapesById.get(current.parentId);
    }
    return '';
  };
  /** Nearest frame among the ancestors, by parent chain. */
  const frameAncestor = (shape: ShapeRecord): string | null => {
    let parent = shapesById.get(shape.parentId);
    const seen = new Set<string>();
    while (parent && !seen.has(parent.id)) {
      if (parent.type === 'frame') return parent.id;
      seen.add(parent.id);
      parent = shapesById.get(parent.parentId);
    }
    return null;
  };

  const frames: BoardFrame[] = shapes
    .filter((shape) => shape.type === 'frame')
    .map((shape) => ({
      id: shape.id,
      title: textById.get(shape.id) ?? '',
      pageId: pageOf(shape),
      parentFrameId: frameAncestor(shape),
      depth: 0,
      bounds: boundsOf(shape),
      zone: readZone(shape),
      zones: [],
      items: [],
    }));
  const framesById = new Map(frames.map((frame) => [frame.id, frame]));
  const framesOnPage = (pageId: string) => frames.filter((frame) => frame.pageId === pageId);

  const frameOf = (shape: ShapeRecord, bounds: Box, pageId: string): string | null =>
    frameAncestor(shape) ??
    innermost(
      framesOnPage(pageId).filter((frame) => frame.id !== shape.id),
      center(bounds),
    )?.id ??
    null;

  // Zones first: items are placed in them afterwards.
  const zones: BoardZone[] = [];
  const candidateItems: { shape: ShapeRecord; bounds: Box; pageId: string; frameId: string | null }[] = [];
  for (const shape of shapes) {
    if (shape.type === 'frame') continue;
    const zone = readZone(shape);
    if (isInstructions(zone)) continue;
    const text = textById.get(shape.id) ?? '';
    const bounds = boundsOf(shape);
    const pageId = pageOf(shape);
    const frameId = frameOf(shape, bounds, pageId);
    const isCard = readCard(shape) !== null;
    if (shape.type === 'geo' && !isCard && (zone || (text && shape.props.geo === 'rectangle'))) {
      zones.push({ id: shape.id, label: text, pageId, frameId, bounds, zone, items: [] });
      continue;
    }
    if (
      shape.type === 'note' ||
      ((shape.type === 'text' || shape.type === 'geo' || shape.type === 'arrow') && text) ||
      isCard
    ) {
      candidateItems.push({ shape, bounds, pageId, frameId });
    }
  }

  const items: BoardItem[] = candidateItems.map(({ shape, bounds, pageId, frameId }) => {
    const zonesHere = zones.filter((zone) => zone.pageId === pageId && zone.frameId === frameId);
    const zone = innermost(zonesHere, center(bounds));
    const lastEditedBy = shape.props.textLastEditedBy;
    const ends = arrowEnds.get(shape.id);
    return {
      id: shape.id,
      kind:
        shape.type === 'note'
          ? BoardItemKind.note
          : shape.type === 'text'
            ? BoardItemKind.text
            : shape.type === 'arrow'
              ? BoardItemKind.arrow
              : BoardItemKind.geo,
      text: textById.get(shape.id) ?? '',
      rich: richOf(shape),
      ...(ends ? { ends } : {}),
      pageId,
      frameId,
      zoneId: zone?.id ?? null,
      bounds,
      card: readCard(shape),
      lastEditedBy: typeof lastEditedBy === 'string' && lastEditedBy ? lastEditedBy : null,
      meta: shape.meta,
    };
  });

  // A labelled rectangle that holds no note or card is a box someone wrote in (or a template's
  // caption), not a zone: read it as an item.
  const keptZones = zones.filter((zone) => {
    const holdsNotes = items.some(
      (item) => item.zoneId === zone.id && (item.kind === BoardItemKind.note || item.card),
    );
    if (zone.zone || holdsNotes) return true;
    const shape = shapesById.get(zone.id);
    if (shape) {
      items.push({
        id: zone.id,
        kind: BoardItemKind.geo,
        text: zone.label,
        rich: richOf(shape),
        pageId: zone.pageId,
        frameId: zone.frameId,
        zoneId:
          innermost(
            zones.filter(
              (other) => other !== zone && other.frameId === zone.frameId && other.pageId === zone.pageId,
            ),
            center(zone.bounds),
          )?.id ?? null,
        bounds: zone.bounds,
        card: null,
        lastEditedBy: null,
        meta: shape.meta,
      });
    }
    return false;
  });
  const keptZoneIds = new Set(keptZones.map((zone) => zone.id));
  const zonesById = new Map(keptZones.map((zone) => [zone.id, zone]));
  for (const item of items) {
    if (item.zoneId && !keptZoneIds.has(item.zoneId)) item.zoneId = null;
  }

  const pageOrder = new Map(pages.map((page, position) => [page.id, position]));
  const pagePosition = (pageId: string) => pageOrder.get(pageId) ?? pages.length;
  const sortByPageThenReading = <T extends { pageId: string; bounds: Box }>(list: readonly T[]): T[] => {
    const pageIds = [...new Set(list.map((entry) => entry.pageId))].sort(
      (a, b) => pagePosition(a) - pagePosition(b),
    );
    return pageIds.flatMap((pageId) =>
      inReadingOrder(
        list.filter((entry) => entry.pageId === pageId),
        (entry) => entry.bounds,
      ),
    );
  };

  for (const item of sortByPageThenReading(items)) {
    const zone = item.zoneId ? zonesById.get(item.zoneId) : undefined;
    const frame = item.frameId ? framesById.get(item.frameId) : undefined;
    if (zone) zone.items.push(item);
    else if (frame) frame.items.push(item);
  }
  const looseZones: BoardZone[] = [];
  for (const zone of sortByPageThenReading(keptZones)) {
    const frame = zone.frameId ? framesById.get(zone.frameId) : undefined;
    if (frame) frame.zones.push(zone);
    else looseZones.push(zone);
  }
  const looseItems = sortByPageThenReading(items.filter((item) => !item.frameId && !item.zoneId));

  // Nested frames come right after their parent, each level in reading order.
  const orderedFrames: BoardFrame[] = [];
  const visit = (parentId: string | null, depth: number, seen: Set<string>) => {
    const children = sortByPageThenReading(frames.filter((frame) => frame.parentFrameId === parentId));
    for (const frame of children) {
      if (seen.has(frame.id)) continue;
      seen.add(frame.id);
      frame.depth = depth;
      orderedFrames.push(frame);
      visit(frame.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());

  const orderedItems = [
    ...orderedFrames.flatMap((frame) => [...frame.zones.flatMap((zone) => zone.items), ...frame.items]),
    ...looseZones.flatMap((zone) => zone.items),
    ...looseItems,
  ];

  return {
    pages: pages.map(({ id, name }) => ({ id, name })),
    frames: orderedFrames,
    looseZones,
    looseItems,
    items: orderedItems,
  };
}
