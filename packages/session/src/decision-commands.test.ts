import { describe, expect, it } from 'vitest';
import { publicSessionStateSchema, sessionStateSchema } from '@atelier/protocol';
import type { SessionCommand, SessionState } from '@atelier/protocol';
import { addParticipant } from './participants';
import { toPublicState } from './public-state';
import { act, alice, bob, expectOk, facilitator, MIN, person, run, T0, workshop } from './test-fixtures';
import type { Actor } from './result';

const carol: Actor = { userId: 'carol', role: 'participant' };
const title = { fr: 'Thématiques retenues', en: 'Themes kept' };

/** A PGO-like vote on theme columns: two places, one dot each unless said otherwise. */
const openThemes = (extra: Partial<Extract<SessionCommand, { type: 'vote.open' }>> = {}): SessionCommand => ({
  type: 'vote.open',
  dotsPerPerson: 1,
  maxDotsPerItem: 1,
  anonymous: false,
  itemKind: 'zone',
  places: 2,
  decisionTitle: title,
  frameId: 'shape:themes',
  ...extra,
});

function people(): SessionState {
  return expectOk(addParticipant(workshop(), person('carol'), T0 - MIN));
}

function cast(state: SessionState, ballots: [Actor, string][], now = T0): SessionState {
  return ballots.reduce(
    (current, [actor, itemId]) => run(current, { type: 'vote.cast', itemId }, actor, now),
    state,
  );
}

/** Alice, Bob and Carol each on a different theme: 1–1–1 for two places. */
function threeWayTie(): SessionState {
  const voted = cast(run(people(), openThemes()), [
    [alice, 'shape:sante'],
    [bob, 'shape:droit'],
    [carol, 'shape:inclusion'],
  ]);
  return run(voted, { type: 'vote.close' }, facilitator, T0 + MIN);
}

describe('votes on zones', () => {
  it('S-VOTE-7: the vote keeps its item kind, places and decision title, and logs them', () => {
    const state = run(people(), openThemes());
    expect(state.vote).toMatchObject({ itemKind: 'zone', places: 2, decisionTitle: title });
    expect(state.log.at(-1)).toMatchObject({ type: 'vote.opened', itemKind: 'zone', places: 2 });
  });
});

