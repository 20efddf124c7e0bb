import { describe, expect, it } from 'vitest';
import { act, facilitator, makeStep, MIN, run, T0, workshop } from './test-fixtures';

describe('camera and question', () => {
  it('S-CAM-1: summon to a frame or an area, each summon with a new seq', () => {
    const toFrame = run(workshop(), { type: 'camera.summon', frameId: 'shape:frame1' }, facilitator, T0 + 5);
    expect(toFrame.camera.summon).toEqual({
      seq: toFrame.revision,
      frameId: 'shape:frame1',
      at: T0 + 5,
      by: 'fac',
    });
    const bounds = { x: -100, y: 50, w: 800, h: 600 };
    const toArea = run(toFrame, { type: 'camera.summon', bounds }, facilitator, T0 + 6);
    expect(toArea.camera.summon).toEqual({ seq: toArea.revision, bounds, at: T0 + 6, by: 'fac' });
    const again = run(toArea, { type: 'camera.summon', bounds }, facilitator, T0 + 7);
    expect(again.camera.summon?.seq).toBeGreaterThan(toArea.camera.summon?.seq ?? Infinity);
  });

  it("S-CAM-1: without a target, summon goes to the current step's frame, and fails if it has none", () => {
    const steps = [makeStep('a', MIN, { frameId: 'shape:step-a' }), makeStep('b', MIN)];
    const state = run(workshop(steps), { type: 'camera.summon' });
    expect(state.camera.summon?.frameId).toBe('shape:step-a');
    const onB = run(state, { type: 'step.next' });
    expect(act(onB, { type: 'camera.summon' })).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('S-CAM-2: follow me starts with the sender and stops', () => {
    const following = run(workshop(), { type: 'camera.follow.start' }, facilitator, T0 + 3);
    expect(following.camera.follow).toEqual({ userId: 'fac', since: T0 + 3 });
    expect(run(following, { type: 'camera.follow.start' }, facilitator, T0 + 9).revision).toBe(
      following.revision,
    );
    const other = { userId: 'fac2', role: 'facilitator' } as const;
    expect(run(following, { type: 'camera.follow.start' }, other, T0 + 9).camera.follow).toEqual({
      userId: 'fac2',
      since: T0 + 9,
    });
    const stopped = run(following, { type: 'camera.follow.stop' });
    expect(stopped.camera.follow).toBeNull();
    expect(run(stopped, { type: 'camera.follow.stop' }).revision).toBe(stopped.revision);
  });

  it('S-Q-1: question.set trims, logs, and an empty text clears it', () => {
    const state = run(workshop(), { type: 'question.set', text: '  Comment accueillir les familles ?  ' });
    expect(state.question).toBe('Comment accueillir les familles ?');
    expect(state.log.at(-1)).toMatchObject({
      type: 'question.set',
      text: 'Comment accueillir les familles ?',
    });
    expect(run(state, { type: 'question.set', text: 'Comment accueillir les familles ?' }).revision).toBe(
      state.revision,
    );
    const cleared = run(state, { type: 'question.set', text: '' });
    expect(cleared).not.toHaveProperty('question');
  });
});
