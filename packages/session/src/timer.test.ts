import { describe, expect, it } from 'vitest';
import { MIN, T0, act, run, workshop } from './test-fixtures';
import { shiftTimer, signedRemainingMs } from './timer';

const SEC = 1000;

describe('timer commands', () => {
  it('S-TIMER-1: the first step is current with an idle timer holding its duration', () => {
    const state = workshop();
    expect(state.currentStepId).toBe('a');
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 10 * MIN });
  });

  it('S-TIMER-2: start sets the deadline from now and logs step.started', () => {
    const state = run(workshop(), { type: 'timer.start' });
    expect(state.timer).toEqual({
      status: 'running',
      endsAt: T0 + 10 * MIN,
      remainingMs: 10 * MIN,
      startedAt: T0,
    });
    expect(state.log.at(-1)).toEqual({ type: 'step.started', at: T0, by: 'fac', stepId: 'a' });
  });

  it('S-TIMER-2: start is refused when running, paused or finished', () => {
    const running = run(workshop(), { type: 'timer.start' });
    expect(act(running, { type: 'timer.start' })).toMatchObject({ ok: false, code: 'conflict' });
    const paused = run(running, { type: 'timer.pause' }, undefined, T0 + MIN);
    expect(act(paused, { type: 'timer.start' })).toMatchObject({ ok: false, code: 'conflict' });
    let finished = run(workshop(), { type: 'step.goto', stepId: 'c' });
    finished = run(finished, { type: 'step.next' });
    expect(finished.timer.status).toBe('finished');
    expect(act(finished, { type: 'timer.start' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-TIMER-3: pause freezes the time left and resume sets a new deadline from it', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const paused = run(running, { type: 'timer.pause' }, undefined, T0 + 3 * MIN);
    expect(paused.timer).toEqual({ status: 'paused', remainingMs: 7 * MIN, startedAt: T0 });
    const resumed = run(paused, { type: 'timer.resume' }, undefined, T0 + 20 * MIN);
    expect(resumed.timer).toEqual({
      status: 'running',
      endsAt: T0 + 27 * MIN,
      remainingMs: 7 * MIN,
      startedAt: T0,
    });
    expect(resumed.log.slice(-2).map((entry) => entry.type)).toEqual(['step.paused', 'step.resumed']);
  });

  it('S-TIMER-3: pausing in overtime keeps the overtime through resume', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const paused = run(running, { type: 'timer.pause' }, undefined, T0 + 12 * MIN);
    expect(paused.timer.remainingMs).toBe(-2 * MIN);
    const resumed = run(paused, { type: 'timer.resume' }, undefined, T0 + 30 * MIN);
    expect(resumed.timer.endsAt).toBe(T0 + 28 * MIN);
  });

  it('S-TIMER-3: pause needs a running timer, resume a paused one', () => {
    const idle = workshop();
    expect(act(idle, { type: 'timer.pause' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(act(idle, { type: 'timer.resume' })).toMatchObject({ ok: false, code: 'conflict' });
    const running = run(idle, { type: 'timer.start' });
    expect(act(running, { type: 'timer.resume' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-TIMER-4: extend on a running timer moves the deadline and logs the requested ms', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const extended = run(running, { type: 'timer.extend', ms: 2 * MIN }, undefined, T0 + 4 * MIN);
    expect(extended.timer.endsAt).toBe(T0 + 12 * MIN);
    expect(extended.timer.remainingMs).toBe(8 * MIN);
    expect(extended.log.at(-1)).toEqual({
      type: 'step.extended',
      at: T0 + 4 * MIN,
      by: 'fac',
      stepId: 'a',
      ms: 2 * MIN,
    });
    const shortened = run(extended, { type: 'timer.extend', ms: -5 * MIN }, undefined, T0 + 5 * MIN);
    expect(shortened.timer.endsAt).toBe(T0 + 7 * MIN);
  });

  it('S-TIMER-4: extend on a paused timer adds to remaining', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'timer.pause' }, undefined, T0 + 6 * MIN);
    state = run(state, { type: 'timer.extend', ms: 90 * SEC }, undefined, T0 + 9 * MIN);
    expect(state.timer).toEqual({ status: 'paused', remainingMs: 4 * MIN + 90 * SEC, startedAt: T0 });
  });

  it('S-TIMER-4: extend on an idle timer changes the time it will start with', () => {
    const state = run(workshop(), { type: 'timer.extend', ms: -3 * MIN });
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 7 * MIN });
    expect(run(state, { type: 'timer.start' }, undefined, T0 + MIN).timer.endsAt).toBe(T0 + 8 * MIN);
  });

  it('S-TIMER-4: a negative extend larger than the time left stops at zero', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const atZero = run(running, { type: 'timer.extend', ms: -60 * MIN }, undefined, T0 + 4 * MIN);
    expect(atZero.timer.endsAt).toBe(T0 + 4 * MIN);
    expect(atZero.timer.remainingMs).toBe(0);
    const paused = run(
      run(workshop(), { type: 'timer.start' }),
      { type: 'timer.pause' },
      undefined,
      T0 + MIN,
    );
    expect(run(paused, { type: 'timer.extend', ms: -60 * MIN }).timer.remainingMs).toBe(0);
    expect(run(workshop(), { type: 'timer.extend', ms: -60 * MIN }).timer.remainingMs).toBe(0);
  });

  it('S-TIMER-5: a positive extend in overtime counts from now', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const extended = run(running, { type: 'timer.extend', ms: 2 * MIN }, undefined, T0 + 13 * MIN);
    expect(extended.timer.endsAt).toBe(T0 + 15 * MIN);
  });

  it('S-TIMER-5: a negative extend of a timer at zero changes nothing and logs nothing', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const later = run(running, { type: 'timer.extend', ms: -MIN }, undefined, T0 + 13 * MIN);
    expect(later.timer).toEqual(running.timer);
    expect(later.log).toEqual(running.log);
    expect(later.revision).toBe(running.revision);
    let paused = run(running, { type: 'timer.pause' }, undefined, T0 + 12 * MIN);
    paused = run(paused, { type: 'timer.extend', ms: -MIN }, undefined, T0 + 13 * MIN);
    expect(paused.timer.remainingMs).toBe(-2 * MIN);
  });

  it('S-TIMER-6: past the deadline the timer stays running (overtime) and the step does not change', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const later = run(running, { type: 'camera.follow.start' }, undefined, T0 + 45 * MIN);
    expect(later.currentStepId).toBe('a');
    expect(later.timer.status).toBe('running');
    expect(signedRemainingMs(later.timer, T0 + 45 * MIN)).toBe(-35 * MIN);
  });

  it('S-TIMER-7: extend on a finished timer is refused', () => {
    let state = run(workshop(), { type: 'step.goto', stepId: 'c' });
    state = run(state, { type: 'step.next' });
    expect(act(state, { type: 'timer.extend', ms: MIN })).toMatchObject({ ok: false, code: 'conflict' });
    expect(shiftTimer(state.timer, MIN, T0)).toBe(state.timer);
  });

  it('S-TIMER-8: reset puts the current step back to idle with its duration', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'timer.extend', ms: MIN }, undefined, T0 + 2 * MIN);
    state = run(state, { type: 'step.reset' }, undefined, T0 + 3 * MIN);
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 10 * MIN });
    expect(state.log.at(-1)).toEqual({ type: 'step.reset', at: T0 + 3 * MIN, by: 'fac', stepId: 'a' });
    expect(run(state, { type: 'timer.start' }, undefined, T0 + 4 * MIN).timer.endsAt).toBe(T0 + 14 * MIN);
  });

  it('S-TIMER-8: reset of a finished step makes it runnable again', () => {
    let state = run(workshop(), { type: 'step.goto', stepId: 'c' });
    state = run(state, { type: 'step.next' });
    state = run(state, { type: 'step.reset' });
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 20 * MIN });
  });

  it('S-TIMER-8: resetting an untouched idle timer changes nothing', () => {
    const state = workshop();
    expect(run(state, { type: 'step.reset' }).revision).toBe(state.revision);
  });

  it('S-AUTH-4: timer commands with an empty sequence are bad requests', () => {
    const empty = workshop([]);
    for (const type of [
      'timer.start',
      'timer.pause',
      'timer.resume',
      'step.reset',
      'step.next',
      'step.previous',
    ] as const) {
      expect(act(empty, { type })).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect(act(empty, { type: 'timer.extend', ms: 1000 })).toMatchObject({ ok: false, code: 'bad_request' });
  });
});
