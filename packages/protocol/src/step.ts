import { z } from 'zod';

/** Text shown to people, in every UI language. */
export const localizedTextSchema = z.object({
  fr: z.string().max(4000),
  en: z.string().max(4000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const StepKind = {
  plenary: 'plenary',
  individual: 'individual',
  group: 'group',
  vote: 'vote',
  break: 'break',
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];
export const stepKindSchema = z.enum(Object.values(StepKind) as [StepKind, ...StepKind[]]);

/** What a vote's dots go on, chosen when it opens (the step's vote settings say which). */
export const VoteItemKind = {
  /** Sticky notes (inside the vote's frame when it has one). */
  note: 'note',
  /** Zones: frames inside the vote's frame (a PGO theme's column, a group's cluster). */
  zone: 'zone',
} as const;
export type VoteItemKind = (typeof VoteItemKind)[keyof typeof VoteItemKind];
export const voteItemKindSchema = z.enum([VoteItemKind.note, VoteItemKind.zone]);

export const VoteLimits = {
  /** Most places a vote can decide ("the two themes", "the three actions"). */
  maxPlaces: 20,
  maxDecisionTitleLength: 120,
} as const;

/** What a decision is called, in every UI language ("Thématiques retenues"). */
export const decisionTitleSchema = z.object({
  fr: z.string().trim().max(VoteLimits.maxDecisionTitleLength),
  en: z.string().trim().max(VoteLimits.maxDecisionTitleLength),
});
export type DecisionTitle = z.infer<typeof decisionTitleSchema>;

export const voteSettingsSchema = z.object({
  dotsPerPerson: z.number().int().min(1).max(20),
  maxDotsPerItem: z.number().int().min(1).max(20),
  anonymous: z.boolean(),
  /** Notes when absent. */
  itemKind: voteItemKindSchema.optional(),
  /** How many items the vote retains: closing it decides, or shows a tie at the cut. None: no decision. */
  places: z.number().int().min(1).max(VoteLimits.maxPlaces).optional(),
  decisionTitle: decisionTitleSchema.optional(),
});
export type VoteSettings = z.infer<typeof voteSettingsSchema>;

/** When a step's timer starts (a step without the field starts on entry). */
export const TimerStart = {
  /** As soon as the sequence moves to the step (next, previous, go to, auto-advance). */
  onEnter: 'on-enter',
  /** Only when the facilitator starts it: a talk with no fixed time, for instance. */
  manual: 'manual',
} as const;
export type TimerStart = (typeof TimerStart)[keyof typeof TimerStart];
export const timerStartSchema = z.enum([TimerStart.onEnter, TimerStart.manual]);

/** One timed step of a sequence. `frameId` ties it to a frame of the board (a tldraw shape id). */
export const stepSchema = z.object({
  id: z.string().min(1).max(64),
  title: localizedTextSchema,
  instructions: localizedTextSchema,
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000),
  kind: stepKindSchema,
  frameId: z.string().min(1).max(128).optional(),
  /** When true the sequence moves to the next step by itself at zero; otherwise it shows overtime. */
  autoAdvance: z.boolean().optional(),
  /** Whether moving to the step starts its timer; `on-enter` when omitted. */
  timerStart: timerStartSchema.optional(),
  /** Defaults for a vote opened during this step. */
  vote: voteSettingsSchema.optional(),
  /** On entering it, the server fills the step's frame with the session's recap (decisions, engagements…). */
  recap: z.boolean().optional(),
  /** In a programme: the section the step belongs to (`SessionState.sections`). */
  sectionId: z.string().min(1).max(16).optional(),
  /** Private writing (S-PRIV-1): each person's notes are theirs alone until the facilitator reveals them. */
  private: z.boolean().optional(),
});
export type Step = z.infer<typeof stepSchema>;
