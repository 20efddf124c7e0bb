// Decisions (SPEC S-DECIDE-*): closing a vote with places retains its winners or shows a tie at the
// cut; the facilitator settles a tie by a run-off among the tied or by choosing; the decision is a
// session record, one per step, public to everyone and logged.
import { DecisionLimits, DecisionReason, ErrorCode } from '@atelier/protocol';
import type {
  Decision,
  RunoffContext,
  SessionCommandOf,
  SessionState,
  VoteCount,
  VoteOutcome,
  VoteState,
} from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { appendLog } from './session-log';
import { cutAt, sortCounts } from './vote-ranking';
import { countDots, withOpenedVote } from './vote-state';

/** The counts the cut is made on: a run-off's every candidate (0 without dots), else items with dots. */
function cutCounts(vote: VoteState): VoteCount[] {
  const counts = countDots(vote);
  if (vote.candidates) return vote.candidates.map((itemId) => ({ itemId, count: counts.get(itemId) ?? 0 }));
  return [...counts].map(([itemId, count]) => ({ itemId, count }));
}

/** Items of this vote with their dots in the first vote (a run-off's candidates were tied there). */
function inFirstVote(vote: VoteState, items: readonly VoteCount[]): VoteCount[] {
  const tied = vote.runoff?.tied;
  if (!tied) return items.map(({ itemId, count }) => ({ itemId, count }));
  return items.map(({ itemId }) => ({ itemId, count: tied.find((t) => t.itemId === itemId)?.count ?? 0 }));
}

/** The run-offs held so far, this vote included when it is one. */
function roundsUpTo(vote: VoteState): RunoffContext['rounds'] {
  if (!vote.runoff) return [];
  return [...vote.runoff.rounds, { voteId: vote.id, results: sortCounts(cutCounts(vote)) }];
}

/** The decision `retainedNow` (this vote's, in its order) completes. */
function decisionOf(
  state: SessionState,
  vote: VoteState,
  retainedNow: readonly VoteCount[],
  reason: DecisionReason,
  ctx: CommandContext,
): Decision {
  const context = vote.runoff;
  const tied = context?.tied ?? (reason === DecisionReason.choice ? (vote.outcome?.tied ?? []) : []);
  const runoffs = roundsUpTo(vote);
  return {
    // Revisions never repeat, so neither do decision ids.
    id: `decision-${state.revision + 1}`,
    voteId: context?.rootVoteId ?? vote.id,
    ...(vote.stepId ? { stepId: vote.stepId } : {}),
    ...(vote.frameId ? { frameId: vote.frameId } : {}),
    ...(vote.decisionTitle ? { title: vote.decisionTitle } : {}),
    itemKind: vote.itemKind ?? 'note',
    places: context?.places ?? vote.places ?? retainedNow.length,
    retained: [...(context?.retained ?? []), ...inFirstVote(vote, retainedNow)],
    reason,
    ...(tied.length > 0 ? { tied: tied.map(({ itemId, count }) => ({ itemId, count })) } : {}),
    ...(runoffs.length > 0 ? { runoffs } : {}),
    at: ctx.now,
    by: ctx.actor.userId,
  };
}

/** A decision replaces the one taken at the same step (or by the same vote without a step) (S-DECIDE-6). */
const decisionKey = (decision: Decision) => decision.stepId ?? decision.voteId;

function withDecision(
  state: SessionState,
  vote: VoteState,
  outcome: VoteOutcome,
  decision: Decision,
  ctx: CommandContext,
): SessionState {
  const others = (state.decisions ?? []).filter((kept) => decisionKey(kept) !== decisionKey(decision));
  return {
    ...state,
    vote: { ...vote, outcome: { ...outcome, decisionId: decision.id } },
    decisions: [...others, decision],
    log: appendLog(state.log, [{ type: 'decision.made', at: ctx.now, by: ctx.actor.userId, decision }]),
  };
}

/**
 * S-DECIDE-2, S-DECIDE-4: `state.vote` has just closed. With places, the cut gives its outcome; with
 * winners and no tie, the decision is recorded at once (`votes`, or `runoff` when this vote settles a
 * tie). Nothing with a dot: no decision.
 */
export function closingOutcome(state: SessionState, ctx: CommandContext): SessionState {
  const vote = state.vote;
  if (!vote?.places) return state;
  const cut = cutAt(cutCounts(vote), vote.places);
  const outcome: VoteOutcome = { retained: cut.retained, tied: cut.tied, placesLeft: cut.placesLeft };
  const retainedInAll = (vote.runoff?.retained.length ?? 0) + cut.retained.length;
  if (cut.tied.length > 0 || retainedInAll === 0) return { ...state, vote: { ...vote, outcome } };
  const reason = vote.runoff ? DecisionReason.runoff : DecisionReason.votes;
  return withDecision(state, vote, outcome, decisionOf(state, vote, cut.retained, reason, ctx), ctx);
}

