import { describe, expect, it } from 'vitest';
import type { SessionState } from '@atelier/protocol';
import { addParticipant, setParticipantConnected } from './participants';
import { seededRandom } from './random';
import { alice, act, expectOk, facilitator, person, run, T0, workshop } from './test-fixtures';

/** The facilitator, a second facilitator, and `count` participants p01…pNN. */
function crowd(count: number): SessionState {
  let state = workshop();
  state = expectOk(addParticipant(state, person('fac2', 'facilitator'), T0));
  for (let index = 3; index <= count; index += 1) {
    state = expectOk(addParticipant(state, person(`p${String(index).padStart(2, '0')}`), T0));
  }
  return state;
}

function sizes(state: SessionState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const group of state.groups?.list ?? []) counts[group.id] = 0;
  for (const member of state.participants) {
    if (member.groupId) counts[member.groupId] = (counts[member.groupId] ?? 0) + 1;
  }
  return counts;
}

describe('groups', () => {
  it('S-GROUP-1: a balanced split gives sizes that differ by at most one and leaves facilitators out', () => {
    const state = crowd(60);
    for (const count of [1, 2, 3, 7, 8, 13]) {
      const split = run(
        state,
        { type: 'groups.split', count, mode: 'balanced' },
        facilitator,
        T0,
        seededRandom(count),
      );
      const groupSizes = Object.values(sizes(split));
      expect(groupSizes).toHaveLength(count);
      expect(groupSizes.reduce((sum, size) => sum + size, 0)).toBe(60);
      expect(Math.max(...groupSizes) - Math.min(...groupSizes)).toBeLessThanOrEqual(1);
      for (const member of split.participants.filter((candidate) => candidate.role === 'facilitator')) {
        expect(member.groupId).toBeUndefined();
      }
    }
  });

  it('S-GROUP-1: the same seed gives the same groups, another seed other groups', () => {
    const state = crowd(30);
    const command = { type: 'groups.split', count: 4, mode: 'balanced' } as const;
    const assign = (seed: number) =>
      run(state, command, facilitator, T0, seededRandom(seed)).participants.map((member) => member.groupId);
    expect(assign(42)).toEqual(assign(42));
    expect(assign(42)).not.toEqual(assign(43));
  });

  it('S-GROUP-1: without a random source the split is seeded with now', () => {
    const state = crowd(20);
    const command = { type: 'groups.split', count: 3, mode: 'balanced' } as const;
    expect(run(state, command, facilitator, T0).participants).toEqual(
      run(state, command, facilitator, T0, seededRandom(T0)).participants,
    );
  });

  it('S-GROUP-1: disconnected participants are left out of a balanced split', () => {
    const state = setParticipantConnected(crowd(10), 'bob', false, T0);
    const split = run(state, { type: 'groups.split', count: 3, mode: 'balanced' });
    expect(split.participants.find((member) => member.userId === 'bob')?.groupId).toBeUndefined();
    expect(Object.values(sizes(split)).reduce((sum, size) => sum + size, 0)).toBe(9);
  });

  it('S-GROUP-3: groups get ids, names and frames, and a new split replaces them', () => {
    const first = run(workshop(), {
      type: 'groups.split',
      count: 3,
      mode: 'balanced',
      frameIds: ['shape:f1', 'shape:f2'],
      names: ['Rouge'],
    });
    expect(first.groups).toEqual({
      mode: 'balanced',
      list: [
        { id: 'g1', name: 'Rouge', frameId: 'shape:f1' },
        { id: 'g2', name: 'Groupe 2', frameId: 'shape:f2' },
        { id: 'g3', name: 'Groupe 3' },
      ],
    });
    expect(first.log.at(-1)).toMatchObject({ type: 'groups.split', mode: 'balanced', count: 3 });
    const second = run(first, { type: 'groups.split', count: 2, mode: 'self' });
    expect(second.groups?.list.map((group) => group.id)).toEqual(['g1', 'g2']);
  });

  it('S-GROUP-2: self-chosen groups start empty and participants choose', () => {
    const split = run(run(workshop(), { type: 'groups.split', count: 2, mode: 'balanced' }), {
      type: 'groups.split',
      count: 2,
      mode: 'self',
    });
    expect(split.participants.every((member) => member.groupId === undefined)).toBe(true);
    const chosen = run(split, { type: 'groups.choose', groupId: 'g2' }, alice);
    expect(chosen.participants.find((member) => member.userId === 'alice')?.groupId).toBe('g2');
    expect(run(chosen, { type: 'groups.choose', groupId: 'g1' }, alice).participants[1]?.groupId).toBe('g1');
  });

  it('S-GROUP-2: choosing is forbidden with balanced groups, a conflict without groups, a bad request for an unknown group', () => {
    expect(act(workshop(), { type: 'groups.choose', groupId: 'g1' }, alice)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const balanced = run(workshop(), { type: 'groups.split', count: 2, mode: 'balanced' });
    expect(act(balanced, { type: 'groups.choose', groupId: 'g1' }, alice)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const self = run(workshop(), { type: 'groups.split', count: 2, mode: 'self' });
    expect(act(self, { type: 'groups.choose', groupId: 'g9' }, alice)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    const stranger = { userId: 'ghost', role: 'participant' } as const;
    expect(act(self, { type: 'groups.choose', groupId: 'g1' }, stranger)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
  });

  it('S-GROUP-4: the facilitator moves anyone to any group', () => {
    const split = run(workshop(), { type: 'groups.split', count: 2, mode: 'balanced' });
    const target =
      split.participants.find((member) => member.userId === 'bob')?.groupId === 'g1' ? 'g2' : 'g1';
    const moved = run(split, { type: 'groups.move', userId: 'bob', groupId: target });
    expect(moved.participants.find((member) => member.userId === 'bob')?.groupId).toBe(target);
    expect(act(split, { type: 'groups.move', userId: 'ghost', groupId: 'g1' })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(split, { type: 'groups.move', userId: 'bob', groupId: 'g7' })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(workshop(), { type: 'groups.move', userId: 'bob', groupId: 'g1' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('S-GROUP-5: with balanced groups a late joiner goes to the smallest group', () => {
    let state = run(
      crowd(7),
      { type: 'groups.split', count: 3, mode: 'balanced' },
      facilitator,
      T0,
      seededRandom(1),
    );
    // Dealt in turn, the first group gets the extra person.
    expect(sizes(state)).toEqual({ g1: 3, g2: 2, g3: 2 });
    state = expectOk(addParticipant(state, person('late1'), T0 + 1));
    expect(state.participants.at(-1)?.groupId).toBe('g2');
    state = expectOk(addParticipant(state, person('late2'), T0 + 2));
    expect(state.participants.at(-1)?.groupId).toBe('g3');
    expect(sizes(state)).toEqual({ g1: 3, g2: 3, g3: 3 });
    // Facilitators stay out.
    state = expectOk(addParticipant(state, person('fac3', 'facilitator'), T0 + 3));
    expect(state.participants.at(-1)?.groupId).toBeUndefined();
  });

  it('S-GROUP-5: someone out of the split who reconnects joins the smallest group; self mode leaves them free', () => {
    const offline = setParticipantConnected(crowd(5), 'bob', false, T0);
    const split = run(offline, { type: 'groups.split', count: 2, mode: 'balanced' });
    const back = setParticipantConnected(split, 'bob', true, T0 + 1);
    expect(back.participants.find((member) => member.userId === 'bob')?.groupId).toBeDefined();
    expect(Object.values(sizes(back)).sort()).toEqual([2, 3]);
    const self = run(offline, { type: 'groups.split', count: 2, mode: 'self' });
    const backSelf = setParticipantConnected(self, 'bob', true, T0 + 1);
    expect(backSelf.participants.find((member) => member.userId === 'bob')?.groupId).toBeUndefined();
  });

  it("S-GROUP-6: clear removes the groups and everyone's group; without groups it is a conflict", () => {
    const split = run(workshop(), { type: 'groups.split', count: 2, mode: 'balanced' });
    const cleared = run(split, { type: 'groups.clear' });
    expect(cleared.groups).toBeNull();
    expect(cleared.participants.every((member) => !('groupId' in member))).toBe(true);
    expect(cleared.log.at(-1)).toMatchObject({ type: 'groups.cleared' });
    expect(act(cleared, { type: 'groups.clear' })).toMatchObject({ ok: false, code: 'conflict' });
  });
});
