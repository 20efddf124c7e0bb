// What each person may see (SPEC S-VOTE-5, S-PRIV-5): no log, no ballots and no private notes except their own.
import type { PublicSessionState, PublicVote, SessionState, VoteState } from '@atelier/protocol';
import { ownValue } from './own';
import { publicPrivateNotes } from './private-notes';
import { publicUndo } from './undo';
import { dotsUsed, rankVote } from './vote-commands';

function publicVote(vote: VoteState, state: SessionState, forUserId: string | undefined): PublicVote {
  const { ballots, runoff: _runoff, outcome, ...settings } = vote;
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
  // Who is in and who is tied tell the counts: shown with them.
  if (outcome && showResults) view.outcome = outcome;
  if (forUserId !== undefined) {
    const mine = ownValue(ballots, forUserId);
    view.myVotes = { ...mine };
    view.myDotsLeft = Math.max(0, vote.dotsPerPerson - dotsUsed(mine));
  }
  // Who still has dots (not where they went): the facilitator's room overview (S-ROOM-4); an anonymous
  // vote names nobody, even that (S-VOTE-5).
  if (viewer?.role === 'facilitator' && vote.status === 'open' && !vote.anonymous) {
    const left: Record<string, number> = {};
    for (const [voter, ballot] of Object.entries(ballots)) {
      left[voter] = Math.max(0, vote.dotsPerPerson - dotsUsed(ballot));
    }
    view.dotsLeftByUser = left;
  }
  return view;
}

/**
 * The state to send. Without `forUserId` it is the same for everyone (no `myVotes`); with it,
 * it carries that person's own dots, and the live counts if they facilitate.
 */
export function toPublicState(state: SessionState, forUserId?: string): PublicSessionState {
  const { vote, ...shared } = sharedPart(state);
  const privateNotes = publicPrivateNotes(state, forUserId);
  return {
    ...shared,
    vote: vote ? publicVote(vote, state, forUserId) : null,
    ...(privateNotes ? { privateNotes } : {}),
  };
}

/**
 * Everything but the vote as everyone sees it: no log, no dates, the undo without what it keeps, none
 * of the server's own records (the past roster, removed keys).
 */
function sharedPart(state: SessionState) {
  const {
    log: _log,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    pastParticipants: _past,
    removedUserIds: _removed,
    privateNotes: _private,
    reveals: _reveals,
    undo,
    ...shared
  } = state;
  return undo === undefined ? shared : { ...shared, undo: publicUndo(undo) };
}

/**
 * `JSON.stringify(toPublicState(state, forUserId))` for many people at once: everything but the
 * vote and the private notes is the same for all, so it is encoded once, and only each person's own
 * part per person. With 200 people that is one encoding of the participant list per broadcast instead of 200.
 */
export function publicStateEncoder(state: SessionState): (forUserId?: string) => string {
  const { vote, ...shared } = sharedPart(state);
  const sharedJson = JSON.stringify(shared);
  // `toPublicState` puts `vote` then `privateNotes` last: the shared object's text, then those before its brace.
  const head = sharedJson === '{}' ? '{' : `${sharedJson.slice(0, -1)},`;
  const tail = (forUserId: string | undefined) => {
    const privateNotes = publicPrivateNotes(state, forUserId);
    const voteJson = JSON.stringify(vote ? publicVote(vote, state, forUserId) : null);
    return `"vote":${voteJson}${privateNotes ? `,"privateNotes":${JSON.stringify(privateNotes)}` : ''}}`;
  };
  const withoutPerson = `${head}${tail(undefined)}`;
  const personal = vote !== null || publicPrivateNotes(state, undefined) !== undefined;
  return (forUserId) => (personal && forUserId !== undefined ? `${head}${tail(forUserId)}` : withoutPerson);
}