/** The closed vote whose tie at the cut waits for the facilitator, or the refusal. */
function pendingTie(state: SessionState): { vote: VoteState; outcome: VoteOutcome } | ApplyResult {
  const { vote } = state;
  if (!vote) return refuse(ErrorCode.conflict, 'No vote is in progress.');
  if (vote.status !== 'closed') return refuse(ErrorCode.conflict, 'Close the vote first.');
  const { outcome } = vote;
  if (!outcome || outcome.tied.length === 0 || outcome.decisionId) {
    return refuse(ErrorCode.conflict, 'This vote has no tie to settle.');
  }
  return { vote, outcome };
}

/**
 * S-DECIDE-3: `vote.runoff` opens a new vote among the items tied at the closed vote's cut, for the
 * places left: as many dots as places left, one per item, unless the command says otherwise.
 */
export function voteRunoff(
  state: SessionState,
  command: SessionCommandOf<'vote.runoff'>,
  ctx: CommandContext,
): ApplyResult {
  const pending = pendingTie(state);
  if ('ok' in pending) return pending;
  const { vote, outcome } = pending;
  if (outcome.tied.length > DecisionLimits.maxRunoffCandidates) {
    return refuse(
      ErrorCode.limitExceeded,
      `Too many items are tied (${outcome.tied.length}) for a run-off: choose among them.`,
    );
  }
  if (roundsUpTo(vote).length >= DecisionLimits.maxRunoffs) {
    return refuse(
      ErrorCode.limitExceeded,
      `At most ${DecisionLimits.maxRunoffs} run-offs: choose among the tied.`,
    );
  }
  const context: RunoffContext = vote.runoff
    ? {
        ...vote.runoff,
        retained: [...vote.runoff.retained, ...inFirstVote(vote, outcome.retained)],
        rounds: roundsUpTo(vote),
      }
    : {
        rootVoteId: vote.id,
        places: vote.places ?? outcome.placesLeft,
        retained: outcome.retained,
        tied: outcome.tied,
        rounds: [],
      };
  const runoff: VoteState = {
    id: `vote-${state.revision + 1}`,
    status: 'open',
    revealed: false,
    ...(vote.title ? { title: vote.title } : {}),
    ...(vote.frameId ? { frameId: vote.frameId } : {}),
    ...(vote.stepId ? { stepId: vote.stepId } : {}),
    dotsPerPerson: command.dotsPerPerson ?? outcome.placesLeft,
    maxDotsPerItem: command.maxDotsPerItem ?? 1,
    anonymous: command.anonymous ?? vote.anonymous,
    itemKind: vote.itemKind ?? 'note',
    places: outcome.placesLeft,
    ...(vote.decisionTitle ? { decisionTitle: vote.decisionTitle } : {}),
    candidates: outcome.tied.map((tied) => tied.itemId),
    runoffOf: context.rootVoteId,
    runoff: context,
    openedAt: ctx.now,
    ballots: {},
  };
  return accept(withOpenedVote(state, runoff, ctx));
}

/** S-DECIDE-5: `vote.choose { itemIds }`: the facilitator retains as many of the tied as places are left. */
export function voteChoose(
  state: SessionState,
  command: SessionCommandOf<'vote.choose'>,
  ctx: CommandContext,
): ApplyResult {
  const pending = pendingTie(state);
  if ('ok' in pending) return pending;
  const { vote, outcome } = pending;
  const chosen = command.itemIds;
  if (new Set(chosen).size !== chosen.length) return refuse(ErrorCode.badRequest, 'Choose each item once.');
  if (chosen.length !== outcome.placesLeft) {
    return refuse(ErrorCode.badRequest, `Choose ${outcome.placesLeft} of the tied items.`);
  }
  const tied = new Map(outcome.tied.map((item) => [item.itemId, item]));
  const picked = chosen.map((itemId) => tied.get(itemId));
  if (picked.some((item) => item === undefined)) {
    return refuse(ErrorCode.badRequest, 'Only items tied at the cut can be chosen.');
  }
  const retainedNow = [...outcome.retained, ...(picked as VoteCount[])];
  const decision = decisionOf(state, vote, retainedNow, DecisionReason.choice, ctx);
  return accept(withDecision(state, vote, outcome, decision, ctx));
}
