// What a vote decides: the items retained for the places a step needs, how ties at the cut were
// resolved (run-off votes, the facilitator's choice), and the record the session keeps of it.
import { z } from 'zod';
import { decisionTitleSchema, VoteLimits, voteItemKindSchema } from './step';

export const DecisionLimits = {
  /** Tied items a run-off can be held among (more: the facilitator chooses). */
  maxRunoffCandidates: 100,
  /** Run-offs for one decision. */
  maxRunoffs: 10,
} as const;

const itemIdSchema = z.string().min(1).max(128);
const voteIdSchema = z.string().min(1).max(64);

/** An item's dots in one vote. */
export const voteCountSchema = z.object({
  itemId: itemIdSchema,
  count: z.number().int().min(0),
});
export type VoteCount = z.infer<typeof voteCountSchema>;

/**
 * Where a closed vote with places stands (S-DECIDE-1): the items past the cut for sure, and those
 * tied at it competing for `placesLeft` places, with this vote's counts.
 */
export const voteOutcomeSchema = z.object({
  retained: z.array(voteCountSchema).max(VoteLimits.maxPlaces),
  tied: z.array(voteCountSchema),
  placesLeft: z.number().int().min(0).max(VoteLimits.maxPlaces),
  /** Set once the decision is recorded (at once without a tie, else by a run-off or a choice). */
  decisionId: z.string().min(1).max(64).optional(),
});
export type VoteOutcome = z.infer<typeof voteOutcomeSchema>;

/** One run-off's results: every candidate, those without dots at 0. */
export const runoffRoundSchema = z.object({
  voteId: voteIdSchema,
  results: z.array(voteCountSchema).max(DecisionLimits.maxRunoffCandidates),
});
export type RunoffRound = z.infer<typeof runoffRoundSchema>;

/** What a run-off vote carries on the server: the decision it completes. */
export const runoffContextSchema = z.object({
  /** The vote whose cut was tied. */
  rootVoteId: voteIdSchema,
  places: z.number().int().min(1).max(VoteLimits.maxPlaces),
  /** Already retained before this run-off, with their counts in the first vote. */
  retained: z.array(voteCountSchema).max(VoteLimits.maxPlaces),
  /** Tied at the first vote's cut, with its counts. */
  tied: z.array(voteCountSchema),
  /** Earlier run-offs of the same decision. */
  rounds: z.array(runoffRoundSchema).max(DecisionLimits.maxRunoffs),
});
export type RunoffContext = z.infer<typeof runoffContextSchema>;

export const DecisionReason = {
  /** The counts decided: no tie at the cut. */
  votes: 'votes',
  /** A tie at the cut, resolved by one or more run-off votes among the tied. */
  runoff: 'runoff',
  /** A tie at the cut, resolved by the facilitator's choice among the tied. */
  choice: 'choice',
} as const;
export type DecisionReason = (typeof DecisionReason)[keyof typeof DecisionReason];
export const decisionReasonSchema = z.enum([
  DecisionReason.votes,
  DecisionReason.runoff,
  DecisionReason.choice,
]);

/** A session record: what a vote retained and why ("Thématiques retenues"). Public to everyone. */
export const decisionSchema = z.object({
  id: z.string().min(1).max(64),
  /** The vote that was held (the first one, when run-offs followed). */
  voteId: voteIdSchema,
  stepId: z.string().min(1).max(64).optional(),
  frameId: itemIdSchema.optional(),
  title: decisionTitleSchema.optional(),
  itemKind: voteItemKindSchema,
  places: z.number().int().min(1).max(VoteLimits.maxPlaces),
  /** In order of the decision, with their dots in the first vote (fewer than `places` when few had dots). */
  retained: z.array(voteCountSchema).max(VoteLimits.maxPlaces),
  reason: decisionReasonSchema,
  /** Who was tied at the first vote's cut, with its counts (a run-off or a choice only). */
  tied: z.array(voteCountSchema).optional(),
  /** The run-offs held, in order. */
  runoffs: z.array(runoffRoundSchema).max(DecisionLimits.maxRunoffs).optional(),
  at: z.number(),
  by: z.string().min(1).max(64).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** `vote.runoff` (facilitator): a new vote among the items tied at the closed vote's cut. */
export const voteRunoffCommandSchema = z.object({
  type: z.literal('vote.runoff'),
  /** As many as the places left when omitted, at most one per item by default. */
  dotsPerPerson: z.number().int().min(1).max(20).optional(),
  maxDotsPerItem: z.number().int().min(1).max(20).optional(),
  /** The tied vote's when omitted. */
  anonymous: z.boolean().optional(),
});

/** `vote.choose` (facilitator): the items retained among those tied at the closed vote's cut. */
export const voteChooseCommandSchema = z.object({
  type: z.literal('vote.choose'),
  itemIds: z.array(itemIdSchema).min(1).max(VoteLimits.maxPlaces),
});

/** The log's record of a decision, as it was taken. */
export const decisionMadeLogEntrySchema = z.object({
  at: z.number(),
  by: z.string().min(1).max(64).optional(),
  type: z.literal('decision.made'),
  decision: decisionSchema,
});
