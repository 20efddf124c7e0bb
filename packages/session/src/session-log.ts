// The session log: appending (bounded) and reading back what each step actually took (S-LOG-*).
import { SessionLimits } from '@atelier/protocol';
import type { SessionLogEntry, SessionLogEntryType, UndoableCommand } from '@atelier/protocol';

export function appendLog(
  log: readonly SessionLogEntry[],
  entries: readonly SessionLogEntry[],
): SessionLogEntry[] {
  if (entries.length === 0) return log as SessionLogEntry[];
  const next = [...log, ...entries];
  // Dropping the oldest keeps a runaway session storable; a real day stays far below the cap.
  return next.length > SessionLimits.maxLogEntries ? next.slice(-SessionLimits.maxLogEntries) : next;
}

/** The log entry each undoable command writes. */
const entryOfCommand: Record<UndoableCommand, SessionLogEntryType> = {
  'vote.clear': 'vote.cleared',
  'groups.clear': 'groups.cleared',
  'step.reset': 'step.reset',
  'session.reset': 'session.reset',
};

/**
 * Positions in `log` of the entries an `action.undone` took back: for each, the latest entry of the
 * undone command before it (only the last destructive command is ever undoable), S-LOG-3.
 */
export function undoneEntries(log: readonly SessionLogEntry[]): Set<number> {
  const undone = new Set<number>();
  log.forEach((entry, index) => {
    if (entry.type !== 'action.undone') return;
    const type = entryOfCommand[entry.command];
    for (let i = index - 1; i >= 0; i--) {
      if (log[i]?.type === type && !undone.has(i)) {
        undone.add(i);
        return;
      }
    }
  });
  return undone;
}

export const StepRunStatus = {
  /** Its timer ran, and the sequence has left it (or it finished). */
  done: 'done',
  /** Left without its timer ever having run. */
  skipped: 'skipped',
  /** The current step, not left yet. */
  inProgress: 'in_progress',
} as const;
export type StepRunStatus = (typeof StepRunStatus)[keyof typeof StepRunStatus];

export interface StepRun {
  stepId: string;
  status: StepRunStatus;
  /** Time the timer actually ran (pauses excluded), summed over every visit. */
  actualMs: number;
  /** First start of its timer. */
  startedAt?: number;
  /** Last time the sequence left it after it had run. */
  endedAt?: number;
  /** Sum of the facilitator's extensions (negative when time was removed). */
  extendedMs: number;
  pauseCount: number;
}

/**
 * Each step's actual duration, in the order the steps first appear in the log since the last
 * session reset (S-LOG-1); entries taken back by an undo do not count (S-LOG-3). With `now`, a
 * timer still running counts up to `now`; without it, the open stretch is left out.
 */
export function actualStepDurations(log: readonly SessionLogEntry[], now?: number): StepRun[] {
  const runs = new Map<string, StepRun & { ran: boolean; runningSince?: number }>();
  const runOf = (stepId: string) => {
    let run = runs.get(stepId);
    if (!run) {
      run = {
        stepId,
        status: StepRunStatus.inProgress,
        actualMs: 0,
        extendedMs: 0,
        pauseCount: 0,
        ran: false,
      };
      runs.set(stepId, run);
    }
    return run;
  };
  const stopRunning = (run: StepRun & { runningSince?: number }, at: number) => {
    if (run.runningSince !== undefined) run.actualMs += Math.max(0, at - run.runningSince);
    run.runningSince = undefined;
  };

  const undone = undoneEntries(log);
  for (const [index, entry] of log.entries()) {
    if (undone.has(index)) continue;
    switch (entry.type) {
      case 'session.reset':
        runs.clear();
        break;
      case 'step.started': {
        const run = runOf(entry.stepId);
        // Only one step runs at a time: a start closes any stretch the log left open.
        for (const other of runs.values()) if (other !== run) stopRunning(other, entry.at);
        run.startedAt ??= entry.at;
        run.ran = true;
        run.status = StepRunStatus.inProgress;
        run.runningSince = entry.at;
        break;
      }
      case 'step.resumed': {
        const run = runOf(entry.stepId);
        run.runningSince = entry.at;
        break;
      }
      case 'step.paused': {
        const run = runOf(entry.stepId);
        run.pauseCount += 1;
        stopRunning(run, entry.at);
        break;
      }
      case 'step.reset':
        stopRunning(runOf(entry.stepId), entry.at);
        break;
      case 'step.extended':
        runOf(entry.stepId).extendedMs += entry.ms;
        break;
      case 'step.ended':
      case 'step.skipped': {
        const run = runOf(entry.stepId);
        stopRunning(run, entry.at);
        run.status = run.ran ? StepRunStatus.done : StepRunStatus.skipped;
        if (run.ran) run.endedAt = entry.at;
        break;
      }
      default:
        break;
    }
  }

  return [...runs.values()].map(({ ran: _ran, runningSince, ...run }) => {
    if (runningSince !== undefined && now !== undefined) run.actualMs += Math.max(0, now - runningSince);
    return run;
  });
}
