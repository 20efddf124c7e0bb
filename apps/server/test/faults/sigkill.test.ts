// The server is killed outright (SIGKILL, no shutdown hook) in the middle of a burst of edits from
// 20 clients. After a restart on the same port the clients come back by themselves, and every
// change the server had acknowledged is still there (Redis store: everything acknowledged more
// than a second before the kill; its save delay is 250 ms).
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  restartableServer,
  startRedis,
  type TestSyncClient,
} from '@atelier/testkit';
import { CommitLog, sleep, until } from './support';

const WRITERS = 20;

describe.each(['sqlite', 'redis'] as const)('SIGKILL during a burst (%s store)', (storeKind) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('clients reconnect by themselves and no acknowledged change is lost', async () => {
    const redis = storeKind === 'redis' ? await startRedis() : undefined;
    if (redis) cleanups.push(() => redis.stop());
    const start = restartableServer(redis ? { redisUrl: redis.url } : {}, (server) =>
      cleanups.push(() => server.stop('SIGKILL')),
    );
    const connect = (url: string, boardId: string, name: string): TestSyncClient => {
      const client = connectSocketIoClient(url, { boardId, name });
      cleanups.push(() => client.close());
      return client;
    };

    const first = await start();
    const board = await createBoard(first.url);
    const observer = connect(first.url, board.id, 'Observer');
    const writers = Array.from({ length: WRITERS }, (_, i) => connect(first.url, board.id, `Writer ${i}`));
    await Promise.all([observer.loaded, ...writers.map((writer) => writer.loaded)]);
    const commits = new CommitLog(observer);

    // Every writer adds a note every 40 ms, through the kill and the restart.
    let writing = true;
    let written = 0;
    const burst = writers.map(async (writer, w) => {
      for (let n = 0; writing; n++) {
        writer.addNote(`w${w}-n${n}`, { x: (n % 20) * 120, y: w * 150 });
        written += 1;
        await sleep(40);
      }
    });
    await until(() => commits.seenAt.size >= 600, 30_000, '600 notes committed before the kill');
    const killedAt = Date.now();
    expect(await first.stop('SIGKILL')).toBeNull();
    await sleep(300);
    await start();
    // Keep writing a little after the restart, then stop and let everything settle.
    await sleep(1500);
    writing = false;
    await Promise.all(burst);

    // Each writer proves it is back: a note written now reaches the observer.
    for (const [w, writer] of writers.entries()) writer.addNote(`back w${w}`, { x: 0, y: -200 });
    await until(
      () => writers.every((_, w) => observer.hasNoteWithText(`back w${w}`)),
      30_000,
      'every writer back online after the restart',
    );

    // Same port after the restart: the first address reaches the new process.
    const reader = connect(first.url, board.id, 'Reader');
    await reader.loaded;
    const present = new Set(reader.notes().map((note) => note.id as string));
    const acknowledged = commits.committedBefore(killedAt);
    const lost = acknowledged.filter((id) => !present.has(id));
    const lostOlderThanOneSecond = commits.committedBefore(killedAt - 1000).filter((id) => !present.has(id));
    console.log(
      `faults: sigkill ${storeKind}: ${lost.length} of ${acknowledged.length} acknowledged changes lost ` +
        `(${lostOlderThanOneSecond.length} acknowledged > 1 s before the kill); ` +
        `${written} notes written in all, ${present.size} on the board after the restart`,
    );
    expect(lostOlderThanOneSecond).toEqual([]);
    if (storeKind === 'sqlite') expect(lost).toEqual([]);
    // Offline writes (during the kill) were pushed after the reconnection: every note any writer
    // still holds is on the server.
    const held = new Set(writers.flatMap((writer) => writer.notes().map((note) => note.id as string)));
    expect([...held].filter((id) => !present.has(id))).toEqual([]);
  });
});
