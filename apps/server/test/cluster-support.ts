// Two real server processes on one private redis-server, for the cross-process tests.
import { Redis } from 'ioredis';
import { afterEach } from 'vitest';
import { startRedis, startServer, type RunningRedis, type RunningServer } from '@atelier/testkit';

/** Call in a `describe`: what the tests start is stopped after each of them. */
export function clusterHarness() {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    cleanups,
    /** Processes A and B, started with the same extra environment. */
    async twoProcesses(
      env: Record<string, string> = {},
    ): Promise<{ redis: RunningRedis; a: RunningServer; b: RunningServer }> {
      const redis = await startRedis();
      cleanups.push(() => redis.stop());
      const [a, b] = await Promise.all([
        startServer({ redisUrl: redis.url, env }),
        startServer({ redisUrl: redis.url, env }),
      ]);
      cleanups.push(
        () => a.stop('SIGKILL'),
        () => b.stop('SIGKILL'),
      );
      return { redis, a, b };
    },
    track<T extends { close(): void }>(client: T): T {
      cleanups.push(() => client.close());
      return client;
    },
  };
}

/** The process holding a board's lease, as Redis says. */
export async function ownerOf(redis: RunningRedis, boardId: string): Promise<string | null> {
  const connection = new Redis(redis.url);
  try {
    return await connection.get(`atelier:board:{${boardId}}:owner`);
  } finally {
    connection.disconnect();
  }
}
