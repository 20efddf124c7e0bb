// Timer and sequence commands (SPEC S-TIMER-*, S-STEP-*).
import { ErrorCode, SessionLimits, TimerStart } from '@atelier/protocol';
import type { SessionCommandOf, SessionLogEntry, SessionState, Step, StepEntry } from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { appendLog } from './session-log';
import { finishedTimer, idleTimer, pauseTimer, resumeTimer, shiftTimer, startTimer } from './timer';
import { withUndo } from './undo';

export function currentStep(state: SessionState): Step | undefined {
  return state.steps.find((step) => step.id === state.currentStepId);
}

function noStep(): ApplyResult {
  return refuse(ErrorCode.badRequest, 'The sequence has no step.');
}

function unknownStep(stepId: string): ApplyResult {
  return refuse(ErrorCode.badRequest, `Unknown step "${stepId}".`);
}

/** What leaving the current step writes to the log (S-STEP-1). */
export function leaveEntries(state: SessionState, at: number, by?: string): SessionLogEntry[] {
  const stepId = state.currentStepId;
  if (stepId === null) return [];
  switch (state.timer.status) {
    case 'running':
    case 'paused':
      return [{ type: 'step.ended', at, by, stepId }];
    case 'idle':
      return [{ type: 'step.skipped', at, by, stepId }];
    case 'finished':
      return [];
  }
}

/** Whether arriving at a step starts its timer: unless the step says `manual` (S-STEP-1). */
export function startsOnEnter(step: Step): boolean {
  return step.timerStart !== TimerStart.manual;
}

/** The sequence enters `stepId` in the change that follows `state` (its seq is that revision). */
export function enterStep(state: SessionState, stepId: string, at: number): StepEntry {
  return { stepId, seq: state.revision + 1, at };
}

/** Makes `target` current, starting its timer unless the step or `start: false` says otherwise (S-STEP-1). */
function moveTo(
  state: SessionState,
  target: Step,
  ctx: CommandContext,
  start: boolean | undefined,
): SessionState {
  const by = ctx.actor.userId;
  const entries = leaveEntries(state, ctx.now, by);
  let timer = idleTimer(target.durationMs);
  if (start ?? startsOnEnter(target)) {
    timer = startTimer(timer, ctx.now);
    entries.push({ type: 'step.started', at: ctx.now, by, stepId: target.id });
  }
  return {
    ...state,
    currentStepId: target.id,
    timer,
    stepEntry: enterStep(state, target.id, ctx.now),
    log: appendLog(state.log, entries),
  };
}

export function timerStart(state: SessionState, ctx: CommandContext): ApplyResult {
  const step = currentStep(state);
  if (!step) return noStep();
  switch (state.timer.status) {
    case 'running':
      return refuse(ErrorCode.conflict, 'The timer is already running.');
    case 'paused':
      return refuse(ErrorCode.conflict, 'The timer is paused: resume it.');
    case 'finished':
      return refuse(ErrorCode.conflict, 'This step has ended: reset it to run it again.');
    case 'idle':
      return accept({
        ...state,
        timer: startTimer(state.timer, ctx.now),
        // The first start of the session enters its step, as moving to a step does (S-STEP-9).
        stepEntry: state.stepEntry ?? enterStep(state, step.id, ctx.now),
        log: appendLog(state.log, [
          { type: 'step.started', at: ctx.now, by: ctx.actor.userId, stepId: step.id },
        ]),
      });
  }
}

export function timerPause(state: SessionState, ctx: CommandContext): ApplyResult {
  const step = currentStep(state);
  if (!step) return noStep();
  if (state.timer.status !== 'running') return refuse(ErrorCode.conflict, 'The timer is not running.');
  return accept({
    ...state,
    timer: pauseTimer(state.timer, ctx.now),
    log: appendLog(state.log, [{ type: 'step.paused', at: ctx.now, by: ctx.actor.userId, stepId: step.id }]),
  });
}

