// The facilitation session: commands people send, the state the server keeps, and what it broadcasts.
import { z } from 'zod';
import { localeSchema } from './board';
import {
  decisionMadeLogEntrySchema,
  decisionSchema,
  runoffContextSchema,
  voteChooseCommandSchema,
  voteOutcomeSchema,
  voteRunoffCommandSchema,
} from './decision';
import { displayNameSchema, labNameSchema } from './socket';
import { localizedTextSchema, stepSchema, voteSettingsSchema } from './step';
import { ProgrammeLimits, programmeSectionSchema, sectionIdSchema, sectionRequestSchema } from './programme';
import { summarySetCommandSchema, summarySetLogEntrySchema, summaryTextSchema } from './summary';
import {
  bannerSchema,
  bannerTextSchema,
  helpRequestSchema,
  PrivateNoteLimits,
  privateNoteIdSchema,
  privateNoteTextSchema,
  publicPrivateNotesSchema,
  revealSchema,
  storedPrivateNoteSchema,
} from './room';

/** Hard limits; the schemas below reject anything beyond them. */
export const SessionLimits = {
  maxSteps: 100,
  /** People in the live list (connected, and those who left recently). */
  maxParticipants: 500,
  /** People who left longer ago, kept for the report (oldest dropped first). */
  maxPastParticipants: 5000,
  /** Client keys removed by the facilitator, refused on the board (oldest forgotten first). */
  maxRemovedPeople: 1000,
  maxGroups: 20,
  /** Oldest entries are dropped past this (a whole day of facilitation stays far below it). */
  maxLogEntries: 5000,
  /** Largest single extension, either way. */
  maxExtendMs: 24 * 60 * 60 * 1000,
  maxQuestionLength: 300,
  maxVoteTitleLength: 120,
  /** Highest number a sequence may start counting its steps from (see `numberSteps`). */
  maxFirstStepNumber: 99,
} as const;

// Shared field schemas. Ids of tldraw shapes are opaque here: `session` knows nothing of tldraw.
export const userIdSchema = z.string().min(1).max(64);
export const shapeIdSchema = z.string().min(1).max(128);
export const groupIdSchema = z.string().min(1).max(32);
export const stepIdSchema = stepSchema.shape.id;
const epochMsSchema = z.number();
/** Names one pending undo (`undo-<revision>`); see `SessionState.undo`. */
export const undoIdSchema = z.string().min(1).max(64);

export const SessionRole = {
  facilitator: 'facilitator',
  participant: 'participant',
} as const;
export type SessionRole = (typeof SessionRole)[keyof typeof SessionRole];
export const sessionRoleSchema = z.enum([SessionRole.facilitator, SessionRole.participant]);

// ---------------------------------------------------------------------------------------------
// Commands

