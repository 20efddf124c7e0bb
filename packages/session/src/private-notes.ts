// Private writing, then reveal (SPEC S-PRIV-*): during a private step each person's notes are held in
// the server's state under their user id, seen by them alone, until the facilitator reveals them all at
// once. The board write that follows a reveal is the server's (templates' T-REVEAL).
import { ErrorCode, PrivateNoteLimits } from '@atelier/protocol';
import type {
  PublicPrivateNotes,
  Reveal,
  RevealedNote,
  SessionCommandOf,
  SessionState,
  StoredPrivateNote,
} from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';

const notesOf = (state: SessionState): readonly StoredPrivateNote[] => state.privateNotes ?? [];

/**
 * S-PRIV-7: the current step is private, so a participant's new note goes to their private list and the
 * board refuses one (board-schema W-PRIVATE). Read from the stored state and from a public one alike.
 */
export function isPrivateStepNow(state: Pick<SessionState, 'steps' | 'currentStepId'>): boolean {
  return state.steps.some((step) => step.id === state.currentStepId && step.private === true);
}

/** S-PRIV-1: `private.set { stepId, private }` marks a step private, or shared again. */
export function privateSet(state: SessionState, command: SessionCommandOf<'private.set'>): ApplyResult {
  const step = state.steps.find((candidate) => candidate.id === command.stepId);
  if (!step) return refuse(ErrorCode.badRequest, `No step "${command.stepId}".`);
  if ((step.private ?? false) === command.private) return accept(state);
  const { private: _was, ...rest } = step;
  const changed = command.private ? { ...rest, private: true } : rest;
  return accept({
    ...state,
    steps: state.steps.map((candidate) => (candidate.id === step.id ? changed : candidate)),
  });
}

function currentPrivateStepId(state: SessionState): string | null {
  const step = state.steps.find((candidate) => candidate.id === state.currentStepId);
  return step?.private ? step.id : null;
}

function checkText(text: string): ApplyResult | null {
  if (text.trim().length === 0) return refuse(ErrorCode.badRequest, 'A note needs some text.');
  if (text.length > PrivateNoteLimits.maxTextLength) {
    return refuse(
      ErrorCode.limitExceeded,
      `A note holds at most ${PrivateNoteLimits.maxTextLength} characters.`,
    );
  }
  return null;
}

/**
 * S-PRIV-2: `private.write { id, text, zoneId? }` adds a note of the sender's to the current step, which
 * must be private (`conflict` otherwise). An id the sender already uses: `conflict`. Empty text:
 * `bad_request`; past `maxTextLength` characters or `maxNotesPerPerson` notes: `limit_exceeded`.
 */
