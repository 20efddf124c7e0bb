import { describe, expect, it } from 'vitest';
import type { SessionState } from '@atelier/protocol';
import { apply } from './apply';
import { addParticipant } from './participants';
import { toPublicState } from './public-state';
import { actualStepDurations } from './session-log';
import {
  act,
  alice,
  deepFreeze,
  expectOk,
  facilitator,
  MIN,
  person,
  run,
  T0,
  workshop,
} from './test-fixtures';

const WINDOW = 15_000;

/** Everything `undo` must put back, without the bookkeeping that legitimately moves on. */
function restorable(state: SessionState) {
  const { revision: _r, updatedAt: _u, log: _l, undo: _undo, ...rest } = state;
  return rest;
}

/** A running second step with a named vote, dots cast, balanced groups and a summon. */
function busy(): SessionState {
  let state = run(workshop(), { type: 'timer.start' });
  state = run(state, { type: 'step.next' }, facilitator, T0 + MIN);
  state = run(state, { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 2, anonymous: false });
  state = run(state, { type: 'vote.cast', itemId: 'shape:n1' }, alice, T0 + MIN);
  state = run(state, { type: 'vote.cast', itemId: 'shape:n1' }, alice, T0 + MIN);
  state = run(state, { type: 'vote.close' }, facilitator, T0 + 2 * MIN);
  state = run(
    state,
    { type: 'groups.split', count: 2, mode: 'balanced', names: ['Rouge', 'Bleu'] },
    facilitator,
    T0 + 2 * MIN,
    () => 0.3,
  );
  state = run(state, { type: 'camera.summon', frameId: 'shape:frame' }, facilitator, T0 + 2 * MIN);
  return state;
}

const AT = T0 + 3 * MIN;

