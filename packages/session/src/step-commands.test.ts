import { describe, expect, it } from 'vitest';
import { MIN, T0, act, makeStep, run, workshop } from './test-fixtures';

describe('sequence commands', () => {
  it('S-STEP-1: next makes the following step current and starts its timer, logging the left step as ended', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const next = run(running, { type: 'step.next' }, undefined, T0 + 11 * MIN);
    expect(next.currentStepId).toBe('b');
    expect(next.timer).toEqual({
      status: 'running',
      endsAt: T0 + 16 * MIN,
      remainingMs: 5 * MIN,
      startedAt: T0 + 11 * MIN,
    });
    expect(next.log.slice(-2)).toEqual([
      { type: 'step.ended', at: T0 + 11 * MIN, by: 'fac', stepId: 'a' },
      { type: 'step.started', at: T0 + 11 * MIN, by: 'fac', stepId: 'b' },
    ]);
  });

  it('S-STEP-1: a step whose timer is manual is entered idle; start: false arrives idle anywhere', () => {
    const steps = [makeStep('a', 10 * MIN), makeStep('talk', 5 * MIN, { timerStart: 'manual' })];
    const talk = run(workshop(steps), { type: 'step.next' }, undefined, T0 + MIN);
    expect(talk.currentStepId).toBe('talk');
    expect(talk.timer).toEqual({ status: 'idle', remainingMs: 5 * MIN });
    expect(talk.log.map((entry) => entry.type)).toEqual(['step.skipped']);
    // `start: true` overrides a manual step, `start: false` an ordinary one.
    const forced = run(talk, { type: 'step.previous', start: false }, undefined, T0 + 2 * MIN);
    expect(forced.timer).toEqual({ status: 'idle', remainingMs: 10 * MIN });
    const started = run(forced, { type: 'step.next', start: true }, undefined, T0 + 3 * MIN);
    expect(started.timer).toMatchObject({ status: 'running', endsAt: T0 + 8 * MIN });
  });

  it('S-STEP-1: leaving a paused step logs it ended; leaving an idle one logs it skipped', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'timer.pause' }, undefined, T0 + MIN);
    state = run(state, { type: 'step.next', start: false }, undefined, T0 + 2 * MIN);
    expect(state.log.at(-1)).toMatchObject({ type: 'step.ended', stepId: 'a' });
    state = run(state, { type: 'step.next' }, undefined, T0 + 3 * MIN);
    expect(state.log.at(-2)).toMatchObject({ type: 'step.skipped', stepId: 'b', at: T0 + 3 * MIN });
  });

  it('S-STEP-1: next with start runs the new step at once', () => {
    const state = run(workshop(), { type: 'step.next', start: true }, undefined, T0 + MIN);
    expect(state.timer).toEqual({
      status: 'running',
      endsAt: T0 + 6 * MIN,
      remainingMs: 5 * MIN,
      startedAt: T0 + MIN,
    });
    expect(state.log.map((entry) => entry.type)).toEqual(['step.skipped', 'step.started']);
  });

  it('S-STEP-2: next on the last step finishes the sequence, and again is a conflict', () => {
    let state = run(workshop(), { type: 'step.goto', stepId: 'c', start: true });
    state = run(state, { type: 'step.next' }, undefined, T0 + 19 * MIN);
    expect(state.currentStepId).toBe('c');
    expect(state.timer).toEqual({ status: 'finished', remainingMs: 0, startedAt: T0 });
    expect(state.log.at(-1)).toMatchObject({ type: 'step.ended', stepId: 'c', at: T0 + 19 * MIN });
    expect(act(state, { type: 'step.next' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-STEP-1: leaving a finished step logs nothing more', () => {
    let state = run(workshop(), { type: 'step.goto', stepId: 'c' });
    state = run(state, { type: 'step.next' });
    const before = state.log.length;
    state = run(state, { type: 'step.previous', start: false });
    expect(state.currentStepId).toBe('b');
    expect(state.log.length).toBe(before);
  });

  it('S-STEP-3: previous goes back one step; on the first it is a conflict', () => {
    const first = workshop();
    expect(act(first, { type: 'step.previous' })).toMatchObject({ ok: false, code: 'conflict' });
    const second = run(first, { type: 'step.next' });
    const back = run(second, { type: 'step.previous', start: true }, undefined, T0 + MIN);
    expect(back.currentStepId).toBe('a');
    expect(back.timer).toMatchObject({ status: 'running', endsAt: T0 + 11 * MIN });
  });

  it('S-STEP-4: goto an unknown step is a bad request; goto the current step changes nothing', () => {
    const state = workshop();
    expect(act(state, { type: 'step.goto', stepId: 'zz' })).toMatchObject({ ok: false, code: 'bad_request' });
    const same = run(state, { type: 'step.goto', stepId: 'a' });
    expect(same.revision).toBe(state.revision);
    const jumped = run(state, { type: 'step.goto', stepId: 'c' });
    expect(jumped.currentStepId).toBe('c');
    expect(jumped.timer.remainingMs).toBe(20 * MIN);
  });

  it('S-STEP-5: edit merges title and instructions per language and keeps other steps', () => {
    const state = run(workshop(), {
      type: 'step.edit',
      stepId: 'b',
      title: { fr: 'Idéation' },
      instructions: { en: 'Write one idea per note' },
      autoAdvance: true,
    });
    expect(state.steps[1]).toMatchObject({
      id: 'b',
      title: { fr: 'Idéation', en: 'Step b' },
      instructions: { fr: 'Consignes b', en: 'Write one idea per note' },
      durationMs: 5 * MIN,
      autoAdvance: true,
    });
    expect(state.timer).toEqual(workshop().timer);
    expect(state.log.at(-1)).toMatchObject({ type: 'step.edited', stepId: 'b' });
  });

  it('S-STEP-5: editing the running step duration shifts the deadline by the change', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const longer = run(
      running,
      { type: 'step.edit', stepId: 'a', durationMs: 15 * MIN },
      undefined,
      T0 + 4 * MIN,
    );
    expect(longer.steps[0]?.durationMs).toBe(15 * MIN);
    expect(longer.timer.endsAt).toBe(T0 + 15 * MIN);
    expect(longer.log.at(-1)).toMatchObject({ type: 'step.edited', durationMs: 15 * MIN });
    const shorter = run(
      longer,
      { type: 'step.edit', stepId: 'a', durationMs: 3 * MIN },
      undefined,
      T0 + 5 * MIN,
    );
    // 12 minutes cut from the 10 left: the step is at zero, not before now.
    expect(shorter.timer.endsAt).toBe(T0 + 5 * MIN);
  });

  it('S-STEP-5: editing the idle or paused current step shifts what is left; a finished one is untouched', () => {
    expect(run(workshop(), { type: 'step.edit', stepId: 'a', durationMs: 12 * MIN }).timer).toEqual({
      status: 'idle',
      remainingMs: 12 * MIN,
    });
    let paused = run(workshop(), { type: 'timer.start' });
    paused = run(paused, { type: 'timer.pause' }, undefined, T0 + 8 * MIN);
    paused = run(paused, { type: 'step.edit', stepId: 'a', durationMs: 5 * MIN });
    expect(paused.timer.remainingMs).toBe(0);
    let finished = run(workshop(), { type: 'step.goto', stepId: 'c', start: false });
    finished = run(finished, { type: 'step.next' });
    finished = run(finished, { type: 'step.edit', stepId: 'c', durationMs: 30 * MIN });
    expect(finished.timer).toEqual({ status: 'finished', remainingMs: 0 });
  });

  it('S-STEP-5: an edit without any field changes nothing', () => {
    const state = workshop();
    expect(run(state, { type: 'step.edit', stepId: 'a' }).revision).toBe(state.revision);
  });

  it('S-STEP-5: editing an unknown step is a bad request', () => {
    expect(act(workshop(), { type: 'step.edit', stepId: 'zz', durationMs: 1 })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-STEP-6: add inserts at the index, at the end by default, clamped to the end', () => {
    let state = run(workshop(), { type: 'step.add', step: makeStep('x', MIN), index: 1 });
    state = run(state, { type: 'step.add', step: makeStep('y', MIN) });
    state = run(state, { type: 'step.add', step: makeStep('z', MIN), index: 99 });
    expect(state.steps.map((step) => step.id)).toEqual(['a', 'x', 'b', 'c', 'y', 'z']);
    expect(state.currentStepId).toBe('a');
    expect(state.log.at(-1)).toMatchObject({ type: 'step.added', stepId: 'z' });
  });

  it('S-STEP-6: a duplicate id is a conflict and the step limit is enforced', () => {
    expect(act(workshop(), { type: 'step.add', step: makeStep('b', MIN) })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const full = workshop(Array.from({ length: 100 }, (_, index) => makeStep(`s${index}`, MIN)));
    const refused = act(full, { type: 'step.add', step: makeStep('extra', MIN) });
    expect(refused).toMatchObject({ ok: false, code: 'limit_exceeded' });
  });

  it('S-STEP-6: a step added to an empty sequence becomes current', () => {
    const state = run(workshop([]), { type: 'step.add', step: makeStep('only', 7 * MIN) });
    expect(state.currentStepId).toBe('only');
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 7 * MIN });
  });

  it('S-STEP-7: removing another step keeps the current one and its timer', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const state = run(running, { type: 'step.remove', stepId: 'b' });
    expect(state.steps.map((step) => step.id)).toEqual(['a', 'c']);
    expect(state.timer).toEqual(running.timer);
    expect(state.log.at(-1)).toMatchObject({ type: 'step.removed', stepId: 'b' });
  });

  it('S-STEP-7: removing the current step moves to the following one, else the preceding one', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const state = run(running, { type: 'step.remove', stepId: 'a' }, undefined, T0 + MIN);
    expect(state.currentStepId).toBe('b');
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 5 * MIN });
    expect(state.log.slice(-2).map((entry) => entry.type)).toEqual(['step.ended', 'step.removed']);
    const atEnd = run(run(workshop(), { type: 'step.goto', stepId: 'c' }), {
      type: 'step.remove',
      stepId: 'c',
    });
    expect(atEnd.currentStepId).toBe('b');
  });

  it('S-STEP-7: removing the only step leaves no current step', () => {
    const state = run(workshop([makeStep('only', MIN)]), { type: 'step.remove', stepId: 'only' });
    expect(state.steps).toEqual([]);
    expect(state.currentStepId).toBeNull();
    expect(state.timer).toEqual({ status: 'idle', remainingMs: 0 });
  });

  it('S-STEP-7: removing an unknown step is a bad request', () => {
    expect(act(workshop(), { type: 'step.remove', stepId: 'zz' })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-STEP-7: once started, removing the current step enters its replacement; before, it does not', () => {
    const started = run(workshop(), { type: 'timer.start' });
    const removed = run(started, { type: 'step.remove', stepId: 'a' }, undefined, T0 + MIN);
    expect(removed.stepEntry).toEqual({ stepId: 'b', seq: started.revision + 1, at: T0 + MIN });
    expect(run(workshop(), { type: 'step.remove', stepId: 'a' }).stepEntry).toBeNull();
  });

  it('S-STEP-8: move reorders the sequence and keeps the current step and timer', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const state = run(running, { type: 'step.move', stepId: 'a', index: 2 });
    expect(state.steps.map((step) => step.id)).toEqual(['b', 'c', 'a']);
    expect(state.currentStepId).toBe('a');
    expect(state.timer).toEqual(running.timer);
    expect(state.log.at(-1)).toMatchObject({ type: 'step.moved', stepId: 'a' });
    expect(run(state, { type: 'step.move', stepId: 'c', index: 0 }).steps.map((step) => step.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('S-STEP-8: unknown step or a position past the end is a bad request; the same position changes nothing', () => {
    const state = workshop();
    expect(act(state, { type: 'step.move', stepId: 'zz', index: 0 })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(state, { type: 'step.move', stepId: 'a', index: 3 })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(run(state, { type: 'step.move', stepId: 'b', index: 1 }).revision).toBe(state.revision);
  });
});

describe('step entry', () => {
  it('S-STEP-9: a new session has not started; its first timer start enters the first step', () => {
    const fresh = workshop();
    expect(fresh.stepEntry).toBeNull();
    const started = run(fresh, { type: 'timer.start' }, undefined, T0 + MIN);
    expect(started.stepEntry).toEqual({ stepId: 'a', seq: fresh.revision + 1, at: T0 + MIN });
    // Later starts (after a pause, a reset) are no new entry.
    let again = run(started, { type: 'step.reset' }, undefined, T0 + 2 * MIN);
    again = run(again, { type: 'timer.start' }, undefined, T0 + 3 * MIN);
    expect(again.stepEntry).toEqual(started.stepEntry);
  });

  it('S-STEP-9: next, previous and goto enter their step with a growing seq; other commands leave it', () => {
    const first = run(workshop(), { type: 'step.next' }, undefined, T0 + MIN);
    expect(first.stepEntry).toEqual({ stepId: 'b', seq: first.revision, at: T0 + MIN });
    const back = run(first, { type: 'step.previous' }, undefined, T0 + 2 * MIN);
    expect(back.stepEntry).toEqual({ stepId: 'a', seq: back.revision, at: T0 + 2 * MIN });
    const jumped = run(back, { type: 'step.goto', stepId: 'a' });
    expect(jumped).toEqual(back);
    const far = run(back, { type: 'step.goto', stepId: 'c' }, undefined, T0 + 3 * MIN);
    expect(far.stepEntry?.seq).toBeGreaterThan(back.stepEntry?.seq ?? Infinity);
    let other = run(far, { type: 'timer.extend', ms: MIN });
    other = run(other, { type: 'step.edit', stepId: 'c', durationMs: MIN });
    other = run(other, { type: 'camera.summon', frameId: 'shape:f' });
    expect(other.stepEntry).toEqual(far.stepEntry);
  });
});
