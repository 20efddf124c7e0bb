import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit per window and per key, then refuses until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.exceeded('a')).toBe(true);
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    now = 1000;
    expect(limiter.exceeded('a')).toBe(false);
    expect(limiter.take('a')).toBe(true);
  });
});
