import { describe, expect, it } from 'vitest';
import { SessionLimits, type SessionState } from '@atelier/protocol';
import { createSession } from './create-session';
import { publicStateEncoder, toPublicState } from './public-state';
import {
  addParticipant,
  admission,
  removeParticipant,
  setParticipantConnected,
  type ParticipantPolicy,
} from './participants';
import { apply } from './apply';
import {
  alice,
  act,
  bob,
  deepFreeze,
  expectOk,
  facilitator,
  makeStep,
  MIN,
  person,
  run,
  T0,
  workshop,
} from './test-fixtures';

describe('participants', () => {
  it('S-PART-1: adding someone connects them and bumps the revision', () => {
    const state = deepFreeze(createSession({ steps: [makeStep('a', 1000)], now: T0 }));
    const added = expectOk(
      addParticipant(state, { userId: 'u1', name: 'Awa', lab: '110 bis', role: 'participant' }, T0 + 5),
    );
    expect(added.participants).toEqual([
      { userId: 'u1', name: 'Awa', lab: '110 bis', role: 'participant', connected: true },
    ]);
    expect(added.revision).toBe(1);
    expect(added.updatedAt).toBe(T0 + 5);
  });

  it('S-PART-1: adding someone known updates them, reconnects them and keeps their group', () => {
    let state = run(workshop(), { type: 'groups.split', count: 1, mode: 'balanced' });
    state = setParticipantConnected(state, 'alice', false, T0);
    state = expectOk(
      addParticipant(deepFreeze(state), { userId: 'alice', name: 'Alice B.', role: 'participant' }, T0),
    );
    expect(state.participants.filter((member) => member.userId === 'alice')).toEqual([
      { userId: 'alice', name: 'Alice B.', role: 'participant', connected: true, groupId: 'g1' },
    ]);
  });

  it('S-PART-1, S-PART-6: a list full of connected people refuses newcomers with session_full, lets known people back', () => {
    let state = createSession({ steps: [], now: T0 });
    for (let index = 0; index < SessionLimits.maxParticipants; index += 1) {
      state = expectOk(addParticipant(state, person(`u${index}`), T0));
    }
    expect(addParticipant(state, person('one-too-many'), T0)).toMatchObject({
      ok: false,
      code: 'session_full',
      message: `this board already has ${SessionLimits.maxParticipants} people connected`,
    });
    expect(admission(state, { userId: 'one-too-many', role: 'participant' })).toMatchObject({
      ok: false,
      code: 'session_full',
    });
    expect(addParticipant(state, person('u7'), T0).ok).toBe(true);
  });

  it('S-PART-2: disconnecting keeps the group and the dots; an unchanged flag changes nothing', () => {
    let state = run(workshop(), { type: 'groups.split', count: 1, mode: 'balanced' });
    state = run(state, { type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true });
    state = run(state, { type: 'vote.cast', itemId: 'shape:1' }, alice);
    const offline = setParticipantConnected(deepFreeze(state), 'alice', false, T0 + 1);
    expect(offline.participants[1]).toMatchObject({ userId: 'alice', connected: false, groupId: 'g1' });
    expect(offline.vote?.ballots['alice']).toEqual({ 'shape:1': 1 });
    expect(offline.revision).toBe(state.revision + 1);
    expect(setParticipantConnected(offline, 'alice', false, T0 + 2)).toBe(offline);
    expect(setParticipantConnected(offline, 'ghost', true, T0 + 2)).toBe(offline);
  });

  it('S-PART-3: removing someone keeps their dots and stops following them', () => {
    let state = run(workshop(), { type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true });
    state = run(state, { type: 'vote.cast', itemId: 'shape:1' }, alice);
    state = run(state, { type: 'camera.follow.start' });
    const withoutAlice = removeParticipant(deepFreeze(state), 'alice', T0 + 1);
    expect(withoutAlice.participants.map((member) => member.userId)).toEqual(['fac', 'bob']);
    expect(withoutAlice.vote?.ballots['alice']).toEqual({ 'shape:1': 1 });
    expect(withoutAlice.camera.follow).toEqual({ userId: 'fac', since: T0 });
    const withoutLeader = removeParticipant(withoutAlice, 'fac', T0 + 2);
    expect(withoutLeader.camera.follow).toBeNull();
    expect(withoutLeader.revision).toBe(state.revision + 2);
    expect(removeParticipant(withoutLeader, 'fac', T0 + 3)).toBe(withoutLeader);
  });

  it('S-PART-4: profile.set changes only the sender, and an omitted lab is cleared', () => {
    let state = run(workshop(), { type: 'profile.set', name: 'Alice Martin', lab: 'Lab 110 bis' }, alice);
    expect(state.participants[1]).toEqual({
      userId: 'alice',
      name: 'Alice Martin',
      lab: 'Lab 110 bis',
      role: 'participant',
      connected: true,
    });
    expect(state.participants[2]?.name).toBe('BOB');
    state = run(state, { type: 'profile.set', name: 'Alice' }, alice);
    expect(state.participants[1]).not.toHaveProperty('lab');
    expect(run(state, { type: 'profile.set', name: 'Fa' }, facilitator).participants[0]?.name).toBe('Fa');
  });

  it('S-PART-4: a sender unknown to the session is a bad request', () => {
    const stranger = { userId: 'ghost', role: 'participant' } as const;
    expect(act(workshop(), { type: 'profile.set', name: 'Ghost' }, stranger)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  const policy: ParticipantPolicy = { maxParticipants: 10, leaversKeptMs: 10 * MIN };
  const ids = (state: SessionState) => state.participants.map((member) => member.userId);
  const pastIds = (state: SessionState) => (state.pastParticipants ?? []).map((member) => member.userId);

  it('S-PART-5: leavers stay in the live list for the policy time, then move to the roster with name, lab, group', () => {
    let state = run(workshop(), { type: 'groups.split', count: 1, mode: 'balanced' });
    state = setParticipantConnected(deepFreeze(state), 'alice', false, T0 + MIN, policy);
    expect(state.participants.find((member) => member.userId === 'alice')).toMatchObject({
      connected: false,
      leftAt: T0 + MIN,
    });
    // Nine minutes later she is still listed; at ten, the next arrival or departure moves her.
    state = setParticipantConnected(deepFreeze(state), 'bob', false, T0 + 10 * MIN, policy);
    expect(ids(state)).toEqual(['fac', 'alice', 'bob']);
    state = expectOk(addParticipant(deepFreeze(state), person('chloe'), T0 + 11 * MIN, policy));
    expect(ids(state)).toEqual(['fac', 'bob', 'chloe']);
    expect(state.pastParticipants).toEqual([
      { userId: 'alice', name: 'ALICE', role: 'participant', groupId: 'g1', leftAt: T0 + MIN },
    ]);
    // Neither the roster nor the removed list is ever broadcast.
    expect(toPublicState(state)).not.toHaveProperty('pastParticipants');
    expect(JSON.parse(publicStateEncoder(state)('fac'))).not.toHaveProperty('pastParticipants');
    // Back from the roster: listed again, with her group, and out of the roster.
    state = expectOk(addParticipant(deepFreeze(state), person('alice'), T0 + 12 * MIN, policy));
    expect(state.participants.at(-1)).toEqual({
      userId: 'alice',
      name: 'ALICE',
      role: 'participant',
      connected: true,
      groupId: 'g1',
    });
    expect(pastIds(state)).toEqual([]);
  });

  it('S-PART-6: a full list makes room by moving its longest-gone leavers to the roster', () => {
    let state = expectOk(addParticipant(workshop(), person('chloe'), T0, { ...policy, maxParticipants: 4 }));
    state = setParticipantConnected(state, 'bob', false, T0 + 2, policy);
    state = setParticipantConnected(state, 'alice', false, T0 + 3, policy);
    state = expectOk(
      addParticipant(deepFreeze(state), person('dan'), T0 + 4, { ...policy, maxParticipants: 4 }),
    );
    expect(ids(state)).toEqual(['fac', 'alice', 'chloe', 'dan']);
    expect(pastIds(state)).toEqual(['bob']);
  });

  it('S-PART-7: admission tells a newcomer from someone known (live or in the roster)', () => {
    let state = setParticipantConnected(workshop(), 'alice', false, T0, policy);
    state = setParticipantConnected(state, 'bob', false, T0 + 10 * MIN, policy);
    expect(pastIds(state)).toEqual(['alice']);
    expect(admission(state, { userId: 'bob', role: 'participant' }, policy)).toEqual({
      ok: true,
      newcomer: false,
    });
    expect(admission(state, { userId: 'alice', role: 'participant' }, policy)).toEqual({
      ok: true,
      newcomer: false,
    });
    expect(admission(state, { userId: 'zoe', role: 'participant' }, policy)).toEqual({
      ok: true,
      newcomer: true,
    });
  });

  it('S-PART-8: participant.remove takes the person, their dots in the open vote and their key off the board', () => {
    let state = run(workshop(), { type: 'vote.open', dotsPerPerson: 2, maxDotsPerItem: 2, anonymous: true });
    state = run(state, { type: 'vote.cast', itemId: 'shape:1' }, alice);
    state = run(state, { type: 'vote.cast', itemId: 'shape:1' }, alice);
    state = run(state, { type: 'vote.cast', itemId: 'shape:2' }, bob);
    const removed = run(state, { type: 'participant.remove', userId: 'alice' }, facilitator, T0 + MIN);
    expect(ids(removed)).toEqual(['fac', 'bob']);
    expect(Object.keys(removed.vote?.ballots ?? {})).toEqual(['bob']);
    expect(toPublicState(removed).vote).toMatchObject({ voterCount: 1, dotsCast: 1 });
    expect(removed.removedUserIds).toEqual(['alice']);
    expect(removed.log.at(-1)).toEqual({
      type: 'participant.removed',
      at: T0 + MIN,
      by: 'fac',
      userId: 'alice',
      name: 'ALICE',
      dots: 2,
    });
    // Refused from then on, whatever name they come back with; a facilitator key still gets in.
    expect(addParticipant(removed, person('alice'), T0 + 2 * MIN)).toMatchObject({
      ok: false,
      code: 'removed',
    });
    expect(admission(removed, { userId: 'alice', role: 'facilitator' })).toMatchObject({ ok: true });
  });

  it('S-PART-8: unknown people are a bad request, facilitators cannot be removed, a closed vote keeps its dots', () => {
    let state = run(workshop(), { type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true });
    state = run(state, { type: 'vote.cast', itemId: 'shape:1' }, alice);
    state = run(state, { type: 'vote.close' });
    expect(act(state, { type: 'participant.remove', userId: 'ghost' })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(state, { type: 'participant.remove', userId: 'fac' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const removed = run(state, { type: 'participant.remove', userId: 'alice' });
    expect(removed.vote?.ballots['alice']).toEqual({ 'shape:1': 1 });
    // Someone already in the roster can be removed too, and leaves it.
    let gone = setParticipantConnected(workshop(), 'bob', false, T0, policy);
    gone = setParticipantConnected(gone, 'alice', false, T0 + 10 * MIN, policy);
    expect(pastIds(gone)).toEqual(['bob']);
    expect(pastIds(run(gone, { type: 'participant.remove', userId: 'bob' }))).toEqual([]);
  });

  it('S-PART-9: profile.erase makes the sender "Participant N" for good; lab, group and dots stay', () => {
    let state = run(workshop(), { type: 'groups.split', count: 1, mode: 'balanced' });
    state = run(state, { type: 'profile.set', name: 'Alice Martin', lab: 'Lab 110 bis' }, alice);
    state = run(state, { type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true });
    state = run(state, { type: 'vote.cast', itemId: 'shape:1' }, alice);
    const erased = run(deepFreeze(state), { type: 'profile.erase' }, alice, T0 + 1);
    const [before, after] = [state, erased].map((each) =>
      each.participants.find((p) => p.userId === 'alice'),
    );
    expect(after).toEqual({ ...before, name: 'Participant 1', erased: true });
    expect(erased.vote?.ballots['alice']).toEqual({ 'shape:1': 1 });
    expect(JSON.stringify(erased)).not.toContain('Alice Martin');
    // Sent again: nothing changes. A reconnection or profile.set keeps the name erased.
    expect(apply(erased, { type: 'profile.erase' }, alice, T0 + 2)).toMatchObject({
      ok: true,
      state: erased,
    });
    const back = expectOk(
      addParticipant(erased, { userId: 'alice', name: 'Alice Martin', role: 'participant' }, T0 + 3),
    );
    expect(back.participants.find((p) => p.userId === 'alice')?.name).toBe('Participant 1');
    const renamed = run(back, { type: 'profile.set', name: 'Alice Martin', lab: 'Lab' }, alice, T0 + 4);
    expect(renamed.participants.find((p) => p.userId === 'alice')).toMatchObject({
      name: 'Participant 1',
      lab: 'Lab',
    });
    // The next one to erase gets the next number; a stranger is refused.
    const bobErased = run(renamed, { type: 'profile.erase' }, { userId: 'bob', role: 'participant' }, T0 + 5);
    expect(bobErased.participants.find((p) => p.userId === 'bob')?.name).toBe('Participant 2');
    expect(act(bobErased, { type: 'profile.erase' }, { userId: 'ghost', role: 'participant' })).toMatchObject(
      {
        ok: false,
        code: 'bad_request',
      },
    );
    // Gone long enough to move to the roster, then back: still "Participant 1".
    let roster = setParticipantConnected(bobErased, 'alice', false, T0 + 6, policy);
    roster = setParticipantConnected(roster, 'bob', false, T0 + 6 + 10 * MIN, policy);
    expect(pastIds(roster)).toContain('alice');
    const returned = expectOk(
      addParticipant(
        roster,
        { userId: 'alice', name: 'Alice Martin', role: 'participant' },
        T0 + 20 * MIN,
        policy,
      ),
    );
    expect(returned.participants.find((p) => p.userId === 'alice')).toMatchObject({
      name: 'Participant 1',
      erased: true,
    });
  });
});
