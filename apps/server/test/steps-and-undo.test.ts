// Step changes and undo through real sockets: a new step's timer starts for everyone with one
// deadline; "Annuler" restores exactly what a destructive command removed, for every client, within
// its window, and is refused after it (both stores).
import type { PublicSessionState } from '@atelier/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  tempDir,
  type RunningServer,
  type TestSessionClient,
} from '@atelier/testkit';

const stores = ['sqlite', 'redis'] as const;

async function sessionOf(server: RunningServer, boardId: string): Promise<PublicSessionState> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/session`);
  return (await response.json()) as PublicSessionState;
}

/** What a person sees, without what legitimately moves on (revision, the pending undo). */
function seen(state: PublicSessionState) {
  const { revision: _revision, undo: _undo, ...rest } = state;
  return rest;
}

describe.each(stores)('steps and undo (%s store)', (storeKind) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function boot(env: Record<string, string> = {}): Promise<RunningServer> {
    let redisUrl: string | undefined;
    if (storeKind === 'redis') {
      const redis = await startRedis();
      cleanups.push(() => redis.stop());
      redisUrl = redis.url;
    }
    const server = await startServer({ dataDir: tempDir(), env, ...(redisUrl ? { redisUrl } : {}) });
    cleanups.push(() => server.stop('SIGKILL'));
    return server;
  }

  function join(server: RunningServer, boardId: string, name: string, key?: string): TestSessionClient {
    const client = connectSessionClient(server.url, {
      boardId,
      name,
      ...(key ? { facilitatorKey: key } : {}),
    });
    cleanups.push(() => client.close());
    return client;
  }

  /** A facilitator and two participants, all connected and seen by the facilitator. */
  async function room(server: RunningServer, template: string) {
    const board = await createBoard(server.url, { title: 'Atelier', template });
    const facilitator = join(server, board.id, 'Anim', board.facilitatorKey);
    const alice = join(server, board.id, 'Alice');
    const bob = join(server, board.id, 'Bob');
    await Promise.all([facilitator, alice, bob].map((client) => client.connected()));
    await facilitator.waitForState((state) => state.participants.filter((p) => p.connected).length === 3);
    return { board, facilitator, alice, bob, everyone: [facilitator, alice, bob] };
  }

  /** The same state (same revision) as everyone saw it once it reached all of them. */
  async function atEveryone(
    clients: TestSessionClient[],
    predicate: (state: PublicSessionState) => boolean,
    what: string,
  ): Promise<PublicSessionState[]> {
    return Promise.all(clients.map((client) => client.waitForState(predicate, what)));
  }

  it('moving to a step starts its timer for everyone, with one deadline, and tells them where to go', async () => {
    const server = await boot();
    const { board, facilitator, everyone } = await room(server, 'codev-flash');
    const initial = await sessionOf(server, board.id);
    expect(initial.stepEntry ?? null).toBeNull();
    const [first, second] = initial.steps;

    // Starting the session enters its first step.
    expect(await facilitator.command({ type: 'timer.start' })).toEqual({ ok: true });
    const started = await atEveryone(everyone, (s) => s.stepEntry?.stepId === first?.id, 'the start');
    expect(new Set(started.map((s) => s.stepEntry?.seq)).size).toBe(1);

    // The header's "Étape suivante" sends a bare step.next: the new step runs at once.
    const before = Date.now();
    expect(await facilitator.command({ type: 'step.next' })).toEqual({ ok: true });
    const moved = await atEveryone(
      everyone,
      (s) => s.currentStepId === second?.id && s.timer.status === 'running',
      'the second step running',
    );
    const deadlines = new Set(moved.map((s) => s.timer.endsAt));
    expect(deadlines.size).toBe(1);
    const endsAt = moved[0]?.timer.endsAt ?? 0;
    expect(endsAt).toBeGreaterThanOrEqual(before + (second?.durationMs ?? 0));
    expect(endsAt).toBeLessThanOrEqual(Date.now() + (second?.durationMs ?? 0));
    for (const state of moved) {
      expect(state.stepEntry).toMatchObject({ stepId: second?.id });
      expect(state.stepEntry?.seq).toBeGreaterThan(started[0]?.stepEntry?.seq ?? Infinity);
    }

    // Someone arriving mid-step is told the step to land on and the same deadline.
    const late = join(server, board.id, 'Retardataire');
    const lateState = await late.waitForState((s) => s.currentStepId === second?.id, 'the current step');
    expect(lateState.stepEntry).toEqual(moved[0]?.stepEntry);
    expect(lateState.timer.endsAt).toBe(endsAt);
  });

  it('a step whose timer is manual (the PGO introduction) is entered idle, for everyone', async () => {
    const server = await boot();
    const { facilitator, everyone } = await room(server, 'pgo');
    expect(await facilitator.command({ type: 'step.next' })).toEqual({ ok: true });
    await atEveryone(everyone, (s) => s.currentStepId === 'themes' && s.timer.status === 'running', 'themes');
    expect(await facilitator.command({ type: 'step.previous' })).toEqual({ ok: true });
    const back = await atEveryone(
      everyone,
      (s) => s.stepEntry?.stepId === 'intro',
      'back to the introduction',
    );
    for (const state of back) {
      expect(state.currentStepId).toBe('intro');
      expect(state.timer.status).toBe('idle');
      expect(state.firstStepNumber).toBe(0);
    }
  });

  it('within its window, undo restores a cleared vote, dissolved groups and a reset session for every client', async () => {
    const server = await boot();
    const { board, facilitator, alice, bob, everyone } = await room(server, 'ideation');
    // Dots go on real notes of the canvas.
    const writer = connectSocketIoClient(server.url, { boardId: board.id, name: 'Scribe' });
    cleanups.push(() => writer.close());
    await writer.loaded;
    const [noteA, noteB] = [writer.addNote('idée A'), writer.addNote('idée B', { x: 300, y: 0 })];
    await writer.waitFor(() => writer.notes().length === 2, 5000, 'the notes');

    const commands = [
      { type: 'timer.start' },
      { type: 'groups.split', count: 2, mode: 'balanced' },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 2, anonymous: false },
    ];
    for (const command of commands) expect(await facilitator.command(command)).toEqual({ ok: true });
    for (const [voter, item] of [
      [alice, noteA],
      [alice, noteA],
      [bob, noteB],
    ] as const) {
      expect(await voter.command({ type: 'vote.cast', itemId: item })).toEqual({ ok: true });
    }
    for (const command of [{ type: 'vote.close' }, { type: 'vote.reveal' }]) {
      expect(await facilitator.command(command)).toEqual({ ok: true });
    }
    const before = await atEveryone(everyone, (s) => s.vote?.revealed === true, 'the revealed vote');
    expect(before[1]?.vote?.myVotes).toEqual({ [noteA]: 2 });

    for (const destructive of ['vote.clear', 'groups.clear', 'session.reset'] as const) {
      expect(await facilitator.command({ type: destructive }), destructive).toEqual({ ok: true });
      const done = await atEveryone(everyone, (s) => s.undo?.command === destructive, `${destructive} done`);
      const undo = done[0]?.undo;
      const facilitatorId = done[0]?.participants.find((person) => person.role === 'facilitator')?.userId;
      expect(undo).toMatchObject({ command: destructive, by: facilitatorId });
      expect((undo?.expiresAt ?? 0) - (undo?.at ?? 0)).toBe(15_000);
      expect(done.map(seen)).not.toEqual(before.map(seen));

      expect(await facilitator.command({ type: 'undo', id: undo?.id }), destructive).toEqual({ ok: true });
      const undone = await atEveryone(
        everyone,
        (s) => s.revision > (done[0]?.revision ?? Infinity) && s.undo === null,
        `${destructive} undone`,
      );
      // Each person sees exactly what they saw before: the vote with its counts and their own dots,
      // the groups and who is in which, the step and its running timer.
      expect(undone.map(seen)).toEqual(before.map(seen));
    }
  });

  it('an undo is refused after its window, or once the session changed, and nothing moves', async () => {
    const server = await boot({ UNDO_WINDOW_MS: '1000' });
    const { board, facilitator, everyone } = await room(server, 'ideation');
    for (const command of [
      { type: 'groups.split', count: 2, mode: 'balanced' },
      { type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 1, anonymous: true },
    ]) {
      expect(await facilitator.command(command)).toEqual({ ok: true });
    }

    // Changed since: a new vote was opened after the clear.
    expect(await facilitator.command({ type: 'vote.clear' })).toEqual({ ok: true });
    const cleared = await facilitator.waitForState((s) => s.undo?.command === 'vote.clear');
    expect(
      await facilitator.command({ type: 'vote.open', dotsPerPerson: 2, maxDotsPerItem: 1, anonymous: true }),
    ).toEqual({ ok: true });
    expect(await facilitator.command({ type: 'undo', id: cleared.undo?.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await sessionOf(server, board.id)).vote?.dotsPerPerson).toBe(2);

    // Too late: the window (1 s here) has passed on the server's clock.
    expect(await facilitator.command({ type: 'groups.clear' })).toEqual({ ok: true });
    const dissolved = await atEveryone(everyone, (s) => s.undo?.command === 'groups.clear', 'groups cleared');
    const expiresAt = dissolved[0]?.undo?.expiresAt ?? 0;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 50));
    expect(await facilitator.command({ type: 'undo', id: dissolved[0]?.undo?.id })).toMatchObject({
      ok: false,
      error: { code: 'undo_expired' },
    });
    const after = await sessionOf(server, board.id);
    expect(after.groups).toBeNull();
    expect(after.revision).toBe(dissolved[0]?.revision);
    expect(after.participants.every((person) => person.groupId === undefined)).toBe(true);
  });
});
