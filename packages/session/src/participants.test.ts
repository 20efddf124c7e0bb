import { describe, expect, it } from 'vitest';
import { SessionLimits } from '@atelier/protocol';
import { createSession } from './create-session';
import { addParticipant, removeParticipant, setParticipantConnected } from './participants';
import {
  alice,
  act,
  deepFreeze,
  expectOk,
  facilitator,
  makeStep,
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

  it('S-PART-1: the session refuses people past the limit, but still lets known people back', () => {
    let state = createSession({ steps: [], now: T0 });
    for (let index = 0; index < SessionLimits.maxParticipants; index += 1) {
      state = expectOk(addParticipant(state, person(`u${index}`), T0));
    }
    expect(addParticipant(state, person('one-too-many'), T0)).toMatchObject({
      ok: false,
      code: 'limit_exceeded',
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
});
