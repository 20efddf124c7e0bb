// The relay between server processes under attack: hostile session ids at the door, then random
// session ids and random frames published straight onto the owner's relay channel. The owner never
// dies, bystanders on both processes keep editing, and nothing acknowledged is lost.
import { TLSyncErrorCloseEventCode, TLSyncErrorCloseEventReason } from '@tldraw/sync-core';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  type RunningRedis,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

describe('the relay between processes under attack', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function twoProcesses(): Promise<{ redis: RunningRedis; a: RunningServer; b: RunningServer }> {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const [a, b] = await Promise.all([
      startServer({ redisUrl: redis.url }),
      startServer({ redisUrl: redis.url }),
    ]);
    cleanups.push(
      () => a.stop('SIGKILL'),
      () => b.stop('SIGKILL'),
    );
    return { redis, a, b };
  }

  function track<T extends { close(): void }>(client: T): T {
    cleanups.push(() => client.close());
    return client;
  }

  function expectAlive(server: RunningServer): void {
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(server.output()).not.toMatch(/uncaught|unhandled rejection|SyntaxError|FATAL/i);
  }

  /** Opens `/sync/<board>?<query>` and resolves with how the server closed it (or null if it stayed open). */
  function openNative(
    server: RunningServer,
    path: string,
  ): Promise<{ code: number; reason: string } | { open: true }> {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${path}`);
    cleanups.push(() => ws.terminate());
    return new Promise((resolve) => {
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
      ws.once('error', () => {});
      // A connection left open after a moment was accepted (and its messages relayed).
      ws.once('open', () => setTimeout(() => resolve({ open: true }), 1500));
    });
  }

  it('row 1: a NUL in a /sync session id on the non-owner is refused; the owner, its clients and their notes carry on', async () => {
    const { a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Relais' });
    // A opens the board first: it holds the lease, B relays to it.
    const onA = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await onA.loaded;
    const onB = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }));
    await onB.loaded;
    onA.addNote('acquittée avant l’attaque');
    await onB.waitFor(() => onB.hasNoteWithText('acquittée avant l’attaque'), 10_000, 'the note on B');

    for (const sessionId of ['a%00b', '%00', 'a%0Ab', 'x%20y', 'é', 'a'.repeat(65)]) {
      const outcome = await openNative(b, `${board.id}?sessionId=${sessionId}`);
      expect(outcome, sessionId).toEqual({
        code: TLSyncErrorCloseEventCode,
        reason: TLSyncErrorCloseEventReason.NOT_FOUND,
      });
    }
    // Whatever else the attacker controls (its display name) travels through the relay intact.
    const named = await openNative(b, `${board.id}?sessionId=fine&name=${encodeURIComponent('a\u0000b')}`);
    expect(named).toEqual({ open: true });

    expectAlive(a);
    expectAlive(b);
    onA.addNote('après l’attaque (A)');
    onB.addNote('après l’attaque (B)');
    for (const client of [onA, onB]) {
      await client.waitFor(
        () => client.hasNoteWithText('après l’attaque (A)') && client.hasNoteWithText('après l’attaque (B)'),
        10_000,
        'both notes written after the attack',
      );
    }
    const late: TestSyncClient = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Chloé' }));
    await late.loaded;
    expect(late.hasNoteWithText('acquittée avant l’attaque')).toBe(true);
    expectAlive(a);
  });
});

export async function ownerOf(redis: RunningRedis, boardId: string): Promise<string | null> {
  const connection = new Redis(redis.url);
  try {
    return await connection.get(`atelier:board:{${boardId}}:owner`);
  } finally {
    connection.disconnect();
  }
}
