// Redis goes away while boards are in use. Connected people keep working together (the room lives
// in the server's memory), /readyz says the service is degraded, and once Redis is back every
// change is saved without anyone doing anything: checked by reading Redis itself, then by killing
// the server outright and reading the board from a fresh one.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  restartableServer,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { sleep, startControllableRedis, until, type PersistentRedis } from './support';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function health(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

async function setUp(persist: boolean) {
  const redis = await startControllableRedis(persist);
  cleanups.push(() => redis.stop());
  const start = restartableServer({ redisUrl: redis.url }, (server) =>
    cleanups.push(() => server.stop('SIGKILL')),
  );
  const connect = (url: string, boardId: string, name: string): TestSyncClient => {
    const client = connectSocketIoClient(url, { boardId, name });
    cleanups.push(() => client.close());
    return client;
  };
  const inspector = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  inspector.on('error', () => {});
  cleanups.push(() => inspector.disconnect());
  /** Ids of the notes Redis holds for the board right now. */
  const savedNoteIds = async (boardId: string): Promise<Set<string>> => {
    const docs = await inspector.hgetall(`atelier:board:{${boardId}}:docs`);
    return new Set(
      Object.values(docs)
        .map((raw) => (JSON.parse(raw) as { state: { id: string; type?: string } }).state)
        .filter((state) => state.type === 'note')
        .map((state) => state.id),
    );
  };
  return { redis, start, connect, savedNoteIds };
}

/** Redis down for `outageMs` while Alice writes and Bob watches; returns every note id written. */
async function outage(
  redis: PersistentRedis,
  server: RunningServer,
  alice: TestSyncClient,
  bob: TestSyncClient,
  outageMs: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(alice.addNote(`avant ${i}`, { x: i * 150, y: 0 }));
  await bob.waitFor(() => bob.hasNoteWithText('avant 4'), 10_000, 'the notes written before the outage');

  const stoppedAt = Date.now();
  await redis.stop();
  await until(async () => (await health(server.url)) === 503, 10_000, '/readyz to report 503');
  // Still live for the people already here, in both directions.
  for (let i = 0; i < 10; i++) {
    ids.push(alice.addNote(`pendant ${i}`, { x: i * 150, y: 200 }));
    ids.push(bob.addNote(`bob pendant ${i}`, { x: i * 150, y: 400 }));
    await sleep(100);
  }
  await bob.waitFor(
    () => bob.hasNoteWithText('pendant 9'),
    10_000,
    "Alice's notes at Bob's during the outage",
  );
  await alice.waitFor(() => alice.hasNoteWithText('bob pendant 9'), 10_000, "Bob's notes at Alice's");
  expect(await health(server.url)).toBe(503);
  await sleep(Math.max(0, outageMs - (Date.now() - stoppedAt)));

  await redis.start();
  await until(async () => (await health(server.url)) === 200, 15_000, '/readyz back to 200');
  ids.push(alice.addNote('après', { x: 0, y: 600 }));
  return ids;
}

describe('Redis outage', () => {
  it('Redis stopped for 10 s and restarted with its data: service carries on, everything is saved', async () => {
    const { redis, start, connect, savedNoteIds } = await setUp(true);
    const server = await start();
    const board = await createBoard(server.url);
    const alice = connect(server.url, board.id, 'Alice');
    const bob = connect(server.url, board.id, 'Bob');
    await Promise.all([alice.loaded, bob.loaded]);

    const ids = await outage(redis, server, alice, bob, 10_000);
    await until(
      async () => {
        const saved = await savedNoteIds(board.id);
        return ids.every((id) => saved.has(id));
      },
      15_000,
      'every note saved in Redis after it came back',
    );
    // Killed outright: only what reached Redis counts.
    await server.stop('SIGKILL');
    const restarted = await start();
    const reader = connect(restarted.url, board.id, 'Reader');
    await reader.loaded;
    expect(new Set(reader.notes().map((note) => note.id))).toEqual(new Set(ids));
    console.log(`faults: redis outage 10 s: 0 of ${ids.length} notes lost, /readyz 503 during the outage`);
  });

  it('Redis restarted empty: the server writes the whole board back, metadata and session included', async () => {
    const { redis, start, connect, savedNoteIds } = await setUp(false);
    const server = await start();
    const board = await createBoard(server.url, { title: 'Reprise', template: 'blank' });
    const alice = connect(server.url, board.id, 'Alice');
    const bob = connect(server.url, board.id, 'Bob');
    await Promise.all([alice.loaded, bob.loaded]);

    const ids = await outage(redis, server, alice, bob, 3000);
    await until(
      async () => {
        const saved = await savedNoteIds(board.id);
        return ids.every((id) => saved.has(id));
      },
      15_000,
      'the whole board rewritten in Redis',
    );
    await server.stop('SIGKILL');
    const restarted = await start();
    const meta = await fetch(`${restarted.url}/api/boards/${board.id}`);
    expect(meta.status).toBe(200);
    expect(await meta.json()).toMatchObject({ id: board.id, title: 'Reprise' });
    expect((await fetch(`${restarted.url}/api/boards/${board.id}/session`)).status).toBe(200);
    const reader = connect(restarted.url, board.id, 'Reader');
    await reader.loaded;
    expect(new Set(reader.notes().map((note) => note.id))).toEqual(new Set(ids));
    // The document's own records came back too, not only the notes.
    expect(reader.store.get('page:page' as never)).toBeDefined();
    expect(server.output()).toContain('rewriting it in full');
  });
});
