// Voting on zones (a PGO theme's column): one row per zone the vote counts, in the board's reading
// order, with the person's dots, the count once visible, and "+" / "−" big enough for a thumb. The
// columns are the template's (participants cannot select them on the canvas), so they are listed.
import { readZone, ZoneKind } from '@atelier/board-schema';
import type { PublicVote } from '@atelier/protocol';
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { useI18n } from '../shared/i18n';
import { useVoteItems, voteItemLabel } from './canvas-items';
import { CommandErrorNotice } from './command-error-notice';
import { fill } from './format';
import { useCommand } from './use-facilitation';
import { voteActions } from './vote-view';
import './decisions.css';

export function ZoneVoteList({ vote }: { vote: PublicVote }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const { send, error, dismiss } = useCommand();
  const itemIds = useVoteItems(vote);
  // Left to right, then top to bottom, as the columns read on the board.
  const ordered = useValue(
    'zones in reading order',
    () =>
      itemIds
        .map((id) => ({ id, bounds: editor.getShapePageBounds(id as TLShapeId) }))
        .sort((a, b) => (a.bounds?.y ?? 0) - (b.bounds?.y ?? 0) || (a.bounds?.x ?? 0) - (b.bounds?.x ?? 0))
        .map((zone) => zone.id),
    [editor, itemIds],
  );
  const counts = new Map((vote.results ?? []).map((result) => [result.itemId, result.count]));
  // The PGO kit's columns are themes: say so.
  const themes = useValue(
    'zones are themes',
    () => itemIds.some((id) => readZone(editor.getShape(id as TLShapeId) ?? {})?.kind === ZoneKind.theme),
    [editor, itemIds],
  );
  const title = themes ? t.voteThemesLabel : t.voteZonesLabel;
  return (
    <div className="zone-vote">
      <p className="zone-vote-title" aria-hidden="true">
        {title}
      </p>
      <ul className="zone-vote-list" aria-label={title}>
        {ordered.map((itemId) => {
          const name = voteItemLabel(editor, itemId, locale) || t.voteZoneGone;
          const mine = vote.myVotes?.[itemId] ?? 0;
          const { canCast, canRetract } = voteActions(vote, itemId);
          return (
            <li key={itemId} className="zone-vote-row" data-testid="zone-vote-row" data-item-id={itemId}>
              <span className="zone-vote-name">{name}</span>
              <span className="zone-vote-dots" aria-hidden="true">
                {'●'.repeat(mine)}
              </span>
              {mine > 0 && <span className="fac-visually-hidden">{fill(t.voteZoneMine, { mine })}</span>}
              {vote.results !== null && (
                <span className="zone-vote-count">
                  {fill(t.facPoints, { count: counts.get(itemId) ?? 0 })}
                </span>
              )}
              <button
                type="button"
                className="zone-vote-button"
                aria-label={fill(t.voteZoneRetract, { name })}
                disabled={!canRetract}
                onClick={() => void send({ type: 'vote.retract', itemId })}
              >
                −
              </button>
              <button
                type="button"
                className="zone-vote-button primary"
                aria-label={fill(t.voteZoneCast, { name })}
                disabled={!canCast}
                onClick={() => void send({ type: 'vote.cast', itemId })}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
      <CommandErrorNotice error={error} dismiss={dismiss} />
    </div>
  );
}
