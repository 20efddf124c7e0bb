// The one door to every limit counted per address or per key: with Redis (`REDIS_URL`) they are
// shared by all processes and survive a restart; without, they are counted in this process.
import type { Redis } from 'ioredis';
import {
  MemoryConnectionCounter,
  RedisConnectionCounter,
  type ConnectionCounter,
  type ConnectionCounterOptions,
} from './connection-counter';
import { addressRate, type AddressRate, type AddressRateOptions } from '../http/address-rate';

export interface SharedLimits {
  /** A budget of hits per key (an address…) and window; each `name` is its own budget. */
  budget(options: Omit<AddressRateOptions, 'redis'>): AddressRate;
  connections(options: ConnectionCounterOptions): ConnectionCounter;
}

export function sharedLimits(backend?: { redis: Redis; keyPrefix: string }): SharedLimits {
  if (!backend) {
    return {
      budget: (options) => addressRate(options),
      connections: (options) => new MemoryConnectionCounter(options),
    };
  }
  return {
    budget: (options) => addressRate({ ...options, redis: backend.redis }),
    connections: (options) => new RedisConnectionCounter({ ...options, ...backend }),
  };
}

export type { ConnectionCounter, ConnectionSlot } from './connection-counter';
export type { AddressRate, RateVerdict } from '../http/address-rate';
