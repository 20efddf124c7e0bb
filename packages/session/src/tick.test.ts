import { describe, expect, it } from 'vitest';
import { deepFreeze, MIN, T0, makeStep, run, workshop } from './test-fixtures';
import { nextAutoAdvanceAt, tick } from './tick';

const autoSteps = () => [
  makeStep('a', 10 * MIN, { autoAdvance: true }),
  makeStep('b', 5 * MIN, { autoAdvance: true }),
  makeStep('c', 20 * MIN),
];

describe('auto-advance', () => {
  it('S-AUTO-1: at the deadline the next step starts at that deadline, however late the tick', () => {
    const running = run(workshop(autoSteps()), { type: 'timer.start' });
    expect(nextAutoAdvanceAt(running)).toBe(T0 + 10 * MIN);
    const ticked = tick(deepFreeze(running), T0 + 10 * MIN + 1234);
    expect(ticked.currentStepId).toBe('b');
    expect(ticked.timer).toEqual({
      status: 'running',
      startedAt: T0 + 10 * MIN,
      endsAt: T0 + 15 * MIN,
      remainingMs: 5 * MIN,
    });
    expect(ticked.log.slice(-2)).toEqual([
      { type: 'step.ended', at: T0 + 10 * MIN, stepId: 'a' },
      { type: 'step.started', at: T0 + 10 * MIN, stepId: 'b' },
    ]);
    expect(ticked.revision).toBe(running.revision + 1);
    expect(ticked.updatedAt).toBe(T0 + 10 * MIN + 1234);
  });

  it('S-AUTO-1: several due steps chain in one tick and stop at a step without auto-advance', () => {
    const running = run(workshop(autoSteps()), { type: 'timer.start' });
    const ticked = tick(running, T0 + 40 * MIN);
    expect(ticked.currentStepId).toBe('c');
    expect(ticked.timer).toMatchObject({
      status: 'running',
      startedAt: T0 + 15 * MIN,
      endsAt: T0 + 35 * MIN,
    });
    expect(ticked.revision).toBe(running.revision + 1);
    // c has no auto-advance: it stays in overtime.
    expect(nextAutoAdvanceAt(ticked)).toBeNull();
    expect(tick(ticked, T0 + 90 * MIN)).toBe(ticked);
  });

  it('S-AUTO-1: an auto-advance enters the next step at the deadline, for everyone to go there', () => {
    const running = run(workshop(autoSteps()), { type: 'timer.start' });
    const ticked = tick(running, T0 + 12 * MIN);
    expect(ticked.stepEntry).toEqual({ stepId: 'b', seq: running.revision + 1, at: T0 + 10 * MIN });
  });

  it('S-AUTO-4: a manual step reached by auto-advance is entered idle and the chain stops there', () => {
    const steps = [
      makeStep('a', 10 * MIN, { autoAdvance: true }),
      makeStep('talk', 5 * MIN, { autoAdvance: true, timerStart: 'manual' }),
      makeStep('c', 20 * MIN),
    ];
    const running = run(workshop(steps), { type: 'timer.start' });
    const ticked = tick(running, T0 + 40 * MIN);
    expect(ticked.currentStepId).toBe('talk');
    expect(ticked.timer).toEqual({ status: 'idle', remainingMs: 5 * MIN });
    expect(ticked.stepEntry).toMatchObject({ stepId: 'talk', at: T0 + 10 * MIN });
    expect(ticked.log.slice(-1)).toEqual([{ type: 'step.ended', at: T0 + 10 * MIN, stepId: 'a' }]);
    expect(nextAutoAdvanceAt(ticked)).toBeNull();
  });

  it('S-AUTO-2: auto-advance past the last step finishes it', () => {
    const steps = [makeStep('only', MIN, { autoAdvance: true })];
    const running = run(workshop(steps), { type: 'timer.start' });
    const ticked = tick(running, T0 + 2 * MIN);
    expect(ticked.currentStepId).toBe('only');
    expect(ticked.timer).toEqual({ status: 'finished', remainingMs: 0, startedAt: T0 });
    expect(ticked.log.at(-1)).toEqual({ type: 'step.ended', at: T0 + MIN, stepId: 'only' });
    expect(nextAutoAdvanceAt(ticked)).toBeNull();
  });

  it('S-AUTO-3: before the deadline, paused, idle or without auto-advance, tick returns the same object', () => {
    const idle = workshop(autoSteps());
    expect(tick(idle, T0 + 99 * MIN)).toBe(idle);
    const running = run(idle, { type: 'timer.start' });
    expect(tick(running, T0 + 10 * MIN - 1)).toBe(running);
    const paused = run(running, { type: 'timer.pause' }, undefined, T0 + MIN);
    expect(nextAutoAdvanceAt(paused)).toBeNull();
    expect(tick(paused, T0 + 99 * MIN)).toBe(paused);
    const manual = run(workshop(), { type: 'timer.start' });
    expect(tick(manual, T0 + 99 * MIN)).toBe(manual);
  });

  it('S-AUTO-3: apply ticks first, so a command acts on the step that is really current', () => {
    const running = run(workshop(autoSteps()), { type: 'timer.start' });
    const paused = run(running, { type: 'timer.pause' }, undefined, T0 + 12 * MIN);
    expect(paused.currentStepId).toBe('b');
    expect(paused.timer).toMatchObject({ status: 'paused', remainingMs: 3 * MIN });
    expect(paused.revision).toBe(running.revision + 2);
  });
});
