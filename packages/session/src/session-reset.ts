// Starting the session over (SPEC S-RESET-*): the sequence, the question, the people and the log stay.
import type { Participant, SessionState } from '@atelier/protocol';
import { accept } from './result';
import type { ApplyResult, CommandContext } from './result';
import { sameValue } from './same-value';
import { appendLog } from './session-log';
import { idleTimer } from './timer';
import { withUndo } from './undo';

function withoutGroup(person: Participant): Participant {
  if (person.groupId === undefined) return person;
  const { groupId: _dropped, ...rest } = person;
  return rest;
}

/**
 * `session.reset`: the first step current with an idle timer, not started yet (`stepEntry` null), no
 * vote, no groups, nobody summoned or followed. Undoable (S-UNDO-1); a session already in that
 * state is unchanged.
 */
export function sessionReset(state: SessionState, ctx: CommandContext): ApplyResult {
  const first = state.steps[0];
  const reset: SessionState = {
    ...state,
    currentStepId: first?.id ?? null,
    timer: idleTimer(first?.durationMs ?? 0),
    stepEntry: null,
    vote: null,
    groups: null,
    participants: state.participants.map(withoutGroup),
    camera: { summon: null, follow: null },
    decisions: [],
  };
  const pristine =
    reset.currentStepId === state.currentStepId &&
    sameValue(reset.timer, state.timer) &&
    (state.stepEntry ?? null) === null &&
    state.vote === null &&
    state.groups === null &&
    state.participants.every((person) => person.groupId === undefined) &&
    state.camera.summon === null &&
    state.camera.follow === null &&
    (state.decisions ?? []).length === 0;
  if (pristine) return accept(state);
  return accept(
    withUndo(
      state,
      { ...reset, log: appendLog(state.log, [{ type: 'session.reset', at: ctx.now, by: ctx.actor.userId }]) },
      'session.reset',
      ctx,
    ),
  );
}
