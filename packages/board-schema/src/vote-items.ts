/**
 * What a vote's dots go on, read from the board (session SPEC S-VOTE-7): a sticky note, or a zone,
 * the frame right inside the vote's frame (a PGO theme's column) that holds what was tapped: the
 * column itself, its header or a note in it. The server checks a cast with it, the web app turns a
 * tap into an item with it, the export names items and sums notes per zone with it.
 */
import type { Locale, VoteItemKind } from '@atelier/protocol';
import { cardLabels } from './card-labels';
import { shapeText } from './rich-text';
import { readZone, ZoneKind } from './zone';

/** The least of a tldraw record the rules read. */
export interface ChainShape {
  readonly id: string;
  readonly typeName: string;
  readonly type?: string;
  readonly parentId?: string;
  readonly meta?: unknown;
  readonly props?: unknown;
}

export interface VoteTarget {
  itemKind?: VoteItemKind | undefined;
  /** The vote's frame: items lie inside it; anywhere on the page when absent. */
  frameId?: string | undefined;
}

const isShape = (record: ChainShape | undefined): record is ChainShape => record?.typeName === 'shape';
const isFrame = (record: ChainShape) => isShape(record) && record.type === 'frame';

/**
 * The zone a shape lies in: the frame of `chain` (the shape, then its ancestors, parent first) whose
 * parent is the vote's frame, or the page without one. Null when there is none.
 */
export function zoneOfChain(chain: readonly ChainShape[], frameId?: string): string | null {
  for (const record of chain) {
    if (!isShape(record)) return null;
    if (record.id === frameId) return null;
    if (!isFrame(record)) continue;
    const parent = record.parentId ?? '';
    if (frameId === undefined ? !parent.startsWith('shape:') : parent === frameId) return record.id;
  }
  return null;
}

/** Whether `chain`'s shape lies inside the vote's frame (at any depth); always without a frame. */
function insideFrame(chain: readonly ChainShape[], frameId?: string): boolean {
  return frameId === undefined || chain.slice(1).some((record) => record.id === frameId);
}

/**
 * The item a shape stands for in a vote: a note itself (inside the vote's frame) for a vote on
 * notes; for a vote on zones, the zone it lies in (`zoneOfChain`). Null when it stands for none.
 * A cast is valid when the item is the shape itself: `voteItemOf(chain, vote) === chain[0].id`.
 */
export function voteItemOf(chain: readonly ChainShape[], vote: VoteTarget): string | null {
  const [shape] = chain;
  if (!shape || !isShape(shape)) return null;
  if ((vote.itemKind ?? 'note') === 'zone') return zoneOfChain(chain, vote.frameId);
  return shape.type === 'note' && insideFrame(chain, vote.frameId) ? shape.id : null;
}

/** A zone's name: a PGO theme's label in the given language, else the frame's title. */
export function zoneLabel(frame: ChainShape, locale: Locale): string {
  const zone = readZone(frame);
  if (zone?.kind === ZoneKind.theme && zone.theme) return cardLabels.pgoTheme[zone.theme][locale];
  return shapeText(frame);
}