const facilitatorCommands = [
  z.object({ type: z.literal('timer.start') }),
  z.object({ type: z.literal('timer.pause') }),
  z.object({ type: z.literal('timer.resume') }),
  z.object({
    type: z.literal('timer.extend'),
    /** Positive adds time, negative removes it; the remaining time never goes below zero. */
    ms: z
      .number()
      .int()
      .min(-SessionLimits.maxExtendMs)
      .max(SessionLimits.maxExtendMs)
      .refine((ms) => ms !== 0, 'must not be 0'),
  }),
  /**
   * Moving to a step starts its timer unless the step's `timerStart` is `manual`; `start` overrides
   * the step either way (`false`: arrive with the timer idle).
   */
  z.object({ type: z.literal('step.next'), start: z.boolean().optional() }),
  z.object({ type: z.literal('step.previous'), start: z.boolean().optional() }),
  z.object({ type: z.literal('step.goto'), stepId: stepIdSchema, start: z.boolean().optional() }),
  z.object({ type: z.literal('step.reset') }),
  /** Back to the first step, timer idle, no vote, no groups, nobody summoned or followed; undoable. */
  z.object({ type: z.literal('session.reset') }),
  /** Restores what the last destructive command removed, within its window (`SessionState.undo`). */
  z.object({ type: z.literal('undo'), id: undoIdSchema }),
  z.object({
    type: z.literal('step.edit'),
    stepId: stepIdSchema,
    title: localizedTextSchema.partial().optional(),
    instructions: localizedTextSchema.partial().optional(),
    durationMs: stepSchema.shape.durationMs.optional(),
    autoAdvance: z.boolean().optional(),
    timerStart: stepSchema.shape.timerStart,
  }),
  z.object({
    type: z.literal('step.add'),
    step: stepSchema,
    /** Position in the sequence; the end when omitted. */
    index: z.number().int().min(0).max(SessionLimits.maxSteps).optional(),
  }),
  z.object({ type: z.literal('step.remove'), stepId: stepIdSchema }),
  z.object({
    type: z.literal('step.move'),
    stepId: stepIdSchema,
    index: z
      .number()
      .int()
      .min(0)
      .max(SessionLimits.maxSteps - 1),
  }),
  voteSettingsSchema.extend({
    type: z.literal('vote.open'),
    frameId: shapeIdSchema.optional(),
    title: z.string().trim().max(SessionLimits.maxVoteTitleLength).optional(),
  }),
  z.object({ type: z.literal('vote.close') }),
  z.object({ type: z.literal('vote.reveal') }),
  z.object({ type: z.literal('vote.clear') }),
  voteRunoffCommandSchema,
  voteChooseCommandSchema,
  z.object({
    type: z.literal('groups.split'),
    count: z.number().int().min(1).max(SessionLimits.maxGroups),
    mode: z.enum(['balanced', 'self']),
    /** `frameIds[i]` is the board frame of group i. */
    frameIds: z.array(shapeIdSchema).max(SessionLimits.maxGroups).optional(),
    /** `names[i]` names group i (in the workshop's language); "Groupe i+1" when omitted. */
    names: z.array(z.string().trim().min(1).max(60)).max(SessionLimits.maxGroups).optional(),
  }),
  z.object({ type: z.literal('groups.move'), userId: userIdSchema, groupId: groupIdSchema }),
  z.object({ type: z.literal('groups.clear') }),
  z.object({
    type: z.literal('camera.summon'),
    frameId: shapeIdSchema.optional(),
    bounds: z
      .object({
        x: z.number().min(-1e7).max(1e7),
        y: z.number().min(-1e7).max(1e7),
        w: z.number().positive().max(1e7),
        h: z.number().positive().max(1e7),
      })
      .optional(),
  }),
  z.object({ type: z.literal('camera.follow.start') }),
  z.object({ type: z.literal('camera.follow.stop') }),
  z.object({ type: z.literal('question.set'), text: z.string().trim().max(SessionLimits.maxQuestionLength) }),
  summarySetCommandSchema,
  /** Takes someone off the board: out of the list, their dots out of the vote, their key refused. */
  z.object({ type: z.literal('participant.remove'), userId: userIdSchema }),
  /** Adds a section to the programme (P-PROG-4): its steps after the last played one, its frames on the board. */
  z.object({
    type: z.literal('section.add'),
    section: sectionRequestSchema,
    /** Position among the sections; the end when omitted. */
    index: z.number().int().min(0).max(ProgrammeLimits.maxSections).optional(),
  }),
  /** Moves a section not yet played (P-PROG-5). */
  z.object({
    type: z.literal('section.move'),
    sectionId: sectionIdSchema,
    index: z
      .number()
      .int()
      .min(0)
      .max(ProgrammeLimits.maxSections - 1),
  }),
  /** Removes a section not yet played, its steps and its frames (P-PROG-5). */
  z.object({ type: z.literal('section.remove'), sectionId: sectionIdSchema }),
  /** Makes a step private (S-PRIV-1) or shared again. */
  z.object({ type: z.literal('private.set'), stepId: stepIdSchema, private: z.boolean() }),
  /** Places every unrevealed note of the step (the current one by default) on the board at once. */
  z.object({
    type: z.literal('private.reveal'),
    stepId: stepIdSchema.optional(),
    /** Without the authors' names unless false (S-PRIV-6). */
    anonymous: z.boolean().optional(),
  }),
  z.object({ type: z.literal('help.clear'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('banner.set'), text: bannerTextSchema }),
  z.object({ type: z.literal('banner.clear') }),
] as const;

const participantCommands = [
  z.object({ type: z.literal('vote.cast'), itemId: shapeIdSchema }),
  z.object({ type: z.literal('vote.retract'), itemId: shapeIdSchema }),
  z.object({ type: z.literal('groups.choose'), groupId: groupIdSchema }),
  z.object({ type: z.literal('profile.set'), name: displayNameSchema, lab: labNameSchema.optional() }),
  /** Erases the sender's name from the board: they become "Participant N", their notes stay. */
  z.object({ type: z.literal('profile.erase') }),
  /** A private note of the sender's (S-PRIV): new, changed, taken back. */
  z.object({
    type: z.literal('private.write'),
    id: privateNoteIdSchema,
    text: privateNoteTextSchema,
    zoneId: shapeIdSchema.optional(),
  }),
  z.object({
    type: z.literal('private.edit'),
    id: privateNoteIdSchema,
    text: privateNoteTextSchema,
    zoneId: shapeIdSchema.optional(),
  }),
  z.object({ type: z.literal('private.delete'), id: privateNoteIdSchema }),
  /** "Besoin d'aide", for the sender or their group (S-ROOM-1); `help.cancel` takes it back. */
  z.object({ type: z.literal('help.request'), forGroup: z.boolean().optional() }),
  z.object({ type: z.literal('help.cancel') }),
] as const;

export const sessionCommandSchema = z.discriminatedUnion('type', [
  ...facilitatorCommands,
  ...participantCommands,
]);
export type SessionCommand = z.infer<typeof sessionCommandSchema>;
export type SessionCommandType = SessionCommand['type'];
export type SessionCommandOf<T extends SessionCommandType> = Extract<SessionCommand, { type: T }>;

/** The commands a participant may send; every other one is the facilitator's alone. */
export const participantCommandTypes = participantCommands.map((schema) => schema.shape.type.value);

// ---------------------------------------------------------------------------------------------
// State

export const TimerStatus = {
  idle: 'idle',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
} as const;
export type TimerStatus = (typeof TimerStatus)[keyof typeof TimerStatus];

/**
 * The current step's countdown. Clients compute what to show from `endsAt` (server epoch ms) and
 * their clock offset, never from a ticking value. Past zero a running timer stays `running`
 * (overtime) until the facilitator moves on or the step auto-advances.
 */
export const timerSchema = z.object({
  status: z.enum([TimerStatus.idle, TimerStatus.running, TimerStatus.paused, TimerStatus.finished]),
  /** Running only: the deadline. */
  endsAt: epochMsSchema.optional(),
  /**
   * Idle: the time it will start with. Paused: the time left when paused (negative = overtime
   * already run). Running: the time left when `endsAt` was last set (use `endsAt`).
   */
  remainingMs: z.number(),
  /** When this step's timer was first started (kept through pauses). */
  startedAt: epochMsSchema.optional(),
});
export type Timer = z.infer<typeof timerSchema>;

export const participantSchema = z.object({
  userId: userIdSchema,
  name: displayNameSchema,
  lab: labNameSchema.optional(),
  role: sessionRoleSchema,
  groupId: groupIdSchema.optional(),
  connected: z.boolean(),
  /** When a person who is not connected left; they move to the past roster some time after. */
  leftAt: epochMsSchema.optional(),
  /** Their name was erased at their request: they stay "Participant N" whatever they send later. */
  erased: z.boolean().optional(),
});
export type Participant = z.infer<typeof participantSchema>;

/** Someone who left the live list: kept for the report (name, lab, group), never broadcast. */
export const pastParticipantSchema = participantSchema
  .omit({ connected: true, leftAt: true })
  .extend({ leftAt: epochMsSchema });
export type PastParticipant = z.infer<typeof pastParticipantSchema>;

export const groupSchema = z.object({
  id: groupIdSchema,
  name: z.string().min(1).max(60),
  frameId: shapeIdSchema.optional(),
});
export type Group = z.infer<typeof groupSchema>;

export const GroupMode = { balanced: 'balanced', self: 'self' } as const;
export type GroupMode = (typeof GroupMode)[keyof typeof GroupMode];

export const groupsStateSchema = z.object({
  mode: z.enum([GroupMode.balanced, GroupMode.self]),
  list: z.array(groupSchema).max(SessionLimits.maxGroups),
});
export type GroupsState = z.infer<typeof groupsStateSchema>;

export const summonSchema = z.object({
  /** Grows with every summon, so clients can tell a new summon to the same place from an old one. */
  seq: z.number().int(),
  frameId: shapeIdSchema.optional(),
  bounds: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).optional(),
  at: epochMsSchema,
  by: userIdSchema,
});
export type Summon = z.infer<typeof summonSchema>;

