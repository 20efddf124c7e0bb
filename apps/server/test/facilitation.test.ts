// The facilitation engine through real sockets: one deadline for all, facilitator powers checked by
// the server, state that survives restarts, vote limits that hold under concurrency, REST commands.
import type { PublicSessionState } from '@atelier/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  tempDir,
  type RunningRedis,
  type RunningServer,
  type TestSessionClient,
} from '@atelier/testkit';

const stores = ['sqlite', 'redis'] as const;

async function restCommand(server: RunningServer, boardId: string, command: unknown, key?: string) {
  const response = await fetch(`${server.url}/api/boards/${boardId}/session/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(command),
  });
  return {
    status: response.status,
    body: (await response.json()) as PublicSessionState & { error?: { code: string } },
  };
}

async function sessionOf(server: RunningServer, boardId: string): Promise<PublicSessionState> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/session`);
  return (await response.json()) as PublicSessionState;
}

describe.each(stores)('facilitation (%s store)', (storeKind) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function boot(): Promise<{
    server: RunningServer;
    restart: (signal?: NodeJS.Signals) => Promise<RunningServer>;
  }> {
    let redis: RunningRedis | undefined;
    if (storeKind === 'redis') {
      redis = await startRedis();
      cleanups.push(() => redis?.stop());
    }
    const dataDir = tempDir();
    const start = async (port?: number) => {
      const server = await startServer({
        dataDir,
        ...(redis ? { redisUrl: redis.url } : {}),
        ...(port ? { port } : {}),
      });
      cleanups.push(() => server.stop('SIGKILL'));
      return server;
    };
    const server = await start();
    return {
      server,
      restart: async (signal: NodeJS.Signals = 'SIGTERM') => {
        await server.stop(signal);
        return start(server.port);
      },
    };
  }

  function join(
    server: RunningServer,
    boardId: string,
    name: string,
    facilitatorKey?: string,
  ): TestSessionClient {
    const client = connectSessionClient(server.url, {
      boardId,
      name,
      ...(facilitatorKey ? { facilitatorKey } : {}),
    });
    cleanups.push(() => client.close());
    return client;
  }

  it('a started step reaches every participant with the same deadline', async () => {
    const { server } = await boot();
    const board = await createBoard(server.url, { title: 'Idéation', template: 'ideation' });
    const facilitator = join(server, board.id, 'Animatrice', board.facilitatorKey);
    const alice = join(server, board.id, 'Alice');
    const bob = join(server, board.id, 'Bob');
    await Promise.all([facilitator, alice, bob].map((client) => client.connected()));
    await alice.waitForState((state) => state.participants.length >= 1, 'an initial state');

    expect(await facilitator.command({ type: 'timer.start' })).toEqual({ ok: true });
    const running = (state: PublicSessionState) => state.timer.status === 'running';
    const [atAlice, atBob] = await Promise.all([alice.waitForState(running), bob.waitForState(running)]);
    expect(atAlice.timer.endsAt).toBeDefined();
    expect(atAlice.timer.endsAt).toBe(atBob.timer.endsAt);
    expect(atAlice.currentStepId).toBe(atBob.currentStepId);
    const step = atAlice.steps.find((candidate) => candidate.id === atAlice.currentStepId);
    // The deadline is the step's duration after the server's start time.
    expect((atAlice.timer.endsAt ?? 0) - Date.now()).toBeLessThanOrEqual(step?.durationMs ?? 0);
    expect((atAlice.timer.endsAt ?? 0) - Date.now()).toBeGreaterThan((step?.durationMs ?? 0) - 5_000);
  });

  it('a participant’s facilitator command is refused and changes nothing', async () => {
    const { server } = await boot();
    const board = await createBoard(server.url, { title: 'Codev', template: 'codev' });
    const participant = join(server, board.id, 'Curieux');
    await participant.connected();
    const before = await participant.waitForState(() => true);
    for (const command of [
      { type: 'timer.start' },
      { type: 'step.next' },
      { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true },
    ]) {
      const ack = await participant.command(command);
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const after = await sessionOf(server, board.id);
    expect(after.timer).toEqual(before.timer);
    expect(after.currentStepId).toBe(before.currentStepId);
    expect(after.vote).toBeNull();
  });

  it('a malformed command gets invalid_payload', async () => {
    const { server } = await boot();
    const board = await createBoard(server.url);
    const facilitator = join(server, board.id, 'Anim', board.facilitatorKey);
    await facilitator.connected();
    expect(await facilitator.command({ type: 'timer.extend', ms: 'lots' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await facilitator.command('nonsense')).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });

  it('a running timer keeps its deadline across a restart', async () => {
    const { server, restart } = await boot();
    const board = await createBoard(server.url, { title: 'PGO', template: 'pgo' });
    const started = await restCommand(server, board.id, { type: 'timer.start' }, board.facilitatorKey);
    expect(started.status).toBe(200);
    const endsAt = started.body.timer.endsAt;
    expect(endsAt).toBeGreaterThan(Date.now());

    const second = await restart();
    const after = await sessionOf(second, board.id);
    expect(after.timer.status).toBe('running');
    expect(after.timer.endsAt).toBe(endsAt);
    // A participant arriving now is told the same deadline.
    const late = join(second, board.id, 'Retardataire');
    const seen = await late.waitForState((state) => state.timer.status === 'running');
    expect(seen.timer.endsAt).toBe(endsAt);
  });

  it('after a restart, only the people really there count as connected', async () => {
    const { server, restart } = await boot();
    const board = await createBoard(server.url, { title: 'Présence' });
    const before = join(server, board.id, 'Avant');
    await before.waitForState((state) =>
      state.participants.some((person) => person.name === 'Avant' && person.connected),
    );
    before.socket.io.opts.reconnection = false;
    // A crash: nobody gets to say goodbye, the stored state still lists "Avant" as connected.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const second = await restart('SIGKILL');
    before.close();
    const after = join(second, board.id, 'Après');
    const state = await after.waitForState(
      (candidate) => candidate.participants.some((person) => person.name === 'Avant' && !person.connected),
      'Avant marked gone',
    );
    expect(state.participants.find((person) => person.name === 'Après')?.connected).toBe(true);
  });

  it('people arriving together on a board new to this process all count as connected', async () => {
    // The process checks who is really there when it first sees a board; arrivals stored while it looks
    // were once marked gone for good.
    const { server } = await boot();
    for (let round = 0; round < 3; round++) {
      const board = await createBoard(server.url, { title: `Arrivées ${round}` });
      // One arrival every few milliseconds, so that some land while the process looks.
      const people: TestSessionClient[] = [];
      for (let n = 0; n < 16; n++) {
        people.push(join(server, board.id, `Personne ${n}`));
        await new Promise((resolve) => setTimeout(resolve, 4 + round * 3));
      }
      await Promise.all(people.map((person) => person.connected()));
      const seen = await people[0]!.waitForState(
        (state) => state.participants.filter((person) => person.connected).length === people.length,
        'everyone connected',
      );
      expect(seen.participants.every((person) => person.connected)).toBe(true);
    }
  });

  it('vote limits hold when many participants vote at once', async () => {
    const { server } = await boot();
    const board = await createBoard(server.url, { title: 'Vote', template: 'ideation' });
    const facilitator = join(server, board.id, 'Anim', board.facilitatorKey);
    await facilitator.connected();
    expect(
      await facilitator.command({ type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 1, anonymous: true }),
    ).toEqual({
      ok: true,
    });
    // Real notes on the canvas: votes go on notes only.
    const writer = connectSocketIoClient(server.url, { boardId: board.id, name: 'Scribe' });
    const reader = connectSocketIoClient(server.url, { boardId: board.id, name: 'Lecteur' });
    cleanups.push(
      () => writer.close(),
      () => reader.close(),
    );
    await Promise.all([writer.loaded, reader.loaded]);
    const items = ['A', 'B', 'C', 'D', 'E'].map((text, i) =>
      writer.addNote(`idée ${text}`, { x: i * 250, y: 0 }),
    );
    await reader.waitFor(() => reader.notes().length === items.length, 5000, 'the notes in the room');

    const voters = Array.from({ length: 24 }, (_, i) => join(server, board.id, `Votant ${i}`));
    await Promise.all(voters.map((voter) => voter.connected()));
    expect(await voters[0]?.command({ type: 'vote.cast', itemId: 'shape:not-there' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    // Every voter tries 5 items plus a second dot on the first: only 3 dots each may land.
    const acks = await Promise.all(
      voters.flatMap((voter) =>
        [...items, items[0]].map((itemId) => voter.command({ type: 'vote.cast', itemId })),
      ),
    );
    const accepted = acks.filter((ack) => ack.ok).length;
    const refused = acks.filter((ack) => !ack.ok);
    expect(accepted).toBe(24 * 3);
    expect(refused.every((ack) => !ack.ok && ack.error.code === 'limit_exceeded')).toBe(true);

    const view = await facilitator.waitForState((state) => state.vote?.dotsCast === 72, '72 dots');
    expect(view.vote?.voterCount).toBe(24);
    expect(view.vote?.results?.reduce((sum, result) => sum + result.count, 0)).toBe(72);
    for (const voter of voters) {
      const mine = await voter.waitForState((state) => state.vote?.myDotsLeft === 0, 'no dots left');
      expect(Object.values(mine.vote?.myVotes ?? {}).every((dots) => dots === 1)).toBe(true);
      // Participants do not see the counts before the reveal.
      expect(mine.vote?.results).toBeNull();
    }
  });

  it('REST commands work with the key and are refused without it', async () => {
    const { server } = await boot();
    const board = await createBoard(server.url, { title: 'REST', template: 'codev-flash' });
    expect((await restCommand(server, board.id, { type: 'step.next' })).status).toBe(401);
    const wrong = await restCommand(server, board.id, { type: 'step.next' }, 'not-the-key');
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.code).toBe('forbidden');
    const invalid = await restCommand(server, board.id, { type: 'step.teleport' }, board.facilitatorKey);
    expect(invalid.status).toBe(400);
    const before = await sessionOf(server, board.id);
    const ok = await restCommand(server, board.id, { type: 'step.next' }, board.facilitatorKey);
    expect(ok.status).toBe(200);
    expect(ok.body.currentStepId).not.toBe(before.currentStepId);
    expect(ok.body.currentStepId).toBe(before.steps[1]?.id);
    const unknown = await restCommand(
      server,
      'AAAAAAAAAAAAAAAAAAAAAA',
      { type: 'step.next' },
      board.facilitatorKey,
    );
    expect(unknown.status).toBe(404);
  });

  it('answers clock probes with its own time', async () => {
    const { server } = await boot();
    const board = await createBoard(server.url);
    const client = join(server, board.id, 'Horloge');
    await client.connected();
    const clientSentAt = Date.now();
    const response = await new Promise<{ clientSentAt: number; serverTime: number }>((resolve) =>
      client.socket.emit('time:sync', { clientSentAt }, resolve),
    );
    expect(response.clientSentAt).toBe(clientSentAt);
    expect(Math.abs(response.serverTime - Date.now())).toBeLessThan(1000);
  });
});