export function timerResume(state: SessionState, ctx: CommandContext): ApplyResult {
  const step = currentStep(state);
  if (!step) return noStep();
  if (state.timer.status !== 'paused') return refuse(ErrorCode.conflict, 'The timer is not paused.');
  return accept({
    ...state,
    timer: resumeTimer(state.timer, ctx.now),
    log: appendLog(state.log, [{ type: 'step.resumed', at: ctx.now, by: ctx.actor.userId, stepId: step.id }]),
  });
}

export function timerExtend(
  state: SessionState,
  command: SessionCommandOf<'timer.extend'>,
  ctx: CommandContext,
): ApplyResult {
  const step = currentStep(state);
  if (!step) return noStep();
  if (state.timer.status === 'finished') {
    return refuse(ErrorCode.conflict, 'This step has ended: reset it to run it again.');
  }
  const timer = shiftTimer(state.timer, command.ms, ctx.now);
  if (timer === state.timer) return accept(state);
  return accept({
    ...state,
    timer,
    log: appendLog(state.log, [
      { type: 'step.extended', at: ctx.now, by: ctx.actor.userId, stepId: step.id, ms: command.ms },
    ]),
  });
}

export function stepReset(state: SessionState, ctx: CommandContext): ApplyResult {
  const step = currentStep(state);
  if (!step) return noStep();
  const { timer } = state;
  if (timer.status === 'idle' && timer.remainingMs === step.durationMs) return accept(state);
  const reset: SessionState = {
    ...state,
    timer: idleTimer(step.durationMs),
    log: appendLog(state.log, [{ type: 'step.reset', at: ctx.now, by: ctx.actor.userId, stepId: step.id }]),
  };
  return accept(withUndo(state, reset, 'step.reset', ctx));
}

export function stepNext(
  state: SessionState,
  command: SessionCommandOf<'step.next'>,
  ctx: CommandContext,
): ApplyResult {
  const index = state.steps.findIndex((step) => step.id === state.currentStepId);
  if (index < 0) return noStep();
  const next = state.steps[index + 1];
  if (next) return accept(moveTo(state, next, ctx, command.start));
  // The last step: "next" ends the sequence (S-STEP-2).
  if (state.timer.status === 'finished') return refuse(ErrorCode.conflict, 'The sequence is already over.');
  return accept({
    ...state,
    timer: finishedTimer(state.timer),
    log: appendLog(state.log, leaveEntries(state, ctx.now, ctx.actor.userId)),
  });
}

export function stepPrevious(
  state: SessionState,
  command: SessionCommandOf<'step.previous'>,
  ctx: CommandContext,
): ApplyResult {
  const index = state.steps.findIndex((step) => step.id === state.currentStepId);
  if (index < 0) return noStep();
  const previous = state.steps[index - 1];
  if (!previous) return refuse(ErrorCode.conflict, 'This is already the first step.');
  return accept(moveTo(state, previous, ctx, command.start));
}

export function stepGoto(
  state: SessionState,
  command: SessionCommandOf<'step.goto'>,
  ctx: CommandContext,
): ApplyResult {
  const target = state.steps.find((step) => step.id === command.stepId);
  if (!target) return unknownStep(command.stepId);
  if (target.id === state.currentStepId) return accept(state);
  return accept(moveTo(state, target, ctx, command.start));
}

