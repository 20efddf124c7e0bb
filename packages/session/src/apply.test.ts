import { describe, expect, it } from 'vitest';
import {
  participantCommandTypes,
  publicSessionStateSchema,
  sessionCommandSchema,
  sessionStateSchema,
} from '@atelier/protocol';
import type { SessionCommandOf, SessionCommandType, SessionState } from '@atelier/protocol';
import { apply, canSend } from './apply';
import { createSession } from './create-session';
import { toPublicState } from './public-state';
import {
  alice,
  act,
  asProgramme,
  bob,
  deepFreeze,
  facilitator,
  makeStep,
  MIN,
  run,
  T0,
  workshop,
} from './test-fixtures';

/** One example of every command; the type makes a new command impossible to forget here. */
const examples: { [T in SessionCommandType]: SessionCommandOf<T> } = {
  'timer.start': { type: 'timer.start' },
  'timer.pause': { type: 'timer.pause' },
  'timer.resume': { type: 'timer.resume' },
  'timer.extend': { type: 'timer.extend', ms: -30_000 },
  'step.next': { type: 'step.next' },
  'step.previous': { type: 'step.previous' },
  'step.goto': { type: 'step.goto', stepId: 'b' },
  'step.reset': { type: 'step.reset' },
  'step.edit': { type: 'step.edit', stepId: 'a', durationMs: 12 * MIN },
  'step.add': { type: 'step.add', step: makeStep('new', MIN), index: 0 },
  'step.remove': { type: 'step.remove', stepId: 'c' },
  'step.move': { type: 'step.move', stepId: 'c', index: 0 },
  'session.reset': { type: 'session.reset' },
  // The undo that clearing the vote of the rich state leaves (see S-AUTH-1 below).
  undo: { type: 'undo', id: `undo-${richState().revision + 1}` },
  'vote.open': { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true },
  'vote.close': { type: 'vote.close' },
  'vote.reveal': { type: 'vote.reveal' },
  'vote.clear': { type: 'vote.clear' },
  'vote.runoff': { type: 'vote.runoff' },
  'vote.choose': { type: 'vote.choose', itemIds: ['shape:b'] },
  'groups.split': { type: 'groups.split', count: 2, mode: 'self' },
  'groups.move': { type: 'groups.move', userId: 'bob', groupId: 'g1' },
  'groups.clear': { type: 'groups.clear' },
  'camera.summon': { type: 'camera.summon', frameId: 'shape:f' },
  'camera.follow.start': { type: 'camera.follow.start' },
  'camera.follow.stop': { type: 'camera.follow.stop' },
  'question.set': { type: 'question.set', text: 'Quelle école pour demain ?' },
  'summary.set': { type: 'summary.set', text: 'Deux thématiques retenues.' },
  'vote.cast': { type: 'vote.cast', itemId: 'shape:note1' },
  'vote.retract': { type: 'vote.retract', itemId: 'shape:note1' },
  'groups.choose': { type: 'groups.choose', groupId: 'g1' },
  'profile.set': { type: 'profile.set', name: 'Alice', lab: 'Lab' },
  'participant.remove': { type: 'participant.remove', userId: 'bob' },
  'profile.erase': { type: 'profile.erase' },
  'section.add': { type: 'section.add', section: { template: 'talk' } },
  'section.move': { type: 'section.move', sectionId: 'three', index: 1 },
  'section.remove': { type: 'section.remove', sectionId: 'three' },
  'private.set': { type: 'private.set', stepId: 'b', private: true },
  'private.write': { type: 'private.write', id: 'n2', text: 'Une autre idée' },
  'private.edit': { type: 'private.edit', id: 'n1', text: 'Une idée, mieux dite' },
  'private.delete': { type: 'private.delete', id: 'n1' },
  'private.reveal': { type: 'private.reveal', anonymous: false },
  'help.request': { type: 'help.request' },
  'help.cancel': { type: 'help.cancel' },
  // The request alice raised in the rich state.
  'help.clear': { type: 'help.clear', id: richState().helpRequests![0]!.id },
  'banner.set': { type: 'banner.set', text: 'Retour en plénière dans 2 min' },
  'banner.clear': { type: 'banner.clear' },
};
const allCommands = Object.values(examples);
const participantTypes = [
  'vote.cast',
  'vote.retract',
  'groups.choose',
  'profile.set',
  'profile.erase',
  'private.write',
  'private.edit',
  'private.delete',
  'help.request',
  'help.cancel',
];

/** A closed vote for one place, tied at the cut between shape:a and shape:b. */
function tiedState(): SessionState {
  let state = run(workshop(), {
    type: 'vote.open',
    dotsPerPerson: 1,
    maxDotsPerItem: 1,
    anonymous: true,
    places: 1,
  });
  state = run(state, { type: 'vote.cast', itemId: 'shape:a' }, alice);
  state = run(state, { type: 'vote.cast', itemId: 'shape:b' }, bob);
  return run(state, { type: 'vote.close' });
}

