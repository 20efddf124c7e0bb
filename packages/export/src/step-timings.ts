// Planned vs actual duration of each step, read back from the session log.
import type { SessionLogEntry, Step } from '@atelier/protocol';
import { actualStepDurations, StepRunStatus } from '@atelier/session';

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
 * One timing per step of the sequence, in sequence order, from the session machine's own reading
 * of the log. A timer still running at `exportedAt` counts up to it.
 */
export function stepTimings(
  steps: readonly Step[],
  log: readonly SessionLogEntry[],
  exportedAt: number,
): StepTiming[] {
  const runs = new Map(actualStepDurations(log, exportedAt).map((run) => [run.stepId, run]));
  const statusOf: Record<StepRunStatus, StepTimingStatus> = {
    [StepRunStatus.done]: StepTimingStatus.done,
    [StepRunStatus.skipped]: StepTimingStatus.skipped,
    [StepRunStatus.inProgress]: StepTimingStatus.inProgress,
  };
  return steps.map((step) => {
    const run = runs.get(step.id);
    const timing: StepTiming = {
      step,
      plannedMs: step.durationMs,
      actualMs: run?.actualMs ?? 0,
      extendedMs: run?.extendedMs ?? 0,
      status: run ? statusOf[run.status] : StepTimingStatus.notReached,
    };
    if (run?.startedAt !== undefined) timing.startedAt = run.startedAt;
    return timing;
  });
}
