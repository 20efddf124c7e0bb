// Identity cards on the map of académies: a card dropped on the map becomes a pin and takes the académie
// under it; a card whose académie is chosen in its form goes to the map, as a pin on that académie;
// a pin taken off the map becomes a full card again. Only the browser of the person who acted writes
// the change (remote moves are left alone).
import {
  asFullCard,
  asPin,
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
import { academieAt, nearestAcademie, pinPosition, type Box } from '@atelier/templates';
import type { Editor, TLFrameShape, TLShape, TLShapeId } from 'tldraw';

/** A pin dropped just off a coast still takes the nearest académie within this distance (map units). */
export const MAX_MARKER_DISTANCE = 60;
/** Cards are settled once they stop moving for this long (a drag fires a change per pointer move). */
const SETTLE_MS = 250;

function isMapFrame(shape: TLShape): shape is TLFrameShape {
  return shape.type === 'frame' && readZone(shape)?.kind === ZoneKind.map;
}

/** The map of académies of the card's page, if any. */
export function mapFrameOn(editor: Editor, pageId = editor.getCurrentPageId()): TLFrameShape | null {
  for (const id of editor.getPageShapeIds(pageId)) {
    const shape = editor.getShape(id);
    if (shape && isMapFrame(shape)) return shape;
  }
  return null;
}

/** The map a card's centre lies on and that point in the map's own coordinates, or null. */
function onMap(editor: Editor, card: TLShape): { map: TLFrameShape; x: number; y: number } | null {
  const bounds = editor.getShapePageBounds(card);
  const pageId = editor.getAncestorPageId(card);
  const map = pageId ? mapFrameOn(editor, pageId) : null;
  if (!bounds || !map) return null;
  // The templates' map works in the frame's own coordinates (origin at its top-left corner).
  const point = editor.getPointInShapeSpace(map, bounds.center);
  if (point.x < 0 || point.y < 0 || point.x > map.props.w || point.y > map.props.h) return null;
  return { map, x: point.x, y: point.y };
}

/** The académie under a card's centre, or null when the card is not on a map of its page. */
export function academieUnderCard(editor: Editor, card: TLShape): AcademieCode | null {
  const at = onMap(editor, card);
  if (!at) return null;
  return academieAt(at.x, at.y) ?? nearestAcademie(at.x, at.y, MAX_MARKER_DISTANCE)?.academie.code ?? null;
}

/** Where the other pins of a map are, in its coordinates. */
function otherPins(editor: Editor, map: TLFrameShape, except: TLShapeId): Box[] {
  return editor
    .getSortedChildIdsForParent(map.id)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => !!s && s.id !== except && isPin(s))
    .map((s) => ({ x: s.x, y: s.y, ...PIN_SIZE }));
}

/**
 * The card as a pin on its académie: on the map, where `pinPosition` finds room near the seat. Null when
 * the board has no map. Used when the académie is chosen in the form.
 */
export function pinnedOnAcademie(
  editor: Editor,
  shape: TLShape,
  fields: IdentityCardFields,
  locale: Locale,
): TLShape | null {
  const map = mapFrameOn(editor, editor.getAncestorPageId(shape) ?? editor.getCurrentPageId());
  if (!map || !fields.academie) return null;
  const at = pinPosition(fields.academie, otherPins(editor, map, shape.id));
  const carded = withCard(shape, 'identity', fields, locale);
  return { ...asPin(carded, locale), parentId: map.id, x: at.x, y: at.y };
}

/** Keeps a shape's centre where it is while its size changes from `before` to `after`. */
function recentred(
  shape: TLShape,
  before: { w: number; h: number },
  after: { w: number; h: number },
): TLShape {
  return { ...shape, x: shape.x + (before.w - after.w) / 2, y: shape.y + (before.h - after.h) / 2 };
}

function sizeOf(shape: TLShape): { w: number; h: number } {
  const props = shape.props as { w?: number; h?: number };
  return { w: props.w ?? 0, h: props.h ?? 0 };
}

/** What a card dropped where it is becomes: a pin on the map (with the académie under it), or a full card off it. */
export function settledCard(editor: Editor, shape: TLShape, locale: Locale): TLShape | null {
  const card = readCard(shape);
  if (card?.kind !== 'identity') return null;
  const at = onMap(editor, shape);
  if (!at) {
    if (!isPin(shape)) return null;
    const full = asFullCard(shape, locale);
    return recentred(full, sizeOf(shape), sizeOf(full));
  }
  const academie = academieUnderCard(editor, shape);
  const fields = academie && academie !== card.fields.academie ? { ...card.fields, academie } : card.fields;
  if (isPin(shape) && fields === card.fields) return null;
  const pinned = asPin(withCard(shape, 'identity', fields, locale), locale);
  return isPin(shape) ? pinned : recentred(pinned, sizeOf(shape), PIN_SIZE);
}

/** Watches this user's moves of identity cards; returns the function that stops watching. */
export function registerIdentityMapPlacement(editor: Editor, locale: () => Locale): () => void {
  const moved = new Set<TLShapeId>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const settle = () => {
    timer = undefined;
    // Still dragging: wait for the drop.
    if (editor.isInAny('select.translating', 'select.pointing_shape', 'select.dragging_handle')) {
      schedule();
      return;
    }
    const ids = [...moved];
    moved.clear();
    editor.run(() => {
      for (const id of ids) {
        const shape = editor.getShape(id);
        const next = shape ? settledCard(editor, shape, locale()) : null;
        if (next) editor.updateShape(next);
      }
    });
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  };

  const stop = editor.sideEffects.registerAfterChangeHandler('shape', (before, after, source) => {
    if (source !== 'user') return;
    if (before.x === after.x && before.y === after.y && before.parentId === after.parentId) return;
    const card = readCard(after);
    if (card?.kind !== 'identity') return;
    // Placed on its académie by the form: where it went is where the académie is.
    const previous = readCard(before);
    if (previous?.kind === 'identity' && previous.fields.academie !== card.fields.academie) return;
    moved.add(after.id);
    schedule();
  });
  return () => {
    stop();
    if (timer !== undefined) clearTimeout(timer);
  };
}
