import { numberSteps } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { firstOpenSection } from './section-commands';
import { act, asProgramme, facilitator, makeStep, MIN, run, T0, workshop } from './test-fixtures';

/** A day of three sections: one (a, b), two (c), three (d, a break). */
function day() {
  return asProgramme(
    workshop([
      makeStep('a', 10 * MIN),
      makeStep('b', 5 * MIN),
      makeStep('c', 20 * MIN),
      makeStep('d', 15 * MIN),
      makeStep('p', 15 * MIN, { kind: 'break' }),
    ]),
    [
      { id: 'one', stepIds: ['a', 'b'], startsAt: '09:30' },
      { id: 'two', stepIds: ['c'] },
      { id: 'three', stepIds: ['d', 'p'] },
    ],
  );
}

const ids = (state: { steps: { id: string }[] }) => state.steps.map((step) => step.id);
const sectionIds = (state: { sections?: { id: string }[] }) => (state.sections ?? []).map((s) => s.id);

describe('programme sections', () => {
  it('S-PROG-2 before the day starts every section may change; once started, those played or playing may not', () => {
    expect(firstOpenSection(day())).toBe(0);
    const started = run(day(), { type: 'timer.start' });
    expect(firstOpenSection(started)).toBe(1);
    const second = run(started, { type: 'step.goto', stepId: 'c' });
    expect(firstOpenSection(second)).toBe(2);
    // Going back does not reopen what was played.
    expect(firstOpenSection(run(second, { type: 'step.goto', stepId: 'a' }))).toBe(2);
  });

  it('S-PROG-1 a section added goes where asked, its steps with it, and is logged', () => {
    const state = run(day(), { type: 'timer.start' });
    const added = run(
      state,
      { type: 'section.add', section: { template: 'talk' }, index: 1 },
      facilitator,
      T0,
    );
    const newId = added.sections![1]!.id;
    expect(sectionIds(added)).toEqual(['one', newId, 'two', 'three']);
    expect(ids(added)).toEqual(['a', 'b', `${newId}.talk`, 'c', 'd', 'p']);
    expect(added.steps[2]!.sectionId).toBe(newId);
    expect(added.log.at(-1)).toMatchObject({ type: 'section.added', sectionId: newId, template: 'talk' });
    // At the end by default; the current step and its timer are untouched.
    const atEnd = run(added, { type: 'section.add', section: { template: 'talk' } });
    expect(atEnd.steps.at(-1)!.sectionId).toBe(atEnd.sections!.at(-1)!.id);
    expect(atEnd.currentStepId).toBe('a');
    expect(atEnd.timer.status).toBe('running');
    // Section ids never repeat on a board.
    expect(new Set(sectionIds(atEnd)).size).toBe(5);
  });

  it('S-PROG-2 nothing is added before, moved from or to, or removed from the part already played', () => {
    const state = run(run(day(), { type: 'timer.start' }), { type: 'step.goto', stepId: 'c' });
    for (const command of [
      { type: 'section.add', section: { template: 'talk' }, index: 1 },
      { type: 'section.move', sectionId: 'two', index: 2 },
      { type: 'section.move', sectionId: 'three', index: 1 },
      { type: 'section.remove', sectionId: 'one' },
      { type: 'section.remove', sectionId: 'two' },
    ] as const) {
      const result = act(state, command);
      expect(result.ok ? 'ok' : result.code, command.type).toBe('conflict');
    }
  });

  it('S-PROG-3 moving a section moves its steps, and the numbering follows (P-NUM-3)', () => {
    const moved = run(day(), { type: 'section.move', sectionId: 'three', index: 0 });
    expect(sectionIds(moved)).toEqual(['three', 'one', 'two']);
    expect(ids(moved)).toEqual(['d', 'p', 'a', 'b', 'c']);
    // Not started: the day's first step is current.
    expect(moved.currentStepId).toBe('d');
    expect(moved.timer).toMatchObject({ status: 'idle', remainingMs: 15 * MIN });
    const numbers = numberSteps(moved.steps);
    expect([...numbers.byId.entries()]).toEqual([
      ['d', 1],
      ['p', null],
      ['a', 2],
      ['b', 3],
      ['c', 4],
    ]);
    expect(moved.log.at(-1)).toMatchObject({ type: 'section.moved', sectionId: 'three' });
  });

  it('S-PROG-4 removing a section removes its steps; the last section stays', () => {
    const removed = run(run(day(), { type: 'timer.start' }), { type: 'section.remove', sectionId: 'two' });
    expect(sectionIds(removed)).toEqual(['one', 'three']);
    expect(ids(removed)).toEqual(['a', 'b', 'd', 'p']);
    expect(removed.log.at(-1)).toMatchObject({ type: 'section.removed', sectionId: 'two' });
    const single = asProgramme(workshop([makeStep('a', MIN)]), [{ id: 'one', stepIds: ['a'] }]);
    expect(act(single, { type: 'section.remove', sectionId: 'one' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('S-PROG-1 a board of one template has no programme; an unknown template is refused', () => {
    expect(act(workshop(), { type: 'section.add', section: { template: 'talk' } })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(day(), { type: 'section.add', section: { template: 'unknown' } })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-AUTH-2 participants cannot change the programme', () => {
    const result = act(
      day(),
      { type: 'section.remove', sectionId: 'two' },
      { userId: 'alice', role: 'participant' },
    );
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
