// How often one address may do something, across every server process when they share a Redis
// (rate-limiter-flexible's Redis store), in this process's memory otherwise. A small interface, so a
// route does not care which store counts for it.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface AddressRate {
  /** Counts one action of `address`; refused past the limit, with when to try again. */
  take(address: string): Promise<RateVerdict>;
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
  const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
  const limiter = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `atelier:rate:${name}`,
        points,
        duration: durationSeconds,
        insuranceLimiter: memory,
      })
    : memory;
  return {
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
