import { describe, expect, it } from 'vitest';
import type { SessionState } from '@atelier/protocol';
import { addParticipant, setParticipantConnected } from './participants';
import { toPublicState } from './public-state';
import { roomOverview } from './room-overview';
import {
  act,
  alice,
  bob,
  expectOk,
  facilitator,
  makeStep,
  MIN,
  person,
  run,
  T0,
  workshop,
} from './test-fixtures';

const carol = { userId: 'carol', role: 'participant' } as const;

/** Facilitator, alice, bob and carol; a private first step; two self-chosen groups. */
function room(): SessionState {
  let state = workshop([makeStep('a', 10 * MIN, { private: true }), makeStep('b', 5 * MIN)]);
  state = expectOk(addParticipant(state, person('carol'), T0 - MIN));
  state = run(state, { type: 'timer.start' });
  state = run(state, { type: 'groups.split', count: 2, mode: 'self', frameIds: ['shape:g1', 'shape:g2'] });
  state = run(state, { type: 'groups.choose', groupId: 'g1' }, alice);
  state = run(state, { type: 'groups.choose', groupId: 'g1' }, bob);
  return state;
}

describe('the room overview', () => {
  it('S-ROOM-4: per group and person: connected, notes of both kinds, who has not contributed yet', () => {
    let state = room();
    state = run(state, { type: 'private.write', id: 'n1', text: 'Idée' }, alice);
    state = run(state, { type: 'private.write', id: 'n2', text: 'Idée 2' }, alice);
    state = setParticipantConnected(state, 'bob', false, T0 + MIN);
    const overview = roomOverview(toPublicState(state, 'fac'), { carol: 1 });
    expect(
      overview.groups.map((group) => [group.name, group.people.map((p) => p.userId), group.notes]),
    ).toEqual([
      ['Groupe 1', ['alice', 'bob'], 2],
      ['Groupe 2', [], 0],
    ]);
    expect(overview.groups[0]).toMatchObject({ id: 'g1', frameId: 'shape:g1', connected: 1 });
    expect(overview.groups[0]!.people[0]).toMatchObject({
      userId: 'alice',
      connected: true,
      privateNotes: 2,
      boardNotes: 0,
      dotsLeft: null,
      contributed: true,
    });
    expect(overview.ungrouped.map((p) => [p.userId, p.boardNotes, p.contributed])).toEqual([
      ['carol', 1, true],
    ]);
    // Bob has written nothing but is not connected: not listed as someone to nudge.
    expect(overview.notYetContributed).toEqual([]);
    expect(overview.totals).toEqual({ participants: 3, connected: 2, notes: 3, contributed: 2 });
    // The facilitator is never counted.
    expect(JSON.stringify(overview)).not.toContain('"fac"');
    // After an anonymous reveal, alice still counts as having written her two notes.
    const revealed = run(state, { type: 'private.reveal' });
    const after = roomOverview(toPublicState(revealed, 'fac'), { carol: 1 });
    expect(after.groups[0]!.people[0]).toMatchObject({ userId: 'alice', privateNotes: 2, contributed: true });
  });

  it('S-ROOM-4: dots left come from an open named vote; a dot counts as a contribution', () => {
    let state = run(room(), { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 2, anonymous: false });
    state = run(state, { type: 'vote.cast', itemId: 'shape:x' }, bob);
    const overview = roomOverview(toPublicState(state, 'fac'), {});
    const dots = Object.fromEntries(
      [...overview.groups.flatMap((group) => group.people), ...overview.ungrouped].map((p) => [
        p.userId,
        p.dotsLeft,
      ]),
    );
    expect(dots).toEqual({ alice: 3, bob: 2, carol: 3 });
    expect(overview.notYetContributed.map((p) => p.userId)).toEqual(['alice', 'carol']);
    // A participant's own view has no one else's dots: nothing to compute from.
    expect(roomOverview(toPublicState(state, 'alice'), {}).ungrouped[0]?.dotsLeft).toBeNull();
    // An anonymous vote names nobody: dots left unknown.
    const anonymous = run(run(state, { type: 'vote.close' }), {
      type: 'vote.open',
      dotsPerPerson: 3,
      maxDotsPerItem: 2,
      anonymous: true,
    });
    expect(roomOverview(toPublicState(anonymous, 'fac'), {}).ungrouped[0]?.dotsLeft).toBeNull();
  });

  it('S-ROOM-4: a help request shows on its person and on their group', () => {
    let state = run(room(), { type: 'help.request', forGroup: true }, bob);
    state = run(state, { type: 'help.request' }, carol);
    const overview = roomOverview(toPublicState(state, 'fac'), {});
    expect(overview.groups[0]?.helpRequestId).toBe(state.helpRequests?.[0]?.id);
    expect(overview.groups[0]?.people.map((p) => p.helpAsked)).toEqual([true, true]);
    expect(overview.groups[1]?.helpRequestId).toBeUndefined();
    expect(overview.ungrouped[0]?.helpAsked).toBe(true);
  });
});

describe('help and banner', () => {
  it('S-ROOM-1: one request per person; for the group needs a group; cancel takes it back', () => {
    let state = room();
    expect(act(state, { type: 'help.request', forGroup: true }, carol)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    state = run(state, { type: 'help.request' }, alice, T0 + MIN);
    expect(state.helpRequests).toEqual([{ id: `help-${state.revision}`, userId: 'alice', at: T0 + MIN }]);
    const again = act(state, { type: 'help.request' }, alice);
    expect(again.ok && again.state.revision).toBe(state.revision);
    state = run(state, { type: 'help.request', forGroup: true }, alice);
    expect(state.helpRequests?.map((r) => [r.userId, r.groupId])).toEqual([['alice', 'g1']]);
    // The group is already asking: bob asking for it changes nothing.
    const bobToo = act(state, { type: 'help.request', forGroup: true }, bob);
    expect(bobToo.ok && bobToo.state.revision).toBe(state.revision);
    state = run(state, { type: 'help.cancel' }, alice);
    expect(state).not.toHaveProperty('helpRequests');
    const none = act(state, { type: 'help.cancel' }, alice);
    expect(none.ok && none.state.revision).toBe(state.revision);
  });

  it('S-ROOM-2: the facilitator clears a request; an unknown id changes nothing', () => {
    let state = run(room(), { type: 'help.request' }, alice);
    state = run(state, { type: 'help.request' }, bob);
    const [first] = state.helpRequests!;
    state = run(state, { type: 'help.clear', id: first!.id });
    expect(state.helpRequests?.map((r) => r.userId)).toEqual(['bob']);
    const unknown = act(state, { type: 'help.clear', id: first!.id });
    expect(unknown.ok && unknown.state.revision).toBe(state.revision);
  });

  it('S-ROOM-3: a banner replaces the one before with a greater seq, even after a clear', () => {
    let state = run(
      room(),
      { type: 'banner.set', text: '  Retour en plénière dans 2 min ' },
      facilitator,
      T0 + MIN,
    );
    expect(state.banner).toEqual({
      seq: state.revision,
      text: 'Retour en plénière dans 2 min',
      at: T0 + MIN,
      by: 'fac',
    });
    const first = state.banner!.seq;
    state = run(state, { type: 'banner.clear' });
    expect(state.banner).toBeNull();
    expect(act(state, { type: 'banner.clear' })).toMatchObject({
      ok: true,
      state: { revision: state.revision },
    });
    state = run(state, { type: 'banner.set', text: 'Pause de 10 min' });
    expect(state.banner!.seq).toBeGreaterThan(first);
    expect(toPublicState(state, 'alice').banner?.text).toBe('Pause de 10 min');
  });
});
