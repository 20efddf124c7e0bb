import { describe, expect, it } from 'vitest';
import { addressRate } from './address-rate';

describe('addressRate (memory store)', () => {
  it('lets an address act `points` times per window, then says when to try again', async () => {
    const rate = addressRate({ name: 'test', points: 2, durationSeconds: 60 });
    expect(await rate.take('10.0.0.1')).toEqual({ ok: true });
    expect(await rate.take('10.0.0.1')).toEqual({ ok: true });
    const refused = await rate.take('10.0.0.1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(50);
    // Another address has its own count.
    expect(await rate.take('10.0.0.2')).toEqual({ ok: true });
  });
});
