// An identity card dropped on the map of académies takes the académie of the nearest marker. Only
// the browser of the person who moved it writes the change (remote moves are left alone).
import { readCard, readZone, withCard, ZoneKind, type AcademieCode } from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';
import { nearestAcademie } from '@atelier/templates';
import type { Editor, TLFrameShape, TLShape, TLShapeId } from 'tldraw';

/** How far (map units) a card's centre may land from a marker and still take its académie. */
export const MAX_MARKER_DISTANCE = 400;
/** Cards are settled once they stop moving for this long (a drag fires a change per pointer move). */
const SETTLE_MS = 250;

function isMapFrame(shape: TLShape): shape is TLFrameShape {
  return shape.type === 'frame' && readZone(shape)?.kind === ZoneKind.map;
}

/** The académie under a card's centre, or null when the card is not on a map frame of its page. */
export function academieUnderCard(editor: Editor, card: TLShape): AcademieCode | null {
  const bounds = editor.getShapePageBounds(card);
  const pageId = editor.getAncestorPageId(card);
  if (!bounds || !pageId) return null;
  for (const id of editor.getPageShapeIds(pageId)) {
    const map = editor.getShape(id);
    if (!map || !isMapFrame(map)) continue;
    // The templates' map works in the frame's own coordinates (origin at its top-left corner).
    const point = editor.getPointInShapeSpace(map, bounds.center);
    if (point.x < 0 || point.y < 0 || point.x > map.props.w || point.y > map.props.h) continue;
    return nearestAcademie(point.x, point.y, MAX_MARKER_DISTANCE)?.academie.code ?? null;
  }
  return null;
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
        const card = shape ? readCard(shape) : null;
        if (!shape || card?.kind !== 'identity') continue;
        const academie = academieUnderCard(editor, shape);
        if (!academie || academie === card.fields.academie) continue;
        editor.updateShape(withCard(shape, 'identity', { ...card.fields, academie }, locale()));
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
    if (readCard(after)?.kind !== 'identity') return;
    moved.add(after.id);
    schedule();
  });
  return () => {
    stop();
    if (timer !== undefined) clearTimeout(timer);
  };
}