export const cameraStateSchema = z.object({
  summon: summonSchema.nullable(),
  follow: z.object({ userId: userIdSchema, since: epochMsSchema }).nullable(),
});
export type CameraState = z.infer<typeof cameraStateSchema>;

/**
 * The last time the sequence entered a step: moving to it (next, previous, go to, auto-advance, the
 * current step removed) or starting the session on it (its first `timer.start`). Clients bring
 * everyone's view to the step's frame when `seq` grows; `seq` is the revision of that change.
 */
export const stepEntrySchema = z.object({
  stepId: stepIdSchema,
  seq: z.number().int(),
  at: epochMsSchema,
});
export type StepEntry = z.infer<typeof stepEntrySchema>;

const voteCommonShape = {
  id: z.string().min(1).max(64),
  status: z.enum(['open', 'closed']),
  revealed: z.boolean(),
  title: z.string().max(SessionLimits.maxVoteTitleLength).optional(),
  frameId: shapeIdSchema.optional(),
  /** The step that was current when the vote opened. */
  stepId: stepIdSchema.optional(),
  ...voteSettingsSchema.shape,
  openedAt: epochMsSchema,
  closedAt: epochMsSchema.optional(),
  /** A run-off: only these items may get dots (those tied at the cut of `runoffOf`). */
  candidates: z.array(shapeIdSchema).optional(),
  /** A run-off: the vote whose tie it settles. */
  runoffOf: z.string().min(1).max(64).optional(),
  /** Closed with places: who is in, who is tied at the cut (S-DECIDE-1); hidden like the results. */
  outcome: voteOutcomeSchema.optional(),
};

