// How often one address may do something, across every server process when they share a Redis
// (rate-limiter-flexible's Redis store), in this process's memory otherwise. A small interface, so a
// route does not care which store counts for it.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface AddressRate {
  /** Counts one action of `address`; refused past the limit, with when to try again. */
  take(address: string): Promise<RateVerdict>;
  /**
   * Drops the shared counters whose key starts with `prefix` (a deleted board's). In memory they
   * are left to expire with their window.
   */
  forget(prefix: string): Promise<void>;
}

export interface AddressRateOptions {
  /** What is counted, unique per limit (a Redis key prefix). */
  name: string;
  points: number;
  durationSeconds: number;
  /** Shared by every process; while it is unreachable, each process counts on its own. */
  redis?: Redis;
}

export function addressRate({ name, points, durationSeconds, redis }: AddressRateOptions): AddressRate {
  const redisPrefix = `atelier:rate:${name}`;
  const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
  const limiter = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: redisPrefix,
        points,
        duration: durationSeconds,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async forget(prefix) {
      if (!redis) return;
      // rate-limiter-flexible names each counter `<keyPrefix>:<key>`; a glob must not see `prefix` as one.
      const pattern = `${redisPrefix}:${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    },
    async take(address) {
      try {
        await limiter.consume(address);
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
  };
}
