// Planned vs actual duration of each step, read back from the session log.
import type { SessionLogEntry, Step } from '@atelier/protocol';

export const StepTimingStatus = {
  /** Its timer ran and the sequence has left it. */
  done: 'done',
  /** Left without its timer having run. */
  skipped: 'skipped',
  /** Its timer ran and the sequence is still on it. */
  inProgress: 'inProgress',
  /** Never reached. */
  notReached: 'notReached',
} as const;
export type StepTimingStatus = (typeof StepTimingStatus)[keyof typeof StepTimingStatus];

export interface StepTiming {
  step: Step;
  plannedMs: number;
  /** Time its timer ran, pauses excluded, summed over every visit. */
  actualMs: number;
  /** Sum of the facilitator's extensions (negative when time was removed). */
  extendedMs: number;
  status: StepTimingStatus;
  startedAt?: number;
}

/**
 * One timing per step of the sequence, in sequence order. A timer still running at `exportedAt`
 * counts up to it. (The `session` package computes the same from the log for its own use; `export`
 * does not depend on it, as the architecture has it.)
 */
export function stepTimings(
  steps: readonly Step[],
  log: readonly SessionLogEntry[],
  exportedAt: number,
): StepTiming[] {
  interface Run {
    actualMs: number;
    extendedMs: number;
    ran: boolean;
    left: boolean;
    skipped: boolean;
    runningSince?: number;
    startedAt?: number;
  }
  const runs = new Map<string, Run>();
  const runOf = (stepId: string): Run => {
    let run = runs.get(stepId);
    if (!run) {
      run = { actualMs: 0, extendedMs: 0, ran: false, left: false, skipped: false };
      runs.set(stepId, run);
    }
    return run;
  };
  const stop = (run: Run, at: number) => {
    if (run.runningSince !== undefined) run.actualMs += Math.max(0, at - run.runningSince);
    run.runningSince = undefined;
  };

  for (const entry of log) {
    switch (entry.type) {
      case 'step.started': {
        const run = runOf(entry.stepId);
        // Only one step runs at a time: a start closes any stretch the log left open.
        for (const other of runs.values()) if (other !== run) stop(other, entry.at);
        run.startedAt ??= entry.at;
        run.ran = true;
        run.left = false;
        run.runningSince = entry.at;
        break;
      }
      case 'step.resumed':
        runOf(entry.stepId).runningSince = entry.at;
        break;
      case 'step.paused':
      case 'step.reset':
        stop(runOf(entry.stepId), entry.at);
        break;
      case 'step.extended':
        runOf(entry.stepId).extendedMs += entry.ms;
        break;
      case 'step.ended':
      case 'step.skipped': {
        const run = runOf(entry.stepId);
        stop(run, entry.at);
        run.left = true;
        run.skipped = !run.ran;
        break;
      }
      default:
        break;
    }
  }

  return steps.map((step) => {
    const run = runs.get(step.id);
    const timing: StepTiming = {
      step,
      plannedMs: step.durationMs,
      actualMs: 0,
      extendedMs: 0,
      status: StepTimingStatus.notReached,
    };
    if (!run) return timing;
    timing.actualMs =
      run.actualMs + (run.runningSince !== undefined ? Math.max(0, exportedAt - run.runningSince) : 0);
    timing.extendedMs = run.extendedMs;
    if (run.startedAt !== undefined) timing.startedAt = run.startedAt;
    if (run.ran) timing.status = run.left ? StepTimingStatus.done : StepTimingStatus.inProgress;
    else if (run.skipped) timing.status = StepTimingStatus.skipped;
    return timing;
  });
}
