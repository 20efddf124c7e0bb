// The participant's side of a dot vote, in the header: dots left, vote / take back on the selected
// note (also with P / Shift+P), and the results once revealed.
import { useCallback, useEffect } from 'react';
import { useEditor, useValue } from 'tldraw';
import type { PublicVote } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { useVoteItems } from './canvas-items';
import { fill } from './format';
import { useCommand, useFacilitation } from './use-facilitation';
import { voteActions } from './vote-view';
import { VoteResultsList } from './vote-results-list';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function VoteBar({ vote }: { vote: PublicVote }) {
  const editor = useEditor();
  const { t } = useI18n();
  const { send, error, dismiss } = useCommand();
  // A read-only link watches the vote but cannot vote.
  const canVote = useFacilitation().role !== 'viewer';
  const itemIds = useVoteItems(vote);
  const selectedItem = useValue(
    'selected vote item',
    () => {
      const selected = editor.getSelectedShapeIds();
      const [only] = selected;
      return selected.length === 1 && only && itemIds.includes(only) ? only : null;
    },
    [editor, itemIds],
  );
  const { canCast, canRetract } = voteActions(vote, selectedItem);
  const mine = selectedItem && vote.myVotes ? (vote.myVotes[selectedItem] ?? 0) : 0;

  const act = useCallback(
    (retract: boolean) => {
      const [only, ...others] = editor.getSelectedShapeIds();
      if (!only || others.length > 0 || !itemIds.includes(only)) return;
      void send(retract ? { type: 'vote.retract', itemId: only } : { type: 'vote.cast', itemId: only });
    },
    [editor, itemIds, send],
  );

  useEffect(() => {
    if (vote.status !== 'open' || !canVote) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'p' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.repeat || isTyping(event.target)) return;
      if (editor.getEditingShapeId() !== null || editor.menus.hasAnyOpenMenus()) return;
      event.preventDefault();
      act(event.shiftKey);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [vote.status, canVote, editor, act]);

  const open = vote.status === 'open';
  return (
    <div className="fac-vote-bar">
      <p className="fac-vote-status">
        <strong>{open ? t.facVoteOpen : t.facVoteClosed}</strong>
        {open && vote.myDotsLeft !== undefined && (
          <span data-testid="dots-left">
            {' · '}
            {fill(t.facDotsLeft, { n: vote.myDotsLeft, total: vote.dotsPerPerson })}
          </span>
        )}
      </p>
      {open && canVote && (
        <div className="fac-row">
          <button
            type="button"
            className="fac-button primary"
            disabled={!canCast}
            aria-keyshortcuts="P"
            onClick={() => act(false)}
          >
            {t.facVoteCast}
          </button>
          <button
            type="button"
            className="fac-button"
            disabled={!canRetract}
            aria-keyshortcuts="Shift+P"
            onClick={() => act(true)}
          >
            {t.facVoteRetract}
          </button>
          {selectedItem ? (
            <span className="fac-muted">{fill(t.facBadgeMine, { mine })}</span>
          ) : (
            <span className="fac-muted">{t.facVoteHint}</span>
          )}
        </div>
      )}
      {error && (
        <p className="fac-error" role="alert">
          {error}
          <button type="button" className="fac-icon-button" aria-label={t.facErrorDismiss} onClick={dismiss}>
            ×
          </button>
        </p>
      )}
      {vote.revealed && vote.results && (
        <details className="fac-vote-results">
          <summary>{t.facVoteResults}</summary>
          <VoteResultsList vote={vote} limit={5} />
        </details>
      )}
    </div>
  );
}