/** Dots per item, for one voter. */
export const voteBallotSchema = z.record(shapeIdSchema, z.number().int().min(1));
export type VoteBallot = z.infer<typeof voteBallotSchema>;

/** The server's vote, with who voted what (never broadcast as is). */
export const voteStateSchema = z.object({
  ...voteCommonShape,
  ballots: z.record(userIdSchema, voteBallotSchema),
  /** A run-off: the decision it completes (never broadcast: it holds the first vote's counts). */
  runoff: runoffContextSchema.optional(),
});
export type VoteState = z.infer<typeof voteStateSchema>;

export const voteResultSchema = z.object({
  itemId: shapeIdSchema,
  count: z.number().int().min(0),
  /** 1 for the most voted; ties share a rank (1, 1, 3). */
  rank: z.number().int().min(1),
  /** Who put dots on it; only when the vote is not anonymous. */
  voters: z.array(userIdSchema).optional(),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

/** The commands that remove something and can be undone for a while. */
export const UndoableCommand = {
  voteClear: 'vote.clear',
  groupsClear: 'groups.clear',
  stepReset: 'step.reset',
  sessionReset: 'session.reset',
} as const;
export type UndoableCommand = (typeof UndoableCommand)[keyof typeof UndoableCommand];
export const undoableCommandSchema = z.enum([
  UndoableCommand.voteClear,
  UndoableCommand.groupsClear,
  UndoableCommand.stepReset,
  UndoableCommand.sessionReset,
]);

/** The pending undo as everyone sees it: what can be undone, by whom, until when (server time). */
export const publicUndoSchema = z.object({
  id: undoIdSchema,
  command: undoableCommandSchema,
  by: userIdSchema,
  at: epochMsSchema,
  expiresAt: epochMsSchema,
});
export type PublicUndo = z.infer<typeof publicUndoSchema>;

/** The parts of the state a destructive command changes; each command fills the ones it touches. */
export const undoSliceSchema = z.object({
  currentStepId: stepIdSchema.nullable().optional(),
  timer: timerSchema.optional(),
  vote: voteStateSchema.nullable().optional(),
  groups: groupsStateSchema.nullable().optional(),
  /** Who was in which group (people without a group are absent). */
  memberships: z.record(userIdSchema, groupIdSchema).optional(),
  camera: cameraStateSchema.optional(),
  stepEntry: stepEntrySchema.nullable().optional(),
  decisions: z.array(decisionSchema).max(SessionLimits.maxSteps).optional(),
});
export type UndoSlice = z.infer<typeof undoSliceSchema>;

/** The server's pending undo: the slice as it was (`before`) and as the command left it (`after`). */
export const undoStateSchema = publicUndoSchema.extend({
  before: undoSliceSchema,
  after: undoSliceSchema,
});
export type UndoState = z.infer<typeof undoStateSchema>;

const logBase = { at: epochMsSchema, by: userIdSchema.optional() };
const stepLog = <T extends string>(type: T) =>
  z.object({ ...logBase, type: z.literal(type), stepId: stepIdSchema });

/** What actually happened, in order; the export compares it with the plan. */
export const sessionLogEntrySchema = z.discriminatedUnion('type', [
  stepLog('step.started'),
  stepLog('step.paused'),
  stepLog('step.resumed'),
  stepLog('step.reset'),
  /** Left (or finished) after its timer had run. */
  stepLog('step.ended'),
  /** Left without its timer having been started. */
  stepLog('step.skipped'),
  z.object({ ...logBase, type: z.literal('step.extended'), stepId: stepIdSchema, ms: z.number().int() }),
  stepLog('step.added'),
  stepLog('step.removed'),
  stepLog('step.moved'),
  z.object({
    ...logBase,
    type: z.literal('step.edited'),
    stepId: stepIdSchema,
    durationMs: z.number().int().optional(),
  }),
  z.object({
    ...logBase,
    type: z.literal('vote.opened'),
    voteId: z.string(),
    stepId: stepIdSchema.optional(),
    title: z.string().optional(),
    frameId: shapeIdSchema.optional(),
    ...voteSettingsSchema.shape,
    runoffOf: z.string().optional(),
    candidates: z.array(shapeIdSchema).optional(),
  }),
  z.object({
    ...logBase,
    type: z.literal('vote.closed'),
    voteId: z.string(),
    voterCount: z.number().int(),
    results: z.array(voteResultSchema),
  }),
  z.object({ ...logBase, type: z.literal('vote.revealed'), voteId: z.string() }),
  z.object({ ...logBase, type: z.literal('vote.cleared'), voteId: z.string() }),
  z.object({
    ...logBase,
    type: z.literal('groups.split'),
    mode: z.enum([GroupMode.balanced, GroupMode.self]),
    count: z.number().int(),
  }),
  z.object({ ...logBase, type: z.literal('groups.cleared') }),
  z.object({ ...logBase, type: z.literal('question.set'), text: z.string() }),
  /** Back to the first step: the step timings before it no longer count (S-LOG-1). */
  z.object({ ...logBase, type: z.literal('session.reset') }),
  /** The last `command` of that type was undone: its entry no longer counts. */
  z.object({ ...logBase, type: z.literal('action.undone'), command: undoableCommandSchema }),
  summarySetLogEntrySchema,
  z.object({
    ...logBase,
    type: z.literal('participant.removed'),
    userId: userIdSchema,
    name: z.string(),
    /** Dots of theirs taken out of the open vote. */
    dots: z.number().int().min(0),
  }),
  decisionMadeLogEntrySchema,
  z.object({
    ...logBase,
    type: z.literal('section.added'),
    sectionId: sectionIdSchema,
    template: z.string(),
  }),
  z.object({ ...logBase, type: z.literal('section.moved'), sectionId: sectionIdSchema }),
  z.object({ ...logBase, type: z.literal('section.removed'), sectionId: sectionIdSchema }),
]);
export type SessionLogEntry = z.infer<typeof sessionLogEntrySchema>;
export type SessionLogEntryType = SessionLogEntry['type'];

const sessionCommonShape = {
  /** Grows with every change: a client keeps the highest it has seen and drops older broadcasts. */
  revision: z.number().int().min(0),
  question: z.string().max(SessionLimits.maxQuestionLength).optional(),
  /** The facilitator's summary, first in every report. */
  summary: summaryTextSchema.optional(),
  steps: z.array(stepSchema).max(SessionLimits.maxSteps),
  /** Null only when the sequence has no step. */
  currentStepId: stepIdSchema.nullable(),
  timer: timerSchema,
  groups: groupsStateSchema.nullable(),
  participants: z.array(participantSchema).max(SessionLimits.maxParticipants),
  camera: cameraStateSchema,
  /** Null (or absent) until the session starts; see `stepEntrySchema`. */
  stepEntry: stepEntrySchema.nullable().optional(),
  /** What the steps are numbered from (`numberSteps`): 0 for the PGO kit's introduction; 1 when absent. */
  firstStepNumber: z.number().int().min(0).max(SessionLimits.maxFirstStepNumber).optional(),
  /** The workshop's language (the board's texts, the decisions written on it); French when absent. */
  locale: localeSchema.optional(),
  /** What the votes decided, one per step (S-DECIDE); absent in states stored before decisions. */
  decisions: z.array(decisionSchema).max(SessionLimits.maxSteps).optional(),
  /** A programme's sections, in the day's order (P-PROG); absent on a board of one template. */
  sections: z.array(programmeSectionSchema).max(ProgrammeLimits.maxSections).optional(),
  /** Open "Besoin d'aide" requests, oldest first (S-ROOM-1). */
  helpRequests: z.array(helpRequestSchema).max(SessionLimits.maxParticipants).optional(),
  /** The facilitator's message to everyone (S-ROOM-3). */
  banner: bannerSchema.nullable().optional(),
};

/** Everything the server keeps (and stores). */
export const sessionStateSchema = z.object({
  ...sessionCommonShape,
  /** Server only. Absent in states stored before it existed. */
  pastParticipants: z.array(pastParticipantSchema).max(SessionLimits.maxPastParticipants).optional(),
  /** Server only: user ids the facilitator removed. */
  removedUserIds: z.array(userIdSchema).max(SessionLimits.maxRemovedPeople).optional(),
  vote: voteStateSchema.nullable(),
  /** The last destructive command, undoable until `expiresAt`; replaced by the next one. */
  undo: undoStateSchema.nullable().optional(),
  log: z.array(sessionLogEntrySchema).max(SessionLimits.maxLogEntries),
  /** Server only: unrevealed private notes, each under its author (S-PRIV-5). */
  privateNotes: z
    .array(storedPrivateNoteSchema)
    .max(SessionLimits.maxParticipants * PrivateNoteLimits.maxNotesPerPerson)
    .optional(),
  /** Server only: the last reveals, written on the board once each (S-PRIV-6). */
  reveals: z.array(revealSchema).max(PrivateNoteLimits.maxKeptReveals).optional(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/**
 * The vote as one recipient sees it: counts and voters stay hidden (`results: null`) from
 * participants until `vote.reveal`; the facilitator sees them live.
 */
export const publicVoteSchema = z.object({
  ...voteCommonShape,
  /** People who have put at least one dot (progress, safe to show to all). */
  voterCount: z.number().int().min(0),
  dotsCast: z.number().int().min(0),
  results: z.array(voteResultSchema).nullable(),
  /** The recipient's own dots per item; present when the state was computed for one person. */
  myVotes: voteBallotSchema.optional(),
  myDotsLeft: z.number().int().min(0).optional(),
  /** Facilitator only: dots each voter has left (the room overview); people without a dot yet are absent. */
  dotsLeftByUser: z.record(userIdSchema, z.number().int().min(0)).optional(),
});
export type PublicVote = z.infer<typeof publicVoteSchema>;

/** What the server sends on `session:state` (computed per recipient for `myVotes`). */
export const publicSessionStateSchema = z.object({
  ...sessionCommonShape,
  undo: publicUndoSchema.nullable().optional(),
  vote: publicVoteSchema.nullable(),
  /** The recipient's own private notes (and, for the facilitator, everyone's counts). */
  privateNotes: publicPrivateNotesSchema.optional(),
});
export type PublicSessionState = z.infer<typeof publicSessionStateSchema>;
