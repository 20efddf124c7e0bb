// The embedded and the Redis store pass the same contract.
import { afterAll, beforeAll } from 'vitest';
import pino from 'pino';
import { startRedis, tempDir, type RunningRedis } from '@atelier/testkit';
import { boardStoreContract } from '../src/store/board-store.contract';
import { RedisBoardStore } from '../src/store/redis-board-store';
import { SqliteBoardStore } from '../src/store/sqlite-board-store';

const logger = pino({ level: 'silent' });

boardStoreContract('sqlite', {
  create: async () => new SqliteBoardStore(tempDir()),
  createSharing: async (store) => new SqliteBoardStore((store as SqliteBoardStore).dataDir),
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
});