describe('undo of each destructive action', () => {
  for (const command of ['vote.clear', 'groups.clear', 'step.reset', 'session.reset'] as const) {
    it(`S-UNDO-1, S-UNDO-2: ${command} then undo within the window restores the exact previous state`, () => {
      const before = busy();
      const done = run(before, { type: command }, facilitator, AT);
      expect(restorable(done)).not.toEqual(restorable(before));
      expect(done.undo).toMatchObject({
        id: `undo-${before.revision + 1}`,
        command,
        by: 'fac',
        at: AT,
        expiresAt: AT + WINDOW,
      });
      const undone = run(done, { type: 'undo', id: done.undo?.id ?? '' }, facilitator, AT + WINDOW);
      expect(restorable(undone)).toEqual(restorable(before));
      expect(undone.undo).toBeNull();
      expect(undone.revision).toBe(done.revision + 1);
      expect(undone.log.at(-1)).toEqual({ type: 'action.undone', at: AT + WINDOW, by: 'fac', command });
    });

    it(`S-UNDO-3: ${command} can no longer be undone after its window (undo_expired)`, () => {
      const done = run(busy(), { type: command }, facilitator, AT);
      const late = act(done, { type: 'undo', id: done.undo?.id ?? '' }, facilitator, AT + WINDOW + 1);
      expect(late).toMatchObject({ ok: false, code: 'undo_expired' });
    });
  }

  it('S-UNDO-1: the window comes from apply’s option', () => {
    const done = expectOk(
      apply(busy(), { type: 'vote.clear' }, facilitator, AT, undefined, { undoWindowMs: 1_000 }),
    );
    expect(done.undo?.expiresAt).toBe(AT + 1_000);
  });

  it('S-UNDO-3: refused once what the command changed has changed again', () => {
    const cleared = run(busy(), { type: 'vote.clear' }, facilitator, AT);
    const reopened = run(
      cleared,
      { type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true },
      facilitator,
      AT + 1,
    );
    expect(act(reopened, { type: 'undo', id: cleared.undo?.id ?? '' }, facilitator, AT + 2)).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    const dissolved = run(busy(), { type: 'groups.clear' }, facilitator, AT);
    const split = run(dissolved, { type: 'groups.split', count: 3, mode: 'self' }, facilitator, AT + 1);
    expect(act(split, { type: 'undo', id: dissolved.undo?.id ?? '' }, facilitator, AT + 2)).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    const reset = run(busy(), { type: 'step.reset' }, facilitator, AT);
    const restarted = run(reset, { type: 'timer.start' }, facilitator, AT + 1);
    expect(act(restarted, { type: 'undo', id: reset.undo?.id ?? '' }, facilitator, AT + 2)).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    const sessionReset = run(busy(), { type: 'session.reset' }, facilitator, AT);
    const moved = run(sessionReset, { type: 'step.next' }, facilitator, AT + 1);
    expect(act(moved, { type: 'undo', id: sessionReset.undo?.id ?? '' }, facilitator, AT + 2)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('S-UNDO-3: changes to other parts do not prevent the undo', () => {
    let state = run(busy(), { type: 'groups.clear' }, facilitator, AT);
    const id = state.undo?.id ?? '';
    state = expectOk(addParticipant(state, person('carol'), AT + 1));
    state = run(state, { type: 'timer.extend', ms: MIN }, facilitator, AT + 2);
    state = run(state, { type: 'question.set', text: 'Pourquoi ?' }, facilitator, AT + 3);
    const undone = run(state, { type: 'undo', id }, facilitator, AT + 4);
    expect(undone.groups?.list.map((group) => group.name)).toEqual(['Rouge', 'Bleu']);
    expect(undone.participants.find((p) => p.userId === 'alice')?.groupId).toBeDefined();
    // Carol arrived while there were no groups: she has none until she is placed (S-GROUP-5).
    expect(undone.participants.find((p) => p.userId === 'carol')?.groupId).toBeUndefined();
    expect(undone.question).toBe('Pourquoi ?');
  });

  it('S-UNDO-3, S-UNDO-4: only the last destructive action, only once, only with its id', () => {
    const first = run(busy(), { type: 'vote.clear' }, facilitator, AT);
    const second = run(first, { type: 'groups.clear' }, facilitator, AT + 1);
    expect(act(second, { type: 'undo', id: first.undo?.id ?? '' }, facilitator, AT + 2)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const undone = run(second, { type: 'undo', id: second.undo?.id ?? '' }, facilitator, AT + 2);
    expect(undone.groups).not.toBeNull();
    expect(undone.vote).toBeNull();
    expect(act(undone, { type: 'undo', id: second.undo?.id ?? '' }, facilitator, AT + 3)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(act(workshop(), { type: 'undo', id: 'undo-1' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-UNDO-3: a participant cannot undo', () => {
    const done = run(busy(), { type: 'vote.clear' }, facilitator, AT);
    expect(act(done, { type: 'undo', id: done.undo?.id ?? '' }, alice, AT + 1)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('S-UNDO-5: the public state shows the pending undo but never what it keeps', () => {
    const done = deepFreeze(run(busy(), { type: 'vote.clear' }, facilitator, AT));
    for (const viewer of [undefined, 'fac', 'alice']) {
      const view = toPublicState(done, viewer);
      expect(view.undo).toEqual({
        id: done.undo?.id,
        command: 'vote.clear',
        by: 'fac',
        at: AT,
        expiresAt: AT + WINDOW,
      });
      expect(JSON.stringify(view)).not.toContain('ballots');
    }
  });
});

describe('undo and the log', () => {
  it('S-LOG-3: a timer reset and undone counts as one stretch', () => {
    const running = run(workshop(), { type: 'timer.start' });
    const reset = run(running, { type: 'step.reset' }, facilitator, T0 + 4 * MIN);
    const undone = run(reset, { type: 'undo', id: reset.undo?.id ?? '' }, facilitator, T0 + 4 * MIN + 5_000);
    expect(undone.timer).toEqual(running.timer);
    const [a] = actualStepDurations(undone.log, T0 + 6 * MIN);
    expect(a).toMatchObject({ stepId: 'a', actualMs: 6 * MIN, status: 'in_progress' });
  });

  it('S-LOG-1: a session reset starts the timings afresh; undone, it does not', () => {
    let state = run(workshop(), { type: 'timer.start' });
    state = run(state, { type: 'step.next' }, facilitator, T0 + 5 * MIN);
    const reset = run(state, { type: 'session.reset' }, facilitator, T0 + 6 * MIN);
    expect(actualStepDurations(reset.log, T0 + 7 * MIN)).toEqual([]);
    const undone = run(reset, { type: 'undo', id: reset.undo?.id ?? '' }, facilitator, T0 + 6 * MIN + 1_000);
    expect(actualStepDurations(undone.log, T0 + 7 * MIN).map((run) => [run.stepId, run.actualMs])).toEqual([
      ['a', 5 * MIN],
      ['b', 2 * MIN],
    ]);
  });
});
