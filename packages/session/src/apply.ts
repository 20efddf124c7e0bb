// The facilitation state machine's entry point (SPEC S-AUTH-*): authorise, validate, transition.
import { ErrorCode, participantCommandTypes } from '@atelier/protocol';
import type {
  SessionCommand,
  SessionCommandOf,
  SessionCommandType,
  SessionRole,
  SessionState,
} from '@atelier/protocol';
import { cameraFollowStart, cameraFollowStop, cameraSummon } from './camera-commands';
import { voteChoose, voteRunoff } from './decision-commands';
import { groupsChoose, groupsClear, groupsMove, groupsSplit } from './group-commands';
import { participantRemove, profileErase, profileSet } from './participants';
import { privateDelete, privateEdit, privateReveal, privateSet, privateWrite } from './private-notes';
import { seededRandom } from './random';
import { bannerClear, bannerSet, helpCancel, helpClear, helpRequest } from './room-commands';
import { accept, refuse } from './result';
import type { Actor, ApplyResult, CommandContext } from './result';
import { revise } from './revise';
import { appendLog } from './session-log';
import { sessionReset } from './session-reset';
import {
  stepAdd,
  stepEdit,
  stepGoto,
  stepMove,
  stepNext,
  stepPrevious,
  stepRemove,
  stepReset,
  timerExtend,
  timerPause,
  timerResume,
  timerStart,
} from './step-commands';
import { sectionAdd, sectionMove, sectionRemove, type SectionBuilder } from './section-commands';
import { summarySet } from './summary-commands';
import { tick } from './tick';
import { DEFAULT_UNDO_WINDOW_MS, undoCommand } from './undo';
import { voteCast, voteClear, voteClose, voteOpen, voteReveal, voteRetract } from './vote-commands';

/** Whether a role may send a command type: facilitators everything, participants their own few (S-AUTH-1, S-AUTH-2). */
export function canSend(role: SessionRole, type: SessionCommandType): boolean {
  return role === 'facilitator' || (participantCommandTypes as readonly string[]).includes(type);
}

function questionSet(
  state: SessionState,
  command: SessionCommandOf<'question.set'>,
  ctx: CommandContext,
): ApplyResult {
  const text = command.text.trim();
  if ((state.question ?? '') === text) return accept(state);
  const { question: _previous, ...rest } = state;
  const next: SessionState = text ? { ...rest, question: text } : rest;
  return accept({
    ...next,
    log: appendLog(state.log, [{ type: 'question.set', at: ctx.now, by: ctx.actor.userId, text }]),
  });
}

function dispatch(
  state: SessionState,
  command: SessionCommand,
  ctx: CommandContext,
  options: ApplyOptions,
): ApplyResult {
  switch (command.type) {
    case 'section.add':
      return sectionAdd(state, command, ctx, options.buildSection);
    case 'section.move':
      return sectionMove(state, command, ctx);
    case 'section.remove':
      return sectionRemove(state, command, ctx);
    case 'timer.start':
      return timerStart(state, ctx);
    case 'timer.pause':
      return timerPause(state, ctx);
    case 'timer.resume':
      return timerResume(state, ctx);
    case 'timer.extend':
      return timerExtend(state, command, ctx);
    case 'step.next':
      return stepNext(state, command, ctx);
    case 'step.previous':
      return stepPrevious(state, command, ctx);
    case 'step.goto':
      return stepGoto(state, command, ctx);
    case 'step.reset':
      return stepReset(state, ctx);
    case 'step.edit':
      return stepEdit(state, command, ctx);
    case 'step.add':
      return stepAdd(state, command, ctx);
    case 'step.remove':
      return stepRemove(state, command, ctx);
    case 'step.move':
      return stepMove(state, command, ctx);
    case 'session.reset':
      return sessionReset(state, ctx);
    case 'undo':
      return undoCommand(state, command, ctx);
    case 'vote.open':
      return voteOpen(state, command, ctx);
    case 'vote.close':
      return voteClose(state, ctx);
    case 'vote.reveal':
      return voteReveal(state, ctx);
    case 'vote.clear':
      return voteClear(state, ctx);
    case 'vote.runoff':
      return voteRunoff(state, command, ctx);
    case 'vote.choose':
      return voteChoose(state, command, ctx);
    case 'vote.cast':
      return voteCast(state, command, ctx);
    case 'vote.retract':
      return voteRetract(state, command, ctx);
    case 'groups.split':
      return groupsSplit(state, command, ctx);
    case 'groups.move':
      return groupsMove(state, command);
    case 'groups.choose':
      return groupsChoose(state, command, ctx);
    case 'groups.clear':
      return groupsClear(state, ctx);
    case 'camera.summon':
      return cameraSummon(state, command, ctx);
    case 'camera.follow.start':
      return cameraFollowStart(state, ctx);
    case 'camera.follow.stop':
      return cameraFollowStop(state);
    case 'question.set':
      return questionSet(state, command, ctx);
    case 'summary.set':
      return summarySet(state, command, ctx);
    case 'profile.set':
      return profileSet(state, command, ctx);
    case 'participant.remove':
      return participantRemove(state, command, ctx);
    case 'profile.erase':
      return profileErase(state, ctx);
    case 'private.set':
      return privateSet(state, command);
    case 'private.write':
      return privateWrite(state, command, ctx);
    case 'private.edit':
      return privateEdit(state, command, ctx);
    case 'private.delete':
      return privateDelete(state, command, ctx);
    case 'private.reveal':
      return privateReveal(state, command, ctx);
    case 'help.request':
      return helpRequest(state, command, ctx);
    case 'help.cancel':
      return helpCancel(state, ctx);
    case 'help.clear':
      return helpClear(state, command);
    case 'banner.set':
      return bannerSet(state, command, ctx);
    case 'banner.clear':
      return bannerClear(state);
  }
}

export interface ApplyOptions {
  /** How long a destructive command stays undoable; `DEFAULT_UNDO_WINDOW_MS` when omitted (S-UNDO-1). */
  undoWindowMs?: number;
  /** Builds an added section's steps from its template (S-PROG-1); without it, sections cannot be added. */
  buildSection?: SectionBuilder;
}

/**
 * Applies one command, already parsed with `sessionCommandSchema`, sent by `actor` at server time
 * `now`. Never mutates `state`. Due auto-advances happen first, so the command acts on the step
 * that is really current. `random` drives group splits (defaults to a source seeded with `now`).
 */
export function apply(
  state: SessionState,
  command: SessionCommand,
  actor: Actor,
  now: number,
  random?: () => number,
  options: ApplyOptions = {},
): ApplyResult {
  if (!canSend(actor.role, command.type)) {
    return refuse(ErrorCode.forbidden, `Only the facilitator can do "${command.type}".`);
  }
  const current = tick(state, now);
  const result = dispatch(
    current,
    command,
    {
      actor,
      now,
      random: random ?? seededRandom(now),
      undoWindowMs: options.undoWindowMs ?? DEFAULT_UNDO_WINDOW_MS,
    },
    options,
  );
  return result.ok ? accept(revise(current, result.state, now)) : result;
}
