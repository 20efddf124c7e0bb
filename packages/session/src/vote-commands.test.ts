import { describe, expect, it } from 'vitest';
import type { SessionCommand, SessionState } from '@atelier/protocol';
import { publicSessionStateSchema } from '@atelier/protocol';
import { publicStateEncoder, toPublicState } from './public-state';
import { alice, act, bob, facilitator, MIN, T0, run, workshop } from './test-fixtures';
import { voteResults } from './vote-commands';

const open = (extra: Partial<Extract<SessionCommand, { type: 'vote.open' }>> = {}): SessionCommand => ({
  type: 'vote.open',
  dotsPerPerson: 3,
  maxDotsPerItem: 2,
  anonymous: true,
  ...extra,
});
const cast = (itemId: string): SessionCommand => ({ type: 'vote.cast', itemId });
const retract = (itemId: string): SessionCommand => ({ type: 'vote.retract', itemId });

function castAll(state: SessionState, votes: [typeof alice, string][]): SessionState {
  return votes.reduce((current, [actor, itemId]) => run(current, cast(itemId), actor), state);
}

describe('dot voting', () => {
  it('S-VOTE-1: open creates a vote with the settings and the current step, and logs it', () => {
    const state = run(
      workshop(),
      open({ title: 'Vos idées préférées', frameId: 'shape:ideas' }),
      undefined,
      T0 + MIN,
    );
    expect(state.vote).toEqual({
      id: `vote-${state.revision}`,
      status: 'open',
      revealed: false,
      title: 'Vos idées préférées',
      frameId: 'shape:ideas',
      stepId: 'a',
      dotsPerPerson: 3,
      maxDotsPerItem: 2,
      anonymous: true,
      itemKind: 'note',
      openedAt: T0 + MIN,
      ballots: {},
    });
    expect(state.log.at(-1)).toMatchObject({ type: 'vote.opened', voteId: state.vote?.id, dotsPerPerson: 3 });
  });

  it('S-VOTE-1: a second open vote is a conflict; a closed vote is replaced', () => {
    const opened = run(workshop(), open());
    expect(act(opened, open())).toMatchObject({ ok: false, code: 'conflict' });
    const closed = run(opened, { type: 'vote.close' });
    const reopened = run(closed, open({ anonymous: false }));
    expect(reopened.vote).toMatchObject({ status: 'open', anonymous: false, ballots: {} });
    expect(reopened.vote?.id).not.toBe(opened.vote?.id);
  });

  it('S-VOTE-2: each person holds dotsPerPerson dots', () => {
    const state = castAll(run(workshop(), open()), [
      [alice, 'shape:1'],
      [alice, 'shape:2'],
      [alice, 'shape:3'],
    ]);
    const refused = act(state, cast('shape:4'), alice);
    expect(refused).toMatchObject({ ok: false, code: 'limit_exceeded' });
    expect(!refused.ok && refused.message).toContain('3 dots');
    // Bob still has his own dots.
    expect(run(state, cast('shape:4'), bob).vote?.ballots['bob']).toEqual({ 'shape:4': 1 });
  });

  it('S-VOTE-2: at most maxDotsPerItem dots on one item', () => {
    const state = castAll(run(workshop(), open()), [
      [alice, 'shape:1'],
      [alice, 'shape:1'],
    ]);
    expect(state.vote?.ballots['alice']).toEqual({ 'shape:1': 2 });
    const refused = act(state, cast('shape:1'), alice);
    expect(refused).toMatchObject({ ok: false, code: 'limit_exceeded' });
    expect(!refused.ok && refused.message).toContain('2 dots on the same item');
  });

  it('S-VOTE-2: casting needs an open vote', () => {
    expect(act(workshop(), cast('shape:1'), alice)).toMatchObject({ ok: false, code: 'conflict' });
    const closed = run(run(workshop(), open()), { type: 'vote.close' });
    expect(act(closed, cast('shape:1'), alice)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-VOTE-2: the facilitator may vote too', () => {
    expect(run(run(workshop(), open()), cast('shape:1'), facilitator).vote?.ballots['fac']).toEqual({
      'shape:1': 1,
    });
  });

  it('S-VOTE-2: item ids such as __proto__ are ordinary keys', () => {
    let state = castAll(run(workshop(), open()), [
      [alice, '__proto__'],
      [alice, '__proto__'],
    ]);
    expect(act(state, cast('__proto__'), alice)).toMatchObject({ ok: false, code: 'limit_exceeded' });
    expect(voteResults(state)).toEqual([{ itemId: '__proto__', count: 2, rank: 1 }]);
    state = run(state, retract('__proto__'), alice);
    expect(voteResults(state)).toEqual([{ itemId: '__proto__', count: 1, rank: 1 }]);
    expect(act(state, retract('constructor'), alice)).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('S-VOTE-3: retract takes back one dot and frees it', () => {
    let state = castAll(run(workshop(), open()), [
      [alice, 'shape:1'],
      [alice, 'shape:1'],
      [alice, 'shape:2'],
    ]);
    state = run(state, retract('shape:1'), alice);
    expect(state.vote?.ballots['alice']).toEqual({ 'shape:1': 1, 'shape:2': 1 });
    state = run(state, retract('shape:2'), alice);
    expect(state.vote?.ballots['alice']).toEqual({ 'shape:1': 1 });
    state = run(state, retract('shape:1'), alice);
    expect(state.vote?.ballots).toEqual({});
    expect(run(state, cast('shape:9'), alice).vote?.ballots['alice']).toEqual({ 'shape:9': 1 });
  });

  it('S-VOTE-3: retracting without a dot there is a bad request; on a closed vote a conflict', () => {
    const state = run(run(workshop(), open()), cast('shape:1'), alice);
    expect(act(state, retract('shape:2'), alice)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(act(state, retract('shape:1'), bob)).toMatchObject({ ok: false, code: 'bad_request' });
    const closed = run(state, { type: 'vote.close' });
    expect(act(closed, retract('shape:1'), alice)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-VOTE-4: close freezes the ballots and logs ranked results without voters', () => {
    const voted = castAll(run(workshop(), open({ anonymous: false })), [
      [alice, 'shape:1'],
      [bob, 'shape:1'],
      [bob, 'shape:2'],
    ]);
    const closed = run(voted, { type: 'vote.close' }, undefined, T0 + 5 * MIN);
    expect(closed.vote).toMatchObject({ status: 'closed', closedAt: T0 + 5 * MIN });
    expect(closed.log.at(-1)).toEqual({
      type: 'vote.closed',
      at: T0 + 5 * MIN,
      by: 'fac',
      voteId: voted.vote?.id,
      voterCount: 2,
      results: [
        { itemId: 'shape:1', count: 2, rank: 1 },
        { itemId: 'shape:2', count: 1, rank: 2 },
      ],
    });
    expect(act(closed, { type: 'vote.close' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-VOTE-4: reveal once, clear removes the vote, each needs a vote', () => {
    const base = workshop();
    for (const type of ['vote.close', 'vote.reveal', 'vote.clear'] as const) {
      expect(act(base, { type })).toMatchObject({ ok: false, code: 'conflict' });
    }
    const revealed = run(run(base, open()), { type: 'vote.reveal' });
    expect(revealed.vote?.revealed).toBe(true);
    expect(act(revealed, { type: 'vote.reveal' })).toMatchObject({ ok: false, code: 'conflict' });
    const cleared = run(revealed, { type: 'vote.clear' });
    expect(cleared.vote).toBeNull();
    expect(cleared.log.map((entry) => entry.type).slice(-3)).toEqual([
      'vote.opened',
      'vote.revealed',
      'vote.cleared',
    ]);
  });

  it('S-VOTE-5: participants see no counts before the reveal, but their own dots and dots left', () => {
    const state = castAll(run(workshop(), open()), [
      [alice, 'shape:1'],
      [alice, 'shape:1'],
      [bob, 'shape:2'],
    ]);
    const forAlice = toPublicState(state, 'alice');
    expect(forAlice.vote).toMatchObject({ results: null, voterCount: 2, dotsCast: 3 });
    expect(forAlice.vote?.myVotes).toEqual({ 'shape:1': 2 });
    expect(forAlice.vote?.myDotsLeft).toBe(1);
    expect(toPublicState(state, 'bob').vote?.myDotsLeft).toBe(2);
    expect(toPublicState(state, 'newcomer').vote).toMatchObject({ myVotes: {}, myDotsLeft: 3 });
    const shared = toPublicState(state);
    expect(shared.vote).not.toHaveProperty('myVotes');
    expect(shared.vote).not.toHaveProperty('ballots');
    expect(publicSessionStateSchema.parse(forAlice)).toEqual(forAlice);
  });

  it('S-VOTE-5: the shared encoding gives each person exactly their own view, as text', () => {
    const during = castAll(run(workshop(), open()), [
      [alice, 'shape:1'],
      [bob, 'shape:2'],
    ]);
    const revealed = run(during, { type: 'vote.reveal' });
    for (const state of [workshop(), during, revealed]) {
      const encode = publicStateEncoder(state);
      for (const userId of [undefined, 'alice', 'bob', 'fac', 'newcomer']) {
        expect(encode(userId)).toBe(JSON.stringify(toPublicState(state, userId)));
      }
    }
    // Alice's text carries her dots and not Bob's.
    const encode = publicStateEncoder(during);
    expect(JSON.parse(encode('alice')).vote.myVotes).toEqual({ 'shape:1': 1 });
    expect(encode('alice')).not.toBe(encode('bob'));
  });

  it('S-VOTE-5: an anonymous vote never names voters, even to the facilitator or after the reveal', () => {
    let state = castAll(run(workshop(), open()), [
      [alice, 'shape:1'],
      [bob, 'shape:1'],
    ]);
    expect(toPublicState(state, 'fac').vote?.results).toEqual([{ itemId: 'shape:1', count: 2, rank: 1 }]);
    state = run(state, { type: 'vote.reveal' });
    for (const viewer of [undefined, 'alice', 'fac']) {
      const vote = JSON.stringify(toPublicState(state, viewer).vote);
      expect(vote).not.toContain('bob');
      expect(vote).not.toContain('alice');
    }
    expect(toPublicState(state).vote?.results).toEqual([{ itemId: 'shape:1', count: 2, rank: 1 }]);
  });

  it('S-VOTE-5: a named vote lists voters with the results once revealed', () => {
    let state = castAll(run(workshop(), open({ anonymous: false })), [
      [bob, 'shape:1'],
      [alice, 'shape:1'],
    ]);
    expect(toPublicState(state, 'alice').vote?.results).toBeNull();
    expect(toPublicState(state, 'fac').vote?.results).toEqual([
      { itemId: 'shape:1', count: 2, rank: 1, voters: ['alice', 'bob'] },
    ]);
    state = run(state, { type: 'vote.reveal' });
    expect(toPublicState(state).vote?.results?.[0]?.voters).toEqual(['alice', 'bob']);
  });

  it('S-VOTE-6: results are ranked by count then item id, ties sharing a rank', () => {
    const state = castAll(run(workshop(), open({ dotsPerPerson: 5, maxDotsPerItem: 5 })), [
      [alice, 'shape:c'],
      [alice, 'shape:c'],
      [bob, 'shape:b'],
      [bob, 'shape:a'],
      [bob, 'shape:b'],
      [alice, 'shape:d'],
    ]);
    expect(voteResults(state)).toEqual([
      { itemId: 'shape:b', count: 2, rank: 1 },
      { itemId: 'shape:c', count: 2, rank: 1 },
      { itemId: 'shape:a', count: 1, rank: 3 },
      { itemId: 'shape:d', count: 1, rank: 3 },
    ]);
    expect(voteResults(workshop())).toEqual([]);
  });
});
