import { describe, expect, it } from 'vitest';
import { PrivateNoteLimits, publicSessionStateSchema, sessionStateSchema } from '@atelier/protocol';
import type { SessionState } from '@atelier/protocol';
import { isPrivateStepNow } from './private-notes';
import { publicStateEncoder, toPublicState } from './public-state';
import { act, alice, bob, facilitator, makeStep, MIN, run, T0, workshop } from './test-fixtures';

/** A workshop whose first step ("a") is private and current. */
function privateStep(): SessionState {
  return run(
    workshop([makeStep('a', 10 * MIN, { private: true }), makeStep('b', 5 * MIN), makeStep('c', 5 * MIN)]),
    { type: 'timer.start' },
  );
}

const write = (state: SessionState, id: string, text: string, actor = alice, now = T0) =>
  run(state, { type: 'private.write', id, text }, actor, now);

describe('private writing', () => {
  it('S-PRIV-1: private.set marks a step private and shared again; unknown step refused; same value no change', () => {
    const state = workshop();
    const marked = run(state, { type: 'private.set', stepId: 'b', private: true });
    expect(marked.steps.find((step) => step.id === 'b')?.private).toBe(true);
    expect(marked.revision).toBe(state.revision + 1);
    const again = act(marked, { type: 'private.set', stepId: 'b', private: true });
    expect(again.ok && again.state.revision).toBe(marked.revision);
    const shared = run(marked, { type: 'private.set', stepId: 'b', private: false });
    expect(shared.steps.find((step) => step.id === 'b')).not.toHaveProperty('private');
    expect(act(state, { type: 'private.set', stepId: 'nope', private: true })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-PRIV-7: the moment is private while the current step is, in the stored and the public state', () => {
    const state = privateStep();
    expect(isPrivateStepNow(state)).toBe(true);
    expect(isPrivateStepNow(toPublicState(state, 'alice'))).toBe(true);
    expect(isPrivateStepNow(run(state, { type: 'step.next' }))).toBe(false);
    expect(isPrivateStepNow(workshop())).toBe(false);
    expect(isPrivateStepNow(run(state, { type: 'private.set', stepId: 'a', private: false }))).toBe(false);
  });

  it('S-PRIV-2: a note is written on the current private step only, under its author', () => {
    expect(act(workshop(), { type: 'private.write', id: 'n1', text: 'Idée' }, alice)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const state = write(privateStep(), 'n1', 'Des infirmières dans chaque collège', alice, T0 + MIN);
    expect(state.privateNotes).toEqual([
      {
        id: 'n1',
        userId: 'alice',
        stepId: 'a',
        text: 'Des infirmières dans chaque collège',
        createdAt: T0 + MIN,
        updatedAt: T0 + MIN,
      },
    ]);
    expect(sessionStateSchema.parse(state)).toEqual(state);
  });

  it('S-PRIV-2: same id twice → conflict; another person may use it; empty → bad_request; limits → limit_exceeded', () => {
    let state = write(privateStep(), 'n1', 'Une');
    expect(act(state, { type: 'private.write', id: 'n1', text: 'Deux' }, alice)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    state = write(state, 'n1', 'La même id, une autre personne', bob);
    expect(state.privateNotes).toHaveLength(2);
    expect(act(state, { type: 'private.write', id: 'n2', text: '   ' }, alice)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    const long = 'x'.repeat(PrivateNoteLimits.maxTextLength + 1);
    expect(act(state, { type: 'private.write', id: 'n2', text: long }, alice)).toMatchObject({
      ok: false,
      code: 'limit_exceeded',
    });
    expect(act(state, { type: 'private.write', id: 'n2', text: long.slice(1) }, alice).ok).toBe(true);
    for (let i = 2; i <= PrivateNoteLimits.maxNotesPerPerson; i += 1)
      state = write(state, `n${i}`, `Idée ${i}`);
    expect(act(state, { type: 'private.write', id: 'one-more', text: 'Encore' }, alice)).toMatchObject({
      ok: false,
      code: 'limit_exceeded',
    });
    // The limit is per person: bob still writes.
    expect(act(state, { type: 'private.write', id: 'n2', text: 'Encore' }, bob).ok).toBe(true);
  });

  it('S-PRIV-3: edit and delete touch only the sender’s own unrevealed notes', () => {
    let state = write(write(privateStep(), 'n1', 'Première idée'), 'b1', 'Idée de Bob', bob);
    state = run(
      state,
      { type: 'private.edit', id: 'n1', text: 'Première idée, mieux dite' },
      alice,
      T0 + MIN,
    );
    expect(state.privateNotes?.find((note) => note.id === 'n1')).toMatchObject({
      text: 'Première idée, mieux dite',
      createdAt: T0,
      updatedAt: T0 + MIN,
    });
    const same = act(state, { type: 'private.edit', id: 'n1', text: 'Première idée, mieux dite' }, alice);
    expect(same.ok && same.state.revision).toBe(state.revision);
    // Bob's note is unknown to alice, edit or delete alike.
    for (const command of [
      { type: 'private.edit', id: 'b1', text: 'Pris' },
      { type: 'private.delete', id: 'b1' },
    ] as const) {
      expect(act(state, command, alice)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect(act(state, { type: 'private.edit', id: 'n1', text: '' }, alice)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    state = run(state, { type: 'private.delete', id: 'n1' }, alice);
    expect(state.privateNotes?.map((note) => note.id)).toEqual(['b1']);
    expect(act(state, { type: 'private.delete', id: 'n1' }, alice)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-PRIV-4: reveal moves every note of the step at once, in writing order, with groups; anonymous by default', () => {
    let state = run(privateStep(), { type: 'groups.split', count: 2, mode: 'self' });
    state = run(state, { type: 'groups.choose', groupId: 'g2' }, bob);
    state = write(state, 'n1', 'Alice 1', alice, T0 + 1);
    state = write(state, 'b1', 'Bob 1', bob, T0 + 2);
    state = write(state, 'n2', 'Alice 2', alice, T0 + 3);
    state = run(state, { type: 'private.edit', id: 'n1', text: 'Alice 1 revue' }, alice, T0 + 4);
    const revealed = run(state, { type: 'private.reveal' }, facilitator, T0 + 5);
    expect(revealed.privateNotes).toEqual([]);
    expect(revealed.reveals).toEqual([
      {
        id: `reveal-${state.revision + 1}`,
        stepId: 'a',
        at: T0 + 5,
        by: 'fac',
        anonymous: true,
        notes: [
          { id: 'n1', userId: 'alice', text: 'Alice 1 revue' },
          { id: 'b1', userId: 'bob', text: 'Bob 1', groupId: 'g2' },
          { id: 'n2', userId: 'alice', text: 'Alice 2' },
        ],
      },
    ]);
    expect(act(revealed, { type: 'private.reveal' })).toMatchObject({ ok: false, code: 'conflict' });
    // Once revealed, a note is no longer the author's to edit.
    expect(act(revealed, { type: 'private.edit', id: 'n1', text: 'Trop tard' }, alice)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-PRIV-4: other steps’ notes stay private; unknown step refused; only the last reveals are kept', () => {
    let state = write(privateStep(), 'a1', 'Sur a');
    state = run(state, { type: 'private.set', stepId: 'b', private: true });
    state = run(state, { type: 'step.next' });
    state = write(state, 'b1', 'Sur b');
    state = run(state, { type: 'private.reveal', stepId: 'a' });
    expect(state.privateNotes?.map((note) => note.id)).toEqual(['b1']);
    expect(act(state, { type: 'private.reveal', stepId: 'zz' })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    for (let i = 0; i < PrivateNoteLimits.maxKeptReveals + 2; i += 1) {
      state = write(state, `r${i}`, `Idée ${i}`);
      state = run(state, { type: 'private.reveal' });
    }
    expect(state.reveals).toHaveLength(PrivateNoteLimits.maxKeptReveals);
    expect(state.reveals?.at(-1)?.notes[0]?.text).toBe(`Idée ${PrivateNoteLimits.maxKeptReveals + 1}`);
  });

  it('S-PRIV-6: a named reveal carries each author’s name', () => {
    const state = run(write(privateStep(), 'n1', 'Idée'), { type: 'private.reveal', anonymous: false });
    expect(state.reveals?.[0]).toMatchObject({
      anonymous: false,
      notes: [{ author: 'ALICE', text: 'Idée' }],
    });
  });

  it('S-PRIV-5: each person receives only their own notes; the facilitator counts, never texts', () => {
    let state = write(privateStep(), 'n1', 'Le secret d’Alice');
    state = write(state, 'b1', 'Le secret de Bob', bob);
    state = write(state, 'b2', 'Le second secret de Bob', bob);
    const encode = publicStateEncoder(state);
    for (const viewer of [undefined, 'alice', 'bob', 'fac']) {
      const sent = encode(viewer);
      expect(sent).toBe(JSON.stringify(toPublicState(state, viewer)));
      expect(publicSessionStateSchema.parse(JSON.parse(sent))).toBeTruthy();
      expect(sent).not.toContain('"reveals"');
      if (viewer !== 'alice') expect(sent, viewer).not.toContain('Le secret d’Alice');
      if (viewer !== 'bob') expect(sent, viewer).not.toContain('secret de Bob');
    }
    expect(toPublicState(state, 'alice').privateNotes).toEqual({
      mine: [{ id: 'n1', stepId: 'a', text: 'Le secret d’Alice', createdAt: T0, updatedAt: T0 }],
    });
    expect(toPublicState(state, 'fac').privateNotes).toEqual({ mine: [], counts: { alice: 1, bob: 2 } });
    expect(toPublicState(state, 'bob').privateNotes?.counts).toBeUndefined();

    const revealed = run(state, { type: 'private.reveal' }, facilitator, T0 + MIN);
    for (const viewer of [undefined, 'alice', 'bob', 'fac']) {
      const sent = publicStateEncoder(revealed)(viewer);
      // The texts are on the board now, never in the state that is sent.
      expect(sent).not.toContain('secret');
      expect(JSON.parse(sent).privateNotes.lastReveal).toEqual({ stepId: 'a', at: T0 + MIN, count: 3 });
    }
    // Who wrote at this step stays known to the facilitator after an anonymous reveal: how many, not which.
    expect(toPublicState(revealed, 'fac').privateNotes?.revealedCounts).toEqual({ alice: 1, bob: 2 });
    expect(toPublicState(revealed, 'alice').privateNotes?.revealedCounts).toBeUndefined();
    expect(
      toPublicState(run(revealed, { type: 'step.next' }), 'fac').privateNotes?.revealedCounts,
    ).toBeUndefined();
  });
});
