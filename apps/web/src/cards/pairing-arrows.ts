// "Labs proches" written on the board: one arrow per pairing between two pins, its reason as its label,
// bound to both pins so it follows them. Drawn again from scratch each time (the facilitator's button).
import type { Locale } from '@atelier/protocol';
import { createShapeId, toRichText, type Editor, type TLArrowShape, type TLShapeId } from 'tldraw';
import { mapFrameOn } from './identity-map-placement';
import { linkReason, peerLinks } from './similar-labs';

export const pairingMetaKey = 'atelier.pairing';

/** Replaces the map's pairing arrows by the current pairings; returns how many were drawn. */
export function drawPairings(editor: Editor, locale: Locale): number {
  const map = mapFrameOn(editor);
  if (!map) return 0;
  const shapes = editor.getCurrentPageShapes();
  const links = peerLinks(shapes);
  editor.run(() => {
    editor.deleteShapes(
      shapes.filter((s) => s.type === 'arrow' && s.meta[pairingMetaKey] === true).map((s) => s.id),
    );
    for (const link of links) {
      const a = editor.getShapePageBounds(link.a as TLShapeId);
      const b = editor.getShapePageBounds(link.b as TLShapeId);
      if (!a || !b) continue;
      const start = editor.getPointInShapeSpace(map, a.center);
      const end = editor.getPointInShapeSpace(map, b.center);
      const id = createShapeId();
      editor.createShape<TLArrowShape>({
        id,
        type: 'arrow',
        parentId: map.id,
        x: start.x,
        y: start.y,
        meta: { [pairingMetaKey]: true },
        props: {
          start: { x: 0, y: 0 },
          end: { x: end.x - start.x, y: end.y - start.y },
          arrowheadStart: 'none',
          arrowheadEnd: 'none',
          color: 'grey',
          dash: 'dashed',
          size: 's',
          richText: toRichText(linkReason(link, locale)),
        },
      });
      editor.createBindings(
        (['start', 'end'] as const).map((terminal) => ({
          type: 'arrow' as const,
          fromId: id,
          toId: (terminal === 'start' ? link.a : link.b) as TLShapeId,
          props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
        })),
      );
    }
  });
  return links.length;
}
