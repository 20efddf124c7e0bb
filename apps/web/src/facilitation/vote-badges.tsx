// Dots on the canvas: the person's own dots on each note and, once visible, everyone's count.
// Drawn in front of the canvas at a constant size, so they stay readable when zoomed out.
import { useMemo } from 'react';
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { useI18n } from '../shared/i18n';
import { useVoteItems } from './canvas-items';
import { fill } from './format';
import { useFacilitation } from './use-facilitation';
import { voteBadges } from './vote-view';

const MAX_DOTS_DRAWN = 5;

export function VoteBadges() {
  const editor = useEditor();
  const { t } = useI18n();
  const { session } = useFacilitation();
  const vote = session?.vote ?? null;
  const itemIds = useVoteItems(vote);
  const badges = useMemo(() => voteBadges(vote, itemIds), [vote, itemIds]);
  const placed = useValue(
    'vote badge positions',
    () => {
      const viewport = editor.getViewportPageBounds();
      return badges.flatMap((badge) => {
        const bounds = editor.getShapePageBounds(badge.itemId as TLShapeId);
        if (!bounds || !viewport.collides(bounds)) return [];
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY });
        return [{ ...badge, x: corner.x, y: corner.y }];
      });
    },
    [editor, badges],
  );
  if (placed.length === 0) return null;
  // The same information is in the header and panel lists, which assistive technologies read.
  return (
    <div className="fac-badges" aria-hidden="true">
      {placed.map((badge) => (
        <div
          key={badge.itemId}
          className="fac-badge"
          data-testid="vote-badge"
          data-item-id={badge.itemId}
          data-count={badge.count ?? ''}
          data-mine={badge.mine}
          style={{ transform: `translate(${badge.x}px, ${badge.y}px)` }}
          title={
            badge.count === null
              ? fill(t.facBadgeMine, { mine: badge.mine })
              : fill(t.facBadgeCount, { count: badge.count })
          }
        >
          {badge.mine > 0 && (
            <span className="fac-badge-mine">
              {Array.from({ length: Math.min(badge.mine, MAX_DOTS_DRAWN) }, (_, index) => (
                <span key={index} className="fac-dot" />
              ))}
            </span>
          )}
          {badge.count !== null && <span className="fac-badge-count">{badge.count}</span>}
        </div>
      ))}
    </div>
  );
}