export function stepEdit(
  state: SessionState,
  command: SessionCommandOf<'step.edit'>,
  ctx: CommandContext,
): ApplyResult {
  const index = state.steps.findIndex((step) => step.id === command.stepId);
  const step = state.steps[index];
  if (!step) return unknownStep(command.stepId);
  const { title, instructions, durationMs, autoAdvance, timerStart } = command;
  if (
    !title &&
    !instructions &&
    durationMs === undefined &&
    autoAdvance === undefined &&
    timerStart === undefined
  ) {
    return accept(state);
  }
  const edited: Step = {
    ...step,
    title: { ...step.title, ...title },
    instructions: { ...step.instructions, ...instructions },
    durationMs: durationMs ?? step.durationMs,
    autoAdvance: autoAdvance ?? step.autoAdvance,
  };
  if (timerStart !== undefined) edited.timerStart = timerStart;
  const steps = state.steps.with(index, edited);
  // The running step keeps the time already spent: its deadline moves by the change (S-STEP-5).
  const delta = edited.durationMs - step.durationMs;
  const timer =
    step.id === state.currentStepId && delta !== 0 ? shiftTimer(state.timer, delta, ctx.now) : state.timer;
  const entry: SessionLogEntry = {
    type: 'step.edited',
    at: ctx.now,
    by: ctx.actor.userId,
    stepId: step.id,
    durationMs,
  };
  return accept({ ...state, steps, timer, log: appendLog(state.log, [entry]) });
}

export function stepAdd(
  state: SessionState,
  command: SessionCommandOf<'step.add'>,
  ctx: CommandContext,
): ApplyResult {
  if (state.steps.length >= SessionLimits.maxSteps) {
    return refuse(ErrorCode.limitExceeded, `A sequence has at most ${SessionLimits.maxSteps} steps.`);
  }
  if (state.steps.some((step) => step.id === command.step.id)) {
    return refuse(ErrorCode.conflict, `A step "${command.step.id}" already exists.`);
  }
  const index = Math.min(command.index ?? state.steps.length, state.steps.length);
  const steps = state.steps.toSpliced(index, 0, command.step);
  const becomesCurrent = state.currentStepId === null;
  return accept({
    ...state,
    steps,
    currentStepId: becomesCurrent ? command.step.id : state.currentStepId,
    timer: becomesCurrent ? idleTimer(command.step.durationMs) : state.timer,
    log: appendLog(state.log, [
      { type: 'step.added', at: ctx.now, by: ctx.actor.userId, stepId: command.step.id },
    ]),
  });
}

export function stepRemove(
  state: SessionState,
  command: SessionCommandOf<'step.remove'>,
  ctx: CommandContext,
): ApplyResult {
  const index = state.steps.findIndex((step) => step.id === command.stepId);
  if (index < 0) return unknownStep(command.stepId);
  const by = ctx.actor.userId;
  const steps = state.steps.toSpliced(index, 1);
  const removed: SessionLogEntry = { type: 'step.removed', at: ctx.now, by, stepId: command.stepId };
  if (command.stepId !== state.currentStepId) {
    return accept({ ...state, steps, log: appendLog(state.log, [removed]) });
  }
  // The following step takes its place, or the preceding one at the end (S-STEP-7).
  const replacement = steps[index] ?? steps[index - 1];
  // Once the session has started, everyone goes to the step that takes the removed one's place.
  const stepEntry =
    replacement && state.stepEntry ? enterStep(state, replacement.id, ctx.now) : (state.stepEntry ?? null);
  return accept({
    ...state,
    steps,
    currentStepId: replacement?.id ?? null,
    timer: idleTimer(replacement?.durationMs ?? 0),
    stepEntry,
    log: appendLog(state.log, [...leaveEntries(state, ctx.now, by), removed]),
  });
}

export function stepMove(
  state: SessionState,
  command: SessionCommandOf<'step.move'>,
  ctx: CommandContext,
): ApplyResult {
  const from = state.steps.findIndex((step) => step.id === command.stepId);
  const step = state.steps[from];
  if (!step) return unknownStep(command.stepId);
  if (command.index >= state.steps.length) {
    return refuse(ErrorCode.badRequest, `Position ${command.index} is past the end of the sequence.`);
  }
  if (command.index === from) return accept(state);
  const steps = state.steps.toSpliced(from, 1).toSpliced(command.index, 0, step);
  return accept({
    ...state,
    steps,
    log: appendLog(state.log, [{ type: 'step.moved', at: ctx.now, by: ctx.actor.userId, stepId: step.id }]),
  });
}
