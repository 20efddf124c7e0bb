import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '@atelier/protocol';
import { stepTimings } from './step-timings';
import { minute, step } from './test-fixtures';

const steps = [step('a', 'A', 10), step('b', 'B', 5), step('c', 'C', 5), step('d', 'D', 5)];
const at = (minutes: number) => minutes * minute;

describe('stepTimings', () => {
  it('sums running stretches over pauses and visits, and counts a running timer up to the export', () => {
    const log: SessionLogEntry[] = [
      { type: 'step.started', at: at(0), stepId: 'a' },
      { type: 'step.paused', at: at(4), stepId: 'a' },
      { type: 'step.resumed', at: at(6), stepId: 'a' },
      { type: 'step.extended', at: at(7), stepId: 'a', ms: 3 * minute },
      { type: 'step.ended', at: at(10), stepId: 'a' },
      { type: 'step.skipped', at: at(10), stepId: 'b' },
      { type: 'step.started', at: at(10), stepId: 'c' },
      { type: 'step.ended', at: at(12), stepId: 'c' },
      // Back to "a" for two more minutes, then "c" again, still running.
      { type: 'step.started', at: at(12), stepId: 'a' },
      { type: 'step.ended', at: at(14), stepId: 'a' },
      { type: 'step.started', at: at(14), stepId: 'c' },
    ];
    const timings = stepTimings(steps, log, at(20));
    expect(timings.map((t) => [t.step.id, t.status, t.actualMs / minute, t.extendedMs / minute])).toEqual([
      ['a', 'done', 10, 3],
      ['b', 'skipped', 0, 0],
      ['c', 'inProgress', 8, 0],
      ['d', 'notReached', 0, 0],
    ]);
    expect(timings[0]!.startedAt).toBe(0);
    expect(timings[0]!.plannedMs).toBe(10 * minute);
  });

  it('stops the clock on a reset', () => {
    const log: SessionLogEntry[] = [
      { type: 'step.started', at: at(0), stepId: 'a' },
      { type: 'step.reset', at: at(1), stepId: 'a' },
    ];
    expect(stepTimings(steps, log, at(30))[0]!.actualMs).toBe(minute);
  });
});
