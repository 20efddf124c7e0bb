// Undoing a destructive command (SPEC S-UNDO-*): the command keeps what it removed for a while, and
// `undo` puts it back exactly, as long as nothing it touched has changed since.
import { ErrorCode, UndoableCommand } from '@atelier/protocol';
import type {
  Participant,
  PublicUndo,
  SessionCommandOf,
  SessionState,
  UndoableCommand as UndoableCommandType,
  UndoSlice,
  UndoState,
} from '@atelier/protocol';
import { sameValue } from './same-value';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { appendLog } from './session-log';

/** How long a destructive command stays undoable unless the server says otherwise (S-UNDO-1). */
export const DEFAULT_UNDO_WINDOW_MS = 15_000;

type SliceKey = keyof UndoSlice;

/** What each destructive command may change, hence what its undo restores. */
const touched: Record<UndoableCommandType, readonly SliceKey[]> = {
  [UndoableCommand.voteClear]: ['vote'],
  [UndoableCommand.groupsClear]: ['groups', 'memberships'],
  [UndoableCommand.stepReset]: ['currentStepId', 'timer'],
  [UndoableCommand.sessionReset]: [
    'currentStepId',
    'timer',
    'vote',
    'groups',
    'memberships',
    'camera',
    'stepEntry',
    'decisions',
  ],
};

function memberships(participants: readonly Participant[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const person of participants) {
    if (person.groupId !== undefined) {
      Object.defineProperty(result, person.userId, {
        value: person.groupId,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return result;
}

/** The parts of `state` a command touches, as plain JSON values. */
function sliceOf(state: SessionState, keys: readonly SliceKey[]): UndoSlice {
  const slice: UndoSlice = {};
  for (const key of keys) {
    switch (key) {
      case 'currentStepId':
        slice.currentStepId = state.currentStepId;
        break;
      case 'timer':
        slice.timer = state.timer;
        break;
      case 'vote':
        slice.vote = state.vote;
        break;
      case 'groups':
        slice.groups = state.groups;
        break;
      case 'memberships':
        slice.memberships = memberships(state.participants);
        break;
      case 'camera':
        slice.camera = state.camera;
        break;
      case 'stepEntry':
        slice.stepEntry = state.stepEntry ?? null;
        break;
      case 'decisions':
        slice.decisions = state.decisions ?? [];
        break;
    }
  }
  return slice;
}

/**
 * `after` is the state a destructive command produced from `before`: it becomes the pending undo
 * (replacing any older one), expiring `undoWindowMs` from now (S-UNDO-1).
 */
export function withUndo(
  before: SessionState,
  after: SessionState,
  command: UndoableCommandType,
  ctx: CommandContext,
): SessionState {
  const keys = touched[command];
  const undo: UndoState = {
    // Revisions never repeat, so neither do undo ids.
    id: `undo-${before.revision + 1}`,
    command,
    by: ctx.actor.userId,
    at: ctx.now,
    expiresAt: ctx.now + ctx.undoWindowMs,
    before: sliceOf(before, keys),
    after: sliceOf(after, keys),
  };
  return { ...after, undo };
}

/** What everyone may know of the pending undo: never the removed ballots (S-UNDO-5). */
export function publicUndo(undo: UndoState | null | undefined): PublicUndo | null {
  if (!undo) return null;
  const { before: _before, after: _after, ...shown } = undo;
  return shown;
}

function restore(state: SessionState, slice: UndoSlice): SessionState {
  const next: SessionState = { ...state };
  if (slice.currentStepId !== undefined) next.currentStepId = slice.currentStepId;
  if (slice.timer !== undefined) next.timer = slice.timer;
  if (slice.vote !== undefined) next.vote = slice.vote;
  if (slice.groups !== undefined) next.groups = slice.groups;
  if (slice.camera !== undefined) next.camera = slice.camera;
  if (slice.stepEntry !== undefined) next.stepEntry = slice.stepEntry;
  if (slice.decisions !== undefined) next.decisions = slice.decisions;
  const groups = slice.memberships;
  if (groups !== undefined) {
    next.participants = next.participants.map((person) => {
      const groupId = Object.hasOwn(groups, person.userId) ? groups[person.userId] : undefined;
      if (groupId !== undefined) return { ...person, groupId };
      const { groupId: _none, ...rest } = person;
      return rest;
    });
  }
  return next;
}

/**
 * `undo { id }` (S-UNDO-2…4): only the pending undo, only before it expires, only while what its
 * command changed is still as the command left it; then the previous values come back exactly.
 */
export function undoCommand(
  state: SessionState,
  command: SessionCommandOf<'undo'>,
  ctx: CommandContext,
): ApplyResult {
  const { undo } = state;
  if (!undo) return refuse(ErrorCode.conflict, 'There is nothing to undo.');
  if (undo.id !== command.id) {
    return refuse(ErrorCode.conflict, 'Another action was done since: only the last one can be undone.');
  }
  if (ctx.now > undo.expiresAt) {
    return refuse(ErrorCode.undoExpired, 'Too late: this action can no longer be undone.');
  }
  if (!sameValue(sliceOf(state, touched[undo.command]), undo.after)) {
    return refuse(ErrorCode.conflict, 'The session changed since: this action can no longer be undone.');
  }
  return accept({
    ...restore(state, undo.before),
    undo: null,
    log: appendLog(state.log, [
      { type: 'action.undone', at: ctx.now, by: ctx.actor.userId, command: undo.command },
    ]),
  });
}
