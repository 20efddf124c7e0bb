/**
 * The scaffolding mark: what a template lays on a board (frames, titles, instructions, theme headers, the
 * map and its markers, the card tray, the layout's arrows and lines) carries it, and only the facilitator
 * may change, delete or unmark it (rules W-… in SPEC.md). Blank cards and notes are never scaffolding:
 * participants fill and move them.
 */
import { cardMetaKey } from './card-kind';

export const scaffoldingMetaKey = 'atelier.scaffolding';

/** The `meta` entry that marks a record as scaffolding. */
export function scaffoldingMeta(): { [scaffoldingMetaKey]: true } {
  return { [scaffoldingMetaKey]: true };
}

function metaOf(record: { readonly meta?: unknown }): Record<string, unknown> | null {
  const meta = record.meta;
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as Record<string, unknown>)
    : null;
}

/** True when the record carries the mark (O(1): one key of its meta). */
export function isScaffolding(record: { readonly meta?: unknown }): boolean {
  return metaOf(record)?.[scaffoldingMetaKey] === true;
}

/**
 * Whether a shape a template lays out is scaffolding (T-SCAFFOLD): everything but sticky notes and
 * structured cards, which participants write on and move.
 */
export function isLayoutScaffolding(shape: { readonly type: string; readonly meta?: unknown }): boolean {
  if (shape.type === 'note') return false;
  return metaOf(shape)?.[cardMetaKey.kind] === undefined;
}

/**
 * Whether tldraw's own lock suits a scaffolding shape. Frames are left unlocked: tldraw treats every
 * descendant of a locked shape as locked and never drops a shape into a locked frame, so notes could
 * neither go into a theme column nor be moved inside one. Frames are protected by the mark alone.
 */
export function locksInEditor(shape: { readonly type: string }): boolean {
  return shape.type !== 'frame';
}