export function privateWrite(
  state: SessionState,
  command: SessionCommandOf<'private.write'>,
  ctx: CommandContext,
): ApplyResult {
  const stepId = currentPrivateStepId(state);
  if (!stepId) return refuse(ErrorCode.conflict, 'The current step is not private.');
  const problem = checkText(command.text);
  if (problem) return problem;
  const mine = notesOf(state).filter((note) => note.userId === ctx.actor.userId);
  if (mine.some((note) => note.id === command.id)) {
    return refuse(ErrorCode.conflict, `You already have a note "${command.id}".`);
  }
  if (mine.length >= PrivateNoteLimits.maxNotesPerPerson) {
    return refuse(
      ErrorCode.limitExceeded,
      `At most ${PrivateNoteLimits.maxNotesPerPerson} private notes per person before the reveal.`,
    );
  }
  const note: StoredPrivateNote = {
    id: command.id,
    userId: ctx.actor.userId,
    stepId,
    text: command.text,
    ...(command.zoneId ? { zoneId: command.zoneId } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return accept({ ...state, privateNotes: [...notesOf(state), note] });
}

/**
 * S-PRIV-3: `private.edit { id, text, zoneId? }` changes one of the sender's unrevealed notes (someone
 * else's, or a revealed one, is unknown to them: `bad_request`); the same text and zone change nothing.
 */
export function privateEdit(
  state: SessionState,
  command: SessionCommandOf<'private.edit'>,
  ctx: CommandContext,
): ApplyResult {
  const note = notesOf(state).find(
    (candidate) => candidate.userId === ctx.actor.userId && candidate.id === command.id,
  );
  if (!note) return refuse(ErrorCode.badRequest, `You have no unrevealed note "${command.id}".`);
  const problem = checkText(command.text);
  if (problem) return problem;
  if (note.text === command.text && note.zoneId === command.zoneId) return accept(state);
  const { zoneId: _zone, ...rest } = note;
  const edited: StoredPrivateNote = {
    ...rest,
    text: command.text,
    ...(command.zoneId ? { zoneId: command.zoneId } : {}),
    updatedAt: ctx.now,
  };
  return accept({
    ...state,
    privateNotes: notesOf(state).map((candidate) => (candidate === note ? edited : candidate)),
  });
}

/** S-PRIV-3: `private.delete { id }` takes back one of the sender's unrevealed notes (`bad_request` if none). */
export function privateDelete(
  state: SessionState,
  command: SessionCommandOf<'private.delete'>,
  ctx: CommandContext,
): ApplyResult {
  const all = notesOf(state);
  const kept = all.filter((note) => !(note.userId === ctx.actor.userId && note.id === command.id));
  if (kept.length === all.length)
    return refuse(ErrorCode.badRequest, `You have no unrevealed note "${command.id}".`);
  return accept({ ...state, privateNotes: kept });
}

/**
 * S-PRIV-4 and S-PRIV-6: `private.reveal { stepId?, anonymous? }` (facilitator) takes every unrevealed
 * note of the step (the current one by default) out of the private notes into one reveal, in the
 * order they were written, each with its author's group at this moment and, unless anonymous (the
 * default), the author's name. Nothing to reveal: `conflict`. Only the last `maxKeptReveals` reveals are kept.
 */
export function privateReveal(
  state: SessionState,
  command: SessionCommandOf<'private.reveal'>,
  ctx: CommandContext,
): ApplyResult {
  const stepId = command.stepId ?? state.currentStepId;
  if (!stepId || !state.steps.some((step) => step.id === stepId)) {
    return refuse(ErrorCode.badRequest, 'No such step to reveal.');
  }
  const all = notesOf(state);
  const revealed = all.filter((note) => note.stepId === stepId);
  if (revealed.length === 0) return refuse(ErrorCode.conflict, 'There is no private note to reveal.');
  const anonymous = command.anonymous ?? true;
  const people = new Map(state.participants.map((person) => [person.userId, person]));
  const notes = [...revealed]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((note): RevealedNote => {
      const author = people.get(note.userId);
      return {
        id: note.id,
        userId: note.userId,
        text: note.text,
        ...(author?.groupId ? { groupId: author.groupId } : {}),
        ...(note.zoneId ? { zoneId: note.zoneId } : {}),
        ...(!anonymous && author ? { author: author.name } : {}),
      };
    });
  const reveal: Reveal = {
    id: `reveal-${state.revision + 1}`,
    stepId,
    at: ctx.now,
    by: ctx.actor.userId,
    anonymous,
    notes,
  };
  return accept({
    ...state,
    privateNotes: all.filter((note) => note.stepId !== stepId),
    reveals: [...(state.reveals ?? []), reveal].slice(-PrivateNoteLimits.maxKeptReveals),
  });
}

/**
 * S-PRIV-5: what one person receives about private writing: their own unrevealed notes, never anyone
 * else's; the facilitator also gets how many each person holds and how many of each were revealed at
 * the current step (never the texts); everyone the last reveal's step, time and count. Undefined when there is nothing to say.
 */
export function publicPrivateNotes(
  state: SessionState,
  forUserId: string | undefined,
): PublicPrivateNotes | undefined {
  const all = notesOf(state);
  const last = state.reveals?.at(-1);
  const lastReveal = last ? { stepId: last.stepId, at: last.at, count: last.notes.length } : undefined;
  const viewer =
    forUserId === undefined ? undefined : state.participants.find((person) => person.userId === forUserId);
  const mine = forUserId === undefined ? [] : all.filter((note) => note.userId === forUserId);
  const anyPrivateStep = state.steps.some((step) => step.private);
  if (all.length === 0 && !lastReveal && !anyPrivateStep) return undefined;
  const view: PublicPrivateNotes = {
    mine: mine.map(({ userId: _owner, ...note }) => note),
    ...(lastReveal ? { lastReveal } : {}),
  };
  if (viewer?.role === 'facilitator') {
    const counts: Record<string, number> = {};
    for (const note of all) counts[note.userId] = (counts[note.userId] ?? 0) + 1;
    view.counts = counts;
    // Who has written at this step stays known after an anonymous reveal: how many, not which.
    const revealed: Record<string, number> = {};
    for (const reveal of state.reveals ?? []) {
      if (reveal.stepId !== state.currentStepId) continue;
      for (const note of reveal.notes) revealed[note.userId] = (revealed[note.userId] ?? 0) + 1;
    }
    if (Object.keys(revealed).length > 0) view.revealedCounts = revealed;
  }
  return view;
}
