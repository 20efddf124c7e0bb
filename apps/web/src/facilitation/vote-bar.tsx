// The vote in the header, at its step: open or closed, the person's dots left, and the results
// once revealed. The buttons to vote are by the thumb, in the step's action bar (vote-actions.tsx).
import type { PublicVote } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { fill } from './format';
import { VoteResultsList } from './vote-results-list';

export function VoteBar({ vote, results }: { vote: PublicVote; results: boolean }) {
  const { t } = useI18n();
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
      {results && (
        <details className="fac-vote-results">
          <summary>{t.facVoteResults}</summary>
          <VoteResultsList vote={vote} limit={5} />
        </details>
      )}
    </div>
  );
}
