// Private writing and the room around it: the notes a person writes alone before the reveal, help
// requests, the facilitator's banner and the ephemeral reactions (issue 14, items 2 and 3).
import { z } from 'zod';

export const PrivateNoteLimits = {
  /** Notes one person may hold unrevealed at once (PGO asks for 3 ideas; room for second thoughts). */
  maxNotesPerPerson: 20,
  maxTextLength: 500,
  /** Reveals kept on the server once written on the board (the board's mark says which were written). */
  maxKeptReveals: 10,
} as const;

export const RoomLimits = {
  maxBannerLength: 140,
  /** Reactions one connection may send per window; past it they are dropped with `rate_limited`. */
  reactionsPerWindow: 5,
  reactionWindowMs: 3000,
} as const;

const epochMs = z.number();
const userId = z.string().min(1).max(64);
const stepId = z.string().min(1).max(64);
const shapeId = z.string().min(1).max(128);
const groupId = z.string().min(1).max(32);

/** Chosen by the author's browser, so it can edit the note before the server answers. */
export const privateNoteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a note id');
export const privateNoteTextSchema = z.string().max(PrivateNoteLimits.maxTextLength);

/** One unrevealed note as its author sees it. */
export const privateNoteSchema = z.object({
  id: privateNoteIdSchema,
  stepId,
  text: privateNoteTextSchema,
  /** A zone (frame) of the step the author put it in; their group's frame, or the step's, when absent. */
  zoneId: shapeId.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type PrivateNote = z.infer<typeof privateNoteSchema>;

/** The server's copy: whose it is. Never broadcast (S-PRIV-5). */
export const storedPrivateNoteSchema = privateNoteSchema.extend({ userId });
export type StoredPrivateNote = z.infer<typeof storedPrivateNoteSchema>;

/** A note placed on the board by a reveal; `author` is the name shown, absent when anonymous. */
export const revealedNoteSchema = z.object({
  id: privateNoteIdSchema,
  userId,
  text: privateNoteTextSchema,
  groupId: groupId.optional(),
  zoneId: shapeId.optional(),
  author: z.string().max(60).optional(),
});
export type RevealedNote = z.infer<typeof revealedNoteSchema>;

/** One "Révéler": what the server writes on the board at once (server only, then the board's). */
export const revealSchema = z.object({
  id: z.string().min(1).max(64),
  stepId,
  at: epochMs,
  by: userId,
  anonymous: z.boolean(),
  notes: z.array(revealedNoteSchema),
});
export type Reveal = z.infer<typeof revealSchema>;

/** What each person receives about private writing: their own notes; counts for the facilitator. */
export const publicPrivateNotesSchema = z.object({
  mine: z.array(privateNoteSchema),
  /** Facilitator only: unrevealed notes per person (user id). */
  counts: z.record(userId, z.number().int().min(0)).optional(),
  /** Facilitator only: notes per person revealed at the current step (who wrote, never which note). */
  revealedCounts: z.record(userId, z.number().int().min(0)).optional(),
  /** The last reveal: everyone may say "révélé" (no texts here: they are on the board). */
  lastReveal: z.object({ stepId, at: epochMs, count: z.number().int().min(0) }).optional(),
});
export type PublicPrivateNotes = z.infer<typeof publicPrivateNotesSchema>;

/** "Besoin d'aide", for the sender or for their whole group. */
export const helpRequestSchema = z.object({
  id: z.string().min(1).max(64),
  userId,
  /** Set when raised for the group. */
  groupId: groupId.optional(),
  at: epochMs,
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

export const bannerTextSchema = z.string().trim().min(1).max(RoomLimits.maxBannerLength);

/** The facilitator's message to everyone, shown until dismissed (by each person) or replaced. */
export const bannerSchema = z.object({
  /** Grows with every message, so a person who dismissed one still sees the next. */
  seq: z.number().int().min(1),
  text: bannerTextSchema,
  at: epochMs,
  by: userId,
});
export type Banner = z.infer<typeof bannerSchema>;

export const ReactionIcon = {
  thumbsUp: 'thumbs-up',
  heart: 'heart',
  idea: 'idea',
  question: 'question',
} as const;
export type ReactionIcon = (typeof ReactionIcon)[keyof typeof ReactionIcon];
export const reactionIconSchema = z.enum([
  ReactionIcon.thumbsUp,
  ReactionIcon.heart,
  ReactionIcon.idea,
  ReactionIcon.question,
]);

const pageCoordinate = z.number().min(-1e7).max(1e7);

/** A reaction sent from a point of the page (the sender's cursor). Never stored. */
export const reactionRequestSchema = z.object({
  icon: reactionIconSchema,
  x: pageCoordinate,
  y: pageCoordinate,
});
export type ReactionRequest = z.infer<typeof reactionRequestSchema>;

/** A reaction as everyone on the board receives it. */
export const reactionSchema = reactionRequestSchema.extend({ userId });
export type Reaction = z.infer<typeof reactionSchema>;
