// During the identity map's "repérer les labs proches" step, a line joins each pair of similar labs.
import { useValue, useEditor, type TLShapeId } from 'tldraw';
import { useConnectionState } from '../board/board-context';
import { useI18n } from '../shared/i18n';
import { pairingMetaKey } from './pairing-arrows';
import { FIND_PEERS_STEP_ID, linkReason, peerLinks } from './similar-labs';

export function SimilarLabsLinks() {
  const editor = useEditor();
  const { locale, t } = useI18n();
  const { session } = useConnectionState();
  const active = session?.currentStepId === FIND_PEERS_STEP_ID;

  const links = useValue(
    'similar labs links',
    () => {
      if (!active) return [];
      const shapes = editor.getCurrentPageShapes();
      // Once the facilitator has drawn them on the board (with their reasons), the board shows them.
      if (shapes.some((s) => s.type === 'arrow' && s.meta[pairingMetaKey] === true)) return [];
      const names = new Map(shapes.map((shape) => [shape.id as string, shape]));
      return peerLinks(shapes).flatMap((link) => {
        const a = editor.getShapePageBounds(link.a as TLShapeId);
        const b = editor.getShapePageBounds(link.b as TLShapeId);
        if (!a || !b || !names.has(link.a) || !names.has(link.b)) return [];
        const from = editor.pageToViewport(a.center);
        const to = editor.pageToViewport(b.center);
        return [{ link, from, to }];
      });
    },
    [editor, active],
  );

  if (links.length === 0) return null;
  const strongest = Math.max(...links.map(({ link }) => link.score));
  return (
    <svg className="similar-labs-links" aria-label={t.similarLabsTitle} role="img">
      {links.map(({ link, from, to }) => (
        <line
          key={`${link.a}-${link.b}`}
          x1={from.x}
          y1={from.y}
          x2={to.x}
          y2={to.y}
          strokeWidth={1.5 + (3 * link.score) / strongest}
          strokeDasharray={link.sharedTypes.length === 0 ? '6 4' : undefined}
        >
          <title>{linkReason(link, locale)}</title>
        </line>
      ))}
    </svg>
  );
}