describe('decisions', () => {
  it('S-DECIDE-2: a vote with places and no tie decides at close, reason votes, logged and public', () => {
    const voted = cast(run(people(), openThemes({ dotsPerPerson: 2 })), [
      [alice, 'shape:sante'],
      [alice, 'shape:droit'],
      [bob, 'shape:sante'],
      [bob, 'shape:droit'],
      [carol, 'shape:sante'],
      [carol, 'shape:inclusion'],
    ]);
    const closed = run(voted, { type: 'vote.close' }, facilitator, T0 + MIN);
    const decision = closed.decisions?.[0];
    expect(decision).toEqual({
      id: `decision-${closed.revision}`,
      voteId: voted.vote?.id,
      stepId: 'a',
      frameId: 'shape:themes',
      title,
      itemKind: 'zone',
      places: 2,
      retained: [
        { itemId: 'shape:sante', count: 3 },
        { itemId: 'shape:droit', count: 2 },
      ],
      reason: 'votes',
      at: T0 + MIN,
      by: 'fac',
    });
    expect(closed.vote?.outcome).toEqual({
      retained: decision?.retained,
      tied: [],
      placesLeft: 0,
      decisionId: decision?.id,
    });
    expect(closed.log.at(-1)).toEqual({ type: 'decision.made', at: T0 + MIN, by: 'fac', decision });
    // Everyone sees the decision, even before the reveal; the outcome comes with the results.
    const forAlice = toPublicState(closed, 'alice');
    expect(forAlice.decisions).toEqual([decision]);
    expect(forAlice.vote).not.toHaveProperty('outcome');
    expect(toPublicState(closed, 'fac').vote?.outcome?.decisionId).toBe(decision?.id);
    expect(toPublicState(run(closed, { type: 'vote.reveal' }), 'alice').vote?.outcome).toBeDefined();
  });

  it('S-DECIDE-2: a 1–1–1 tie for two places is shown, never settled by any order', () => {
    const closed = threeWayTie();
    expect(closed.decisions).toEqual([]);
    expect(closed.vote?.outcome).toEqual({
      retained: [],
      tied: [
        { itemId: 'shape:droit', count: 1 },
        { itemId: 'shape:inclusion', count: 1 },
        { itemId: 'shape:sante', count: 1 },
      ],
      placesLeft: 2,
    });
    expect(closed.log.at(-1)?.type).toBe('vote.closed');
  });

  it('S-DECIDE-2: without places there is no outcome; without a dot there is no decision', () => {
    const plain = run(run(people(), openThemes({ places: undefined })), { type: 'vote.close' });
    expect(plain.vote).not.toHaveProperty('outcome');
    const empty = run(run(people(), openThemes()), { type: 'vote.close' });
    expect(empty.vote?.outcome).toEqual({ retained: [], tied: [], placesLeft: 0 });
    expect(empty.decisions).toEqual([]);
    expect(act(empty, { type: 'vote.runoff' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-DECIDE-3: a run-off among the tied, for the places left, one dot per place and per item', () => {
    const tied = threeWayTie();
    const runoff = run(tied, { type: 'vote.runoff' }, facilitator, T0 + 2 * MIN);
    expect(runoff.vote).toMatchObject({
      id: `vote-${runoff.revision}`,
      status: 'open',
      itemKind: 'zone',
      frameId: 'shape:themes',
      stepId: 'a',
      places: 2,
      dotsPerPerson: 2,
      maxDotsPerItem: 1,
      anonymous: false,
      candidates: ['shape:droit', 'shape:inclusion', 'shape:sante'],
      runoffOf: tied.vote?.id,
      ballots: {},
    });
    expect(runoff.log.at(-1)).toMatchObject({
      type: 'vote.opened',
      runoffOf: tied.vote?.id,
      candidates: ['shape:droit', 'shape:inclusion', 'shape:sante'],
    });
    // Only the tied may get dots; the run-off's context stays on the server.
    expect(act(runoff, { type: 'vote.cast', itemId: 'shape:climat' }, alice)).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    const shared = toPublicState(runoff, 'alice').vote;
    expect(shared).not.toHaveProperty('runoff');
    expect(shared?.candidates).toHaveLength(3);
  });

  it('S-DECIDE-3: the command may set the dots; a run-off needs a closed vote with a tie', () => {
    const tied = threeWayTie();
    expect(
      run(tied, { type: 'vote.runoff', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true }).vote,
    ).toMatchObject({ dotsPerPerson: 1, anonymous: true });
    expect(act(people(), { type: 'vote.runoff' })).toMatchObject({ ok: false, code: 'conflict' });
    const open = run(people(), openThemes());
    expect(act(open, { type: 'vote.runoff' })).toMatchObject({ ok: false, code: 'conflict' });
    const settled = run(tied, { type: 'vote.choose', itemIds: ['shape:droit', 'shape:sante'] });
    expect(act(settled, { type: 'vote.runoff' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('S-DECIDE-4: the run-off settles the tie: decision by run-off, first-vote counts, run-off results kept', () => {
    // Sante ahead, droit and inclusion tied for the second place.
    const voted = cast(run(people(), openThemes({ dotsPerPerson: 2 })), [
      [alice, 'shape:sante'],
      [bob, 'shape:sante'],
      [alice, 'shape:droit'],
      [carol, 'shape:inclusion'],
    ]);
    const tied = run(voted, { type: 'vote.close' });
    expect(tied.vote?.outcome).toMatchObject({
      retained: [{ itemId: 'shape:sante', count: 2 }],
      placesLeft: 1,
    });
    let runoff = run(tied, { type: 'vote.runoff' });
    expect(runoff.vote).toMatchObject({
      places: 1,
      dotsPerPerson: 1,
      candidates: ['shape:droit', 'shape:inclusion'],
    });
    runoff = cast(runoff, [
      [alice, 'shape:inclusion'],
      [bob, 'shape:inclusion'],
      [carol, 'shape:droit'],
    ]);
    const decided = run(runoff, { type: 'vote.close' }, facilitator, T0 + 3 * MIN);
    expect(decided.decisions).toEqual([
      {
        id: `decision-${decided.revision}`,
        voteId: voted.vote?.id,
        stepId: 'a',
        frameId: 'shape:themes',
        title,
        itemKind: 'zone',
        places: 2,
        retained: [
          { itemId: 'shape:sante', count: 2 },
          { itemId: 'shape:inclusion', count: 1 },
        ],
        reason: 'runoff',
        tied: [
          { itemId: 'shape:droit', count: 1 },
          { itemId: 'shape:inclusion', count: 1 },
        ],
        runoffs: [
          {
            voteId: runoff.vote?.id,
            results: [
              { itemId: 'shape:inclusion', count: 2 },
              { itemId: 'shape:droit', count: 1 },
            ],
          },
        ],
        at: T0 + 3 * MIN,
        by: 'fac',
      },
    ]);
    expect(decided.vote?.outcome?.decisionId).toBe(decided.decisions?.[0]?.id);
  });

  it('S-DECIDE-4: a run-off tied again (nobody voted: all at zero) can be run off again, then decides', () => {
    const first = run(threeWayTie(), { type: 'vote.runoff' });
    const again = run(first, { type: 'vote.close' });
    expect(again.vote?.outcome).toMatchObject({ retained: [], placesLeft: 2 });
    expect(again.vote?.outcome?.tied).toHaveLength(3);
    expect(again.decisions).toEqual([]);
    let second = run(again, { type: 'vote.runoff' });
    expect(second.vote?.runoffOf).toBe(first.vote?.runoffOf);
    second = cast(second, [
      [alice, 'shape:sante'],
      [bob, 'shape:sante'],
      [carol, 'shape:droit'],
    ]);
    const decided = run(second, { type: 'vote.close' });
    const [decision] = decided.decisions ?? [];
    expect(decision?.reason).toBe('runoff');
    expect(decision?.retained).toEqual([
      { itemId: 'shape:sante', count: 1 },
      { itemId: 'shape:droit', count: 1 },
    ]);
    expect(decision?.runoffs?.map((round) => round.voteId)).toEqual([first.vote?.id, second.vote?.id]);
    expect(decision?.runoffs?.[0]?.results.every((result) => result.count === 0)).toBe(true);
  });

  it("S-DECIDE-5: the facilitator's choice among the tied, exactly the places left", () => {
    const tied = threeWayTie();
    expect(act(tied, { type: 'vote.choose', itemIds: ['shape:sante'] })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(tied, { type: 'vote.choose', itemIds: ['shape:sante', 'shape:sante'] })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    expect(act(tied, { type: 'vote.choose', itemIds: ['shape:sante', 'shape:climat'] })).toMatchObject({
      ok: false,
      code: 'bad_request',
    });
    const chosen = run(tied, { type: 'vote.choose', itemIds: ['shape:sante', 'shape:droit'] });
    expect(chosen.decisions?.[0]).toMatchObject({
      reason: 'choice',
      retained: [
        { itemId: 'shape:sante', count: 1 },
        { itemId: 'shape:droit', count: 1 },
      ],
      tied: [
        { itemId: 'shape:droit', count: 1 },
        { itemId: 'shape:inclusion', count: 1 },
        { itemId: 'shape:sante', count: 1 },
      ],
    });
    expect(chosen.decisions?.[0]).not.toHaveProperty('runoffs');
    expect(act(chosen, { type: 'vote.choose', itemIds: ['shape:inclusion', 'shape:droit'] })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('S-DECIDE-5: a choice after a run-off keeps the run-off and the first counts', () => {
    const runoff = cast(run(threeWayTie(), { type: 'vote.runoff' }), [
      [alice, 'shape:sante'],
      [bob, 'shape:sante'],
      [carol, 'shape:sante'],
      [alice, 'shape:droit'],
      [bob, 'shape:inclusion'],
    ]);
    const tiedAgain = run(runoff, { type: 'vote.close' });
    expect(tiedAgain.vote?.outcome).toMatchObject({
      retained: [{ itemId: 'shape:sante', count: 3 }],
      placesLeft: 1,
    });
    const decided = run(tiedAgain, { type: 'vote.choose', itemIds: ['shape:inclusion'] });
    expect(decided.decisions?.[0]).toMatchObject({
      reason: 'choice',
      retained: [
        { itemId: 'shape:sante', count: 1 },
        { itemId: 'shape:inclusion', count: 1 },
      ],
      runoffs: [{ voteId: runoff.vote?.id }],
    });
  });

  it('S-DECIDE-6: a new decision at the same step replaces the old one; reset clears them, undoably', () => {
    const first = run(threeWayTie(), { type: 'vote.choose', itemIds: ['shape:sante', 'shape:droit'] });
    const again = cast(run(first, openThemes()), [
      [alice, 'shape:climat'],
      [bob, 'shape:climat'],
      [carol, 'shape:droit'],
    ]);
    const second = run(again, { type: 'vote.close' });
    expect(second.decisions).toHaveLength(1);
    expect(second.decisions?.[0]?.retained.map((item) => item.itemId)).toEqual([
      'shape:climat',
      'shape:droit',
    ]);
    expect(second.log.filter((entry) => entry.type === 'decision.made')).toHaveLength(2);

    const reset = run(second, { type: 'session.reset' }, facilitator, T0 + MIN);
    expect(reset.decisions).toEqual([]);
    const undone = run(reset, { type: 'undo', id: reset.undo!.id }, facilitator, T0 + MIN + 1000);
    expect(undone.decisions).toEqual(second.decisions);
  });

  it('S-DECIDE-6: states with outcomes, run-offs and decisions parse with the stored and public schemas', () => {
    const runoff = run(threeWayTie(), { type: 'vote.runoff' });
    const decided = run(cast(runoff, [[alice, 'shape:sante']]), { type: 'vote.close' });
    for (const state of [threeWayTie(), runoff, decided]) {
      expect(sessionStateSchema.parse(state)).toEqual(JSON.parse(JSON.stringify(state)));
      for (const viewer of ['fac', 'alice', undefined]) {
        const view = toPublicState(state, viewer);
        expect(publicSessionStateSchema.parse(view)).toEqual(JSON.parse(JSON.stringify(view)));
      }
    }
  });
});
