// Dot voting (SPEC S-VOTE-*): N dots per person, at most M on one item, ballots kept server-side.
import { ErrorCode } from '@atelier/protocol';
import type { SessionCommandOf, SessionState, VoteBallot, VoteResult, VoteState } from '@atelier/protocol';
import { closingOutcome } from './decision-commands';
import { ownValue, withValue, withoutKey } from './own';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { appendLog } from './session-log';
import { withUndo } from './undo';
import { rankCounts } from './vote-ranking';
import { countDots, withOpenedVote } from './vote-state';

export function dotsUsed(ballot: VoteBallot | undefined): number {
  return ballot ? Object.values(ballot).reduce((sum, count) => sum + count, 0) : 0;
}

/** Counts per item, most voted first (ties by item id), ties sharing a rank (S-VOTE-6). */
export function rankVote(vote: VoteState): VoteResult[] {
  const results = rankCounts(countDots(vote));
  if (vote.anonymous) return results;
  const voters = new Map<string, string[]>();
  for (const [userId, ballot] of Object.entries(vote.ballots)) {
    for (const itemId of Object.keys(ballot)) voters.set(itemId, [...(voters.get(itemId) ?? []), userId]);
  }
  return results.map((result) => ({ ...result, voters: (voters.get(result.itemId) ?? []).sort() }));
}

/** The current vote's ranked counts; empty without a vote. */
export function voteResults(state: SessionState): VoteResult[] {
  return state.vote ? rankVote(state.vote) : [];
}

function noVote(): ApplyResult {
  return refuse(ErrorCode.conflict, 'No vote is in progress.');
}

export function voteOpen(
  state: SessionState,
  command: SessionCommandOf<'vote.open'>,
  ctx: CommandContext,
): ApplyResult {
  if (state.vote?.status === 'open')
    return refuse(ErrorCode.conflict, 'A vote is already open: close it first.');
  const vote: VoteState = {
    // Revisions never repeat, so neither do vote ids.
    id: `vote-${state.revision + 1}`,
    status: 'open',
    revealed: false,
    title: command.title || undefined,
    frameId: command.frameId,
    stepId: state.currentStepId ?? undefined,
    dotsPerPerson: command.dotsPerPerson,
    maxDotsPerItem: command.maxDotsPerItem,
    anonymous: command.anonymous,
    itemKind: command.itemKind ?? 'note',
    ...(command.places !== undefined ? { places: command.places } : {}),
    ...(command.decisionTitle ? { decisionTitle: command.decisionTitle } : {}),
    openedAt: ctx.now,
    ballots: {},
  };
  return accept(withOpenedVote(state, vote, ctx));
}

export function voteClose(state: SessionState, ctx: CommandContext): ApplyResult {
  const { vote } = state;
  if (!vote) return noVote();
  if (vote.status === 'closed') return refuse(ErrorCode.conflict, 'The vote is already closed.');
  // The results go to the log, so the export keeps them after the vote is cleared or replaced.
  const results = rankVote(vote).map(({ voters: _voters, ...result }) => result);
  const closed: SessionState = {
    ...state,
    vote: { ...vote, status: 'closed', closedAt: ctx.now },
    log: appendLog(state.log, [
      {
        type: 'vote.closed',
        at: ctx.now,
        by: ctx.actor.userId,
        voteId: vote.id,
        voterCount: Object.keys(vote.ballots).length,
        results,
      },
    ]),
  };
  // With places, the cut decides at once or shows the tie (S-DECIDE-2).
  return accept(closingOutcome(closed, ctx));
}

export function voteReveal(state: SessionState, ctx: CommandContext): ApplyResult {
  const { vote } = state;
  if (!vote) return noVote();
  if (vote.revealed) return refuse(ErrorCode.conflict, 'The results are already revealed.');
  return accept({
    ...state,
    vote: { ...vote, revealed: true },
    log: appendLog(state.log, [
      { type: 'vote.revealed', at: ctx.now, by: ctx.actor.userId, voteId: vote.id },
    ]),
  });
}

export function voteClear(state: SessionState, ctx: CommandContext): ApplyResult {
  const { vote } = state;
  if (!vote) return noVote();
  const cleared: SessionState = {
    ...state,
    vote: null,
    log: appendLog(state.log, [{ type: 'vote.cleared', at: ctx.now, by: ctx.actor.userId, voteId: vote.id }]),
  };
  return accept(withUndo(state, cleared, 'vote.clear', ctx));
}

function openVote(state: SessionState): VoteState | ApplyResult {
  const { vote } = state;
  if (!vote) return refuse(ErrorCode.conflict, 'No vote is open.');
  if (vote.status !== 'open') return refuse(ErrorCode.conflict, 'The vote is closed.');
  return vote;
}

export function voteCast(
  state: SessionState,
  command: SessionCommandOf<'vote.cast'>,
  ctx: CommandContext,
): ApplyResult {
  const vote = openVote(state);
  if ('ok' in vote) return vote;
  if (vote.candidates && !vote.candidates.includes(command.itemId)) {
    return refuse(ErrorCode.badRequest, 'This run-off is only among the items tied at the cut.');
  }
  const { userId } = ctx.actor;
  const ballot = ownValue(vote.ballots, userId) ?? {};
  if (dotsUsed(ballot) >= vote.dotsPerPerson) {
    return refuse(
      ErrorCode.limitExceeded,
      `You have used all your ${vote.dotsPerPerson} dots: take one back to vote elsewhere.`,
    );
  }
  const onItem = ownValue(ballot, command.itemId) ?? 0;
  if (onItem >= vote.maxDotsPerItem) {
    return refuse(ErrorCode.limitExceeded, `At most ${vote.maxDotsPerItem} dots on the same item.`);
  }
  const ballots = withValue(vote.ballots, userId, withValue(ballot, command.itemId, onItem + 1));
  return accept({ ...state, vote: { ...vote, ballots } });
}

export function voteRetract(
  state: SessionState,
  command: SessionCommandOf<'vote.retract'>,
  ctx: CommandContext,
): ApplyResult {
  const vote = openVote(state);
  if ('ok' in vote) return vote;
  const { userId } = ctx.actor;
  const ballot = ownValue(vote.ballots, userId) ?? {};
  const onItem = ownValue(ballot, command.itemId);
  if (onItem === undefined) return refuse(ErrorCode.badRequest, 'You have no dot on this item.');
  const nextBallot =
    onItem > 1 ? withValue(ballot, command.itemId, onItem - 1) : withoutKey(ballot, command.itemId);
  // An empty ballot is dropped, so the number of ballots is the number of voters.
  const ballots =
    Object.keys(nextBallot).length > 0
      ? withValue(vote.ballots, userId, nextBallot)
      : withoutKey(vote.ballots, userId);
  return accept({ ...state, vote: { ...vote, ballots } });
}
