// What each person may see (SPEC S-VOTE-5): no log, and no ballots except their own.
import type { PublicSessionState, PublicVote, SessionState, VoteState } from '@atelier/protocol';
import { ownValue } from './own';
import { dotsUsed, rankVote } from './vote-commands';

function publicVote(vote: VoteState, state: SessionState, forUserId: string | undefined): PublicVote {
  const { ballots, ...settings } = vote;
  const viewer =
    forUserId === undefined ? undefined : state.participants.find((person) => person.userId === forUserId);
  // The facilitator watches the counts live; everyone else sees them once revealed.
  const showResults = vote.revealed || viewer?.role === 'facilitator';
  const view: PublicVote = {
    ...settings,
    voterCount: Object.keys(ballots).length,
    dotsCast: Object.values(ballots).reduce((sum, ballot) => sum + dotsUsed(ballot), 0),
    results: showResults ? rankVote(vote) : null,
  };
  if (forUserId !== undefined) {
    const mine = ownValue(ballots, forUserId);
    view.myVotes = { ...mine };
    view.myDotsLeft = Math.max(0, vote.dotsPerPerson - dotsUsed(mine));
  }
  return view;
}

/**
 * The state to send. Without `forUserId` it is the same for everyone (no `myVotes`); with it,
 * it carries that person's own dots, and the live counts if they facilitate.
 */
export function toPublicState(state: SessionState, forUserId?: string): PublicSessionState {
  const { vote, log: _log, createdAt: _createdAt, updatedAt: _updatedAt, ...shared } = state;
  return { ...shared, vote: vote ? publicVote(vote, state, forUserId) : null };
}
