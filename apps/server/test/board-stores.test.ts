// The embedded and the Redis store pass the same contract.
import { randomBytes } from 'node:crypto';
import { createSession } from '@atelier/session';
import { DEFAULT_INITIAL_SNAPSHOT, type RoomSnapshot } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { startRedis, tempDir, type RunningRedis } from '@atelier/testkit';
import { boardStoreContract } from '../src/store/board-store.contract';
import { RedisBoardStore } from '../src/store/redis-board-store';
import { SqliteBoardStore } from '../src/store/sqlite-board-store';
import { redisLeftovers, sqliteLeftovers } from './store-leftovers';

const logger = pino({ level: 'silent' });

boardStoreContract('sqlite', {
  create: async () => new SqliteBoardStore(tempDir()),
  createSharing: async (store) => new SqliteBoardStore((store as SqliteBoardStore).dataDir),
  leftovers: async (store, boardId) => sqliteLeftovers((store as SqliteBoardStore).dataDir, boardId),
});

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

let prefixCounter = 0;
boardStoreContract('redis', {
  create: async () => {
    prefixCounter += 1;
    return new RedisBoardStore({
      url: redis.url,
      keyPrefix: `contract${prefixCounter}:`,
      saveDelayMs: 50,
      logger,
    });
  },
  createSharing: async (store) =>
    new RedisBoardStore({
      url: redis.url,
      keyPrefix: (store as RedisBoardStore).keyPrefix,
      saveDelayMs: 50,
      logger,
    }),
  leftovers: (store, boardId) => redisLeftovers(redis.url, (store as RedisBoardStore).keyPrefix, boardId),
});

describe('the embedded store at close', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the tombstone pruning a delete left pending, so no timer throws on a closed database', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = new SqliteBoardStore(tempDir());
    const id = randomBytes(16).toString('base64url');
    await store.createBoard(
      {
        meta: { id, title: 'Tombstones', template: 'blank', createdAt: '2026-11-29T10:00:00.000Z' },
        facilitatorKeyHash: 'a'.repeat(64),
      },
      structuredClone(DEFAULT_INITIAL_SNAPSHOT) as RoomSnapshot,
      createSession({ steps: [], now: 1_000 }),
    );
    const room = await store.openRoom(id);
    // A delete leaves a tombstone and schedules tldraw's throttled pruning (1 s later).
    room.storage.transaction((txn) => txn.delete('page:page' as TLRecord['id']));
    await room.close();
    await store.close();
    expect(() => vi.advanceTimersByTime(5_000)).not.toThrow();
  });
});
