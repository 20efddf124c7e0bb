// The vote in the header, at its step: open or closed (a run-off says so), the person's dots left,
// the results once revealed, a tie at the cut waiting for the facilitator, and what was decided.
// The buttons to vote are by the thumb, in the step's action bar (step-actions.tsx).
import type { Decision, PublicVote } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { DecisionSummary } from './decision-summary';
import { fill } from './format';
import { VoteResultsList } from './vote-results-list';

export function VoteBar({
  vote,
  results,
  decisions,
}: {
  vote: PublicVote;
  results: boolean;
  decisions: readonly Decision[];
}) {
  const { t } = useI18n();
  const open = vote.status === 'open';
  // Public to everyone, even before the reveal: the decision this vote (or the vote it settles) took.
  const decision = open ? undefined : decisions.find((d) => d.voteId === (vote.runoffOf ?? vote.id));
  const tie = !open && !decision && vote.outcome && vote.outcome.tied.length > 0 ? vote.outcome : null;
  return (
    <div className="fac-vote-bar">
      <p className="fac-vote-status">
        <strong>{open ? t.facVoteOpen : t.facVoteClosed}</strong>
        {open && vote.runoffOf && vote.candidates && (
          <span data-testid="runoff-status">
            {' · '}
            {fill(t.voteRunoffStatus, { tied: vote.candidates.length, places: vote.places ?? 1 })}
          </span>
        )}
        {open && vote.myDotsLeft !== undefined && (
          <span data-testid="dots-left">
            {' · '}
            {fill(t.facDotsLeft, { n: vote.myDotsLeft, total: vote.dotsPerPerson })}
          </span>
        )}
      </p>
      {tie && (
        <p className="fac-vote-tie" data-testid="tie-status">
          <strong>{t.tieHeading}</strong>
          {' · '}
          {fill(t.tieSummary, {
            tied: tie.tied.length,
            count: tie.tied[0]?.count ?? 0,
            places: tie.placesLeft,
          })}
        </p>
      )}
      {decision && <DecisionSummary decision={decision} compact />}
      {results && (
        <details className="fac-vote-results">
          <summary>{t.facVoteResults}</summary>
          <VoteResultsList vote={vote} limit={5} />
        </details>
      )}
    </div>
  );
}
