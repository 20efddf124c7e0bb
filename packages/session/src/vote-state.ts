// Small helpers on a vote shared by the vote and decision commands.
import type { SessionState, VoteState } from '@atelier/protocol';
import type { CommandContext } from './result';
import { appendLog } from './session-log';

/** Dots per item, from every ballot. */
export function countDots(vote: Pick<VoteState, 'ballots'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ballot of Object.values(vote.ballots)) {
    for (const [itemId, count] of Object.entries(ballot))
      counts.set(itemId, (counts.get(itemId) ?? 0) + count);
  }
  return counts;
}

/** The state with `vote` open, logged with its settings (and, for a run-off, what it settles). */
export function withOpenedVote(state: SessionState, vote: VoteState, ctx: CommandContext): SessionState {
  const { ballots: _ballots, runoff: _runoff, status: _status, revealed: _revealed, ...logged } = vote;
  const { id: voteId, openedAt: _openedAt, closedAt: _closedAt, outcome: _outcome, ...settings } = logged;
  return {
    ...state,
    vote,
    log: appendLog(state.log, [
      { type: 'vote.opened', at: ctx.now, by: ctx.actor.userId, voteId, ...settings },
    ]),
  };
}
