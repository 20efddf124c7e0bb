import { describe, expect, it } from 'vitest';
import { SessionLimits } from '@atelier/protocol';
import type { SessionLogEntry } from '@atelier/protocol';
import { actualStepDurations, appendLog } from './session-log';
import { facilitator, MIN, run, T0, workshop } from './test-fixtures';

describe('session log', () => {
  it('S-LOG-1: actual durations exclude pauses, count extensions, and mark skipped and current steps', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'timer.pause' }, facilitator, T0 + 3 * MIN);
    state = run(state, { type: 'timer.resume' }, facilitator, T0 + 5 * MIN);
    state = run(state, { type: 'timer.extend', ms: 2 * MIN }, facilitator, T0 + 6 * MIN);
    state = run(state, { type: 'step.next', start: false }, facilitator, T0 + 14 * MIN);
    state = run(state, { type: 'step.next', start: false }, facilitator, T0 + 14 * MIN);
    state = run(state, { type: 'timer.start' }, facilitator, T0 + 15 * MIN);

    expect(actualStepDurations(state.log, T0 + 20 * MIN)).toEqual([
      {
        stepId: 'a',
        status: 'done',
        actualMs: 12 * MIN,
        startedAt: T0,
        endedAt: T0 + 14 * MIN,
        extendedMs: 2 * MIN,
        pauseCount: 1,
      },
      { stepId: 'b', status: 'skipped', actualMs: 0, extendedMs: 0, pauseCount: 0 },
      {
        stepId: 'c',
        status: 'in_progress',
        actualMs: 5 * MIN,
        startedAt: T0 + 15 * MIN,
        extendedMs: 0,
        pauseCount: 0,
      },
    ]);
    // Without `now`, the open stretch is left out.
    expect(actualStepDurations(state.log).at(-1)?.actualMs).toBe(0);
  });

  it('S-LOG-1: a step visited twice sums its runs; a step run, reset and left is done, not skipped', () => {
    const at = (minutes: number) => T0 + minutes * MIN;
    const log: SessionLogEntry[] = [
      { type: 'step.started', at: at(0), stepId: 'a' },
      { type: 'step.ended', at: at(4), stepId: 'a' },
      { type: 'step.started', at: at(4), stepId: 'b' },
      { type: 'step.reset', at: at(5), stepId: 'b' },
      { type: 'step.skipped', at: at(6), stepId: 'b' },
      { type: 'step.started', at: at(6), stepId: 'a' },
      { type: 'step.paused', at: at(7), stepId: 'a' },
      { type: 'question.set', at: at(7), text: 'Pourquoi ?' },
      { type: 'step.ended', at: at(9), stepId: 'a' },
    ];
    expect(actualStepDurations(log)).toEqual([
      {
        stepId: 'a',
        status: 'done',
        actualMs: 5 * MIN,
        startedAt: at(0),
        endedAt: at(9),
        extendedMs: 0,
        pauseCount: 1,
      },
      {
        stepId: 'b',
        status: 'done',
        actualMs: 1 * MIN,
        startedAt: at(4),
        endedAt: at(6),
        extendedMs: 0,
        pauseCount: 0,
      },
    ]);
  });

  it('S-LOG-1: auto-advanced steps end and start at the deadline', () => {
    const log: SessionLogEntry[] = [
      { type: 'step.started', at: T0, stepId: 'a' },
      { type: 'step.ended', at: T0 + MIN, stepId: 'a' },
      { type: 'step.started', at: T0 + MIN, stepId: 'b' },
    ];
    expect(
      actualStepDurations(log, T0 + 3 * MIN).map((run) => [run.stepId, run.status, run.actualMs]),
    ).toEqual([
      ['a', 'done', MIN],
      ['b', 'in_progress', 2 * MIN],
    ]);
  });

  it('S-LOG-2: the log keeps the newest entries up to the limit', () => {
    const entries: SessionLogEntry[] = Array.from(
      { length: SessionLimits.maxLogEntries + 10 },
      (_, index) => ({
        type: 'question.set',
        at: index,
        text: String(index),
      }),
    );
    const log = appendLog([], entries);
    expect(log).toHaveLength(SessionLimits.maxLogEntries);
    expect(log[0]?.at).toBe(10);
    const unchanged: SessionLogEntry[] = [];
    expect(appendLog(unchanged, [])).toBe(unchanged);
  });
});
