// Auto-advance (SPEC S-AUTO-*): the server calls `tick` at `nextAutoAdvanceAt`, and `apply` calls it first.
import type { SessionLogEntry, SessionState } from '@atelier/protocol';
import { appendLog } from './session-log';
import { revise } from './revise';
import { currentStep, enterStep, startsOnEnter } from './step-commands';
import { finishedTimer, idleTimer } from './timer';

/** When the current step will advance by itself, or null if it will not. */
export function nextAutoAdvanceAt(state: SessionState): number | null {
  const { timer } = state;
  if (timer.status !== 'running' || timer.endsAt === undefined) return null;
  return currentStep(state)?.autoAdvance ? timer.endsAt : null;
}

/**
 * Moves past every auto-advancing step whose deadline is due. The next step starts at the previous
 * deadline, not at `now`, so a late tick changes no client's countdown (S-AUTO-1), unless its timer
 * is `manual`: then it waits, idle, and the chain stops there (S-AUTO-4). Returns the same object
 * when nothing is due.
 */
export function tick(state: SessionState, now: number): SessionState {
  let next = state;
  const entries: SessionLogEntry[] = [];
  for (let dueAt = nextAutoAdvanceAt(next); dueAt !== null && dueAt <= now; dueAt = nextAutoAdvanceAt(next)) {
    const stepId = next.currentStepId ?? '';
    entries.push({ type: 'step.ended', at: dueAt, stepId });
    const index = next.steps.findIndex((step) => step.id === stepId);
    const following = next.steps[index + 1];
    if (!following) {
      next = { ...next, timer: finishedTimer(next.timer) };
      break;
    }
    const stepEntry = enterStep(state, following.id, dueAt);
    if (!startsOnEnter(following)) {
      next = { ...next, currentStepId: following.id, timer: idleTimer(following.durationMs), stepEntry };
      break;
    }
    entries.push({ type: 'step.started', at: dueAt, stepId: following.id });
    next = {
      ...next,
      currentStepId: following.id,
      timer: {
        status: 'running',
        startedAt: dueAt,
        endsAt: dueAt + following.durationMs,
        remainingMs: following.durationMs,
      },
      stepEntry,
    };
  }
  if (next === state) return state;
  return revise(state, { ...next, log: appendLog(state.log, entries) }, now);
}