/** A state in which every example command is accepted from the facilitator. */
/** Three sections of one step each: a, b, c. */
function programme(state: SessionState): SessionState {
  return asProgramme(state, [
    { id: 'one', stepIds: ['a'] },
    { id: 'two', stepIds: ['b'] },
    { id: 'three', stepIds: ['c'] },
  ]);
}

function richState(): SessionState {
  let state = run(workshop(), { type: 'timer.start' });
  state = run(state, { type: 'timer.pause' }, facilitator, T0 + MIN);
  state = run(state, { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 2, anonymous: false });
  state = run(state, { type: 'vote.cast', itemId: 'shape:note1' }, facilitator);
  state = run(state, { type: 'groups.split', count: 2, mode: 'self' });
  state = run(state, { type: 'camera.follow.start' });
  state = run(state, { type: 'private.set', stepId: 'a', private: true });
  state = run(state, { type: 'private.write', id: 'n1', text: 'Une idée' }, facilitator);
  state = run(state, { type: 'private.write', id: 'n1', text: 'Une idée' }, alice);
  state = run(state, { type: 'help.request' }, alice);
  state = run(state, { type: 'banner.set', text: 'Bienvenue' });
  return state;
}

describe('authorisation', () => {
  it('S-AUTH-2: participants may send exactly ten commands', () => {
    expect([...participantCommandTypes].sort()).toEqual([...participantTypes].sort());
    for (const command of allCommands) {
      expect(canSend('participant', command.type)).toBe(participantTypes.includes(command.type));
      expect(canSend('facilitator', command.type)).toBe(true);
    }
  });

  it('S-AUTH-2: every facilitator command from a participant is forbidden and changes nothing', () => {
    const state = deepFreeze(richState());
    for (const command of allCommands.filter((candidate) => !participantTypes.includes(candidate.type))) {
      const result = apply(state, command, alice, T0 + 2 * MIN);
      expect(result, command.type).toMatchObject({ ok: false, code: 'forbidden' });
      expect(!result.ok && result.message).toContain(command.type);
    }
  });

  it('S-AUTH-2: the refusal comes before validation (no probing of ids)', () => {
    expect(act(workshop(), { type: 'step.goto', stepId: 'does-not-exist' }, bob)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('S-AUTH-2: every participant command from a participant is accepted in a suitable state', () => {
    let state = richState();
    for (const type of [
      'vote.cast',
      'vote.retract',
      'groups.choose',
      'profile.set',
      'profile.erase',
      'private.write',
      'private.edit',
      'private.delete',
      'help.request',
      'help.cancel',
    ] as const) {
      const result = act(state, examples[type], alice, T0 + 2 * MIN);
      expect(result.ok, type).toBe(true);
      if (result.ok) state = result.state;
    }
  });

  it('S-AUTH-1: every command from the facilitator is accepted in a suitable state', () => {
    const rich = richState();
    // The rich state is paused on the first step; a few commands need another one.
    const suitable: Partial<Record<SessionCommandType, SessionState>> = {
      'timer.start': workshop(),
      'timer.pause': run(rich, { type: 'timer.resume' }, facilitator, T0 + MIN),
      'step.previous': run(rich, { type: 'step.next' }, facilitator, T0 + MIN),
      'vote.open': run(rich, { type: 'vote.close' }, facilitator, T0 + MIN),
      undo: run(rich, { type: 'vote.clear' }, facilitator, T0 + 2 * MIN - 5_000),
      'vote.runoff': tiedState(),
      'vote.choose': tiedState(),
      'section.add': programme(rich),
      'section.move': programme(rich),
      'section.remove': programme(rich),
    };
    for (const command of allCommands) {
      const result = act(suitable[command.type] ?? rich, command, facilitator, T0 + 2 * MIN);
      expect(result.ok ? 'ok' : `${result.code}: ${result.message}`, command.type).toBe('ok');
    }
  });

  it('S-AUTH-3: apply never mutates its input, bumps the revision once per change and stamps updatedAt', () => {
    const state = deepFreeze(richState());
    const snapshot = JSON.stringify(state);
    for (const command of allCommands) {
      const result = apply(state, command, facilitator, T0 + 2 * MIN);
      if (result.ok && result.state !== state) {
        expect(result.state.revision, command.type).toBe(state.revision + 1);
        expect(result.state.updatedAt).toBe(T0 + 2 * MIN);
      }
    }
    expect(JSON.stringify(state)).toBe(snapshot);
  });

  it('S-AUTH-3: a command that changes nothing returns the very same state', () => {
    const state = deepFreeze(workshop());
    const result = apply(state, { type: 'camera.follow.stop' }, facilitator, T0);
    expect(result).toEqual({ ok: true, state });
    expect(result.ok && result.state).toBe(state);
  });
});

describe('schemas', () => {
  it('every state the engine produces parses with the stored and the public schemas', () => {
    let state = richState();
    for (const command of allCommands) {
      const result = act(state, command, facilitator, T0 + 3 * MIN);
      if (result.ok) state = result.state;
    }
    expect(sessionStateSchema.parse(state)).toEqual(JSON.parse(JSON.stringify(state)));
    for (const viewer of [undefined, 'fac', 'alice', 'stranger']) {
      const view = toPublicState(state, viewer);
      expect(publicSessionStateSchema.parse(view)).toEqual(JSON.parse(JSON.stringify(view)));
      expect(view).not.toHaveProperty('log');
    }
  });

  it('every example command parses unchanged', () => {
    for (const command of allCommands) expect(sessionCommandSchema.parse(command)).toEqual(command);
  });

  it('oversized or malformed commands are rejected by the schema', () => {
    const long = (length: number) => 'x'.repeat(length);
    const rejected: unknown[] = [
      { type: 'timer.explode' },
      {},
      'timer.start',
      { type: 'timer.extend', ms: 0 },
      { type: 'timer.extend', ms: 1.5 },
      { type: 'timer.extend', ms: 25 * 60 * MIN },
      { type: 'timer.extend', ms: Number.NaN },
      { type: 'timer.extend', ms: '60000' },
      { type: 'step.goto', stepId: long(65) },
      { type: 'step.goto', stepId: '' },
      { type: 'step.edit', stepId: 'a', durationMs: -1 },
      { type: 'step.edit', stepId: 'a', title: { fr: long(4001) } },
      { type: 'step.add', step: { id: 'x' } },
      { type: 'step.move', stepId: 'a', index: -1 },
      { type: 'step.move', stepId: 'a', index: 100 },
      { type: 'vote.open', dotsPerPerson: 21, maxDotsPerItem: 1, anonymous: true },
      { type: 'vote.open', dotsPerPerson: 0, maxDotsPerItem: 1, anonymous: true },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: 'yes' },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true, title: long(121) },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true, places: 0 },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true, places: 21 },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true, itemKind: 'card' },
      {
        type: 'vote.open',
        dotsPerPerson: 3,
        maxDotsPerItem: 1,
        anonymous: true,
        decisionTitle: { fr: long(121), en: '' },
      },
      { type: 'vote.runoff', dotsPerPerson: 0 },
      { type: 'vote.choose', itemIds: [] },
      { type: 'vote.choose', itemIds: Array.from({ length: 21 }, (_, i) => `shape:${i}`) },
      { type: 'vote.cast', itemId: long(129) },
      { type: 'vote.cast', itemId: 42 },
      { type: 'vote.retract' },
      { type: 'groups.split', count: 0, mode: 'balanced' },
      { type: 'groups.split', count: 21, mode: 'balanced' },
      { type: 'groups.split', count: 2, mode: 'random' },
      { type: 'groups.split', count: 2, mode: 'self', frameIds: Array.from({ length: 21 }, () => 'shape:f') },
      { type: 'groups.move', userId: long(65), groupId: 'g1' },
      { type: 'groups.choose', groupId: long(33) },
      { type: 'camera.summon', bounds: { x: 0, y: 0, w: 0, h: 10 } },
      { type: 'camera.summon', bounds: { x: 1e8, y: 0, w: 10, h: 10 } },
      { type: 'question.set', text: long(301) },
      { type: 'profile.set', name: '' },
      { type: 'profile.set', name: '   ' },
      { type: 'profile.set', name: long(61) },
      { type: 'profile.set', name: 'Alice', lab: long(81) },
    ];
    for (const payload of rejected) {
      expect(sessionCommandSchema.safeParse(payload).success, JSON.stringify(payload).slice(0, 80)).toBe(
        false,
      );
    }
  });
});

describe('createSession', () => {
  it('S-TIMER-1: starts on the first step, idle, with a trimmed question', () => {
    const state = createSession({ steps: [makeStep('a', 7 * MIN)], question: '  Pourquoi ?  ', now: T0 });
    expect(state).toMatchObject({
      revision: 0,
      currentStepId: 'a',
      timer: { status: 'idle', remainingMs: 7 * MIN },
      question: 'Pourquoi ?',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(sessionStateSchema.parse(state)).toEqual(state);
  });

  it('S-AUTH-4: an empty sequence has no current step and a blank question is dropped', () => {
    const state = createSession({ steps: [], question: '   ', now: T0 });
    expect(state.currentStepId).toBeNull();
    expect(state).not.toHaveProperty('question');
  });
});
