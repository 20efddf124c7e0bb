// Boards survive restarts: a graceful stop saves everything; clients reconnect and resync by themselves.
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  restartableServer,
  startRedis,
  type RunningRedis,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

const stores = ['sqlite', 'redis'] as const;

describe.each(stores)('durability (%s store)', (storeKind) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function boot(env: Record<string, string> = {}): Promise<{ start: () => Promise<RunningServer> }> {
    let redis: RunningRedis | undefined;
    if (storeKind === 'redis') {
      redis = await startRedis();
      cleanups.push(() => redis?.stop());
    }
    return {
      start: restartableServer({ env, ...(redis ? { redisUrl: redis.url } : {}) }, (server) =>
        cleanups.push(() => server.stop('SIGKILL')),
      ),
    };
  }

  function client(url: string, boardId: string): TestSyncClient {
    const created = connectSocketIoClient(url, { boardId });
    cleanups.push(() => created.close());
    return created;
  }

  it('SIGTERM right after a burst of edits loses none of them', async () => {
    // A long save delay: only the shutdown's own flush can have saved the burst.
    const { start } = await boot({ REDIS_SAVE_DELAY_MS: '60000' });
    const first = await start();
    const board = await createBoard(first.url);
    const writer = client(first.url, board.id);
    const observer = client(first.url, board.id);
    await Promise.all([writer.loaded, observer.loaded]);
    for (let i = 0; i < 50; i++)
      writer.addNote(`burst ${i}`, { x: (i % 10) * 220, y: Math.floor(i / 10) * 220 });
    // Seen by another client means committed by the server's room.
    await observer.waitFor(() => observer.notes().length === 50, 10_000, 'the burst at the observer');
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start();
    const reader = client(second.url, board.id);
    await reader.loaded;
    expect(reader.notes()).toHaveLength(50);
  });

  it('connected clients reconnect after a restart and keep editing together', async () => {
    const { start } = await boot();
    const first = await start();
    const board = await createBoard(first.url);
    const alice = client(first.url, board.id);
    const bob = client(first.url, board.id);
    await Promise.all([alice.loaded, bob.loaded]);
    alice.addNote('avant le redémarrage');
    await bob.waitFor(() => bob.hasNoteWithText('avant le redémarrage'));

    await first.stop('SIGTERM');
    await start();
    // Same port: both clients find the server again on their own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    bob.addNote('après le redémarrage');
    await alice.waitFor(() => alice.hasNoteWithText('après le redémarrage'), 15_000, 'a post-restart note');
    expect(alice.hasNoteWithText('avant le redémarrage')).toBe(true);
    expect(alice.notes()).toHaveLength(2);
  });
});
