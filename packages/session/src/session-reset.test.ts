import { describe, expect, it } from 'vitest';
import { act, alice, facilitator, MIN, run, T0, workshop } from './test-fixtures';

describe('session reset', () => {
  it('S-RESET-1: back to the first step, idle and not started, without vote, groups or camera moves', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'step.next' }, facilitator, T0 + MIN);
    state = run(state, { type: 'vote.open', dotsPerPerson: 2, maxDotsPerItem: 1, anonymous: true });
    state = run(state, { type: 'groups.split', count: 2, mode: 'balanced' });
    state = run(state, { type: 'camera.summon', frameId: 'shape:f' });
    state = run(state, { type: 'camera.follow.start' });
    state = run(state, { type: 'question.set', text: 'Pourquoi ?' });
    const reset = run(state, { type: 'session.reset' }, facilitator, T0 + 2 * MIN);
    expect(reset).toMatchObject({
      currentStepId: 'a',
      timer: { status: 'idle', remainingMs: 10 * MIN },
      stepEntry: null,
      vote: null,
      groups: null,
      camera: { summon: null, follow: null },
      question: 'Pourquoi ?',
      steps: state.steps,
    });
    expect(reset.participants.map((person) => [person.userId, person.groupId])).toEqual([
      ['fac', undefined],
      ['alice', undefined],
      ['bob', undefined],
    ]);
    expect(reset.log.slice(0, state.log.length)).toEqual(state.log);
    expect(reset.log.at(-1)).toEqual({ type: 'session.reset', at: T0 + 2 * MIN, by: 'fac' });
  });

  it('S-RESET-1: a session that has not started is unchanged, and participants cannot reset', () => {
    const fresh = workshop();
    expect(run(fresh, { type: 'session.reset' })).toEqual(fresh);
    expect(act(fresh, { type: 'session.reset' }, alice)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('S-RESET-1, S-STEP-9: after a reset the next start enters the first step again', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'session.reset' }, facilitator, T0 + MIN);
    const restarted = run(state, { type: 'timer.start' }, facilitator, T0 + 2 * MIN);
    expect(restarted.stepEntry).toEqual({ stepId: 'a', seq: restarted.revision, at: T0 + 2 * MIN });
  });
});
