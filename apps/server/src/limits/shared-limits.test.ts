import { describe, expect, it } from 'vitest';
import { sharedLimits } from './shared-limits';

describe('connections counted in memory (no REDIS_URL)', () => {
  it('connections: the limit, then a few let in to hear why, then none; a release frees one place once', async () => {
    const counter = sharedLimits().connections({ limit: 2, overflow: 1 });
    const first = await counter.acquire('a');
    const second = await counter.acquire('a');
    const third = await counter.acquire('a');
    expect([first?.over, second?.over, third?.over]).toEqual([false, false, true]);
    expect(await counter.acquire('a')).toBeNull();
    expect((await counter.acquire('b'))?.over).toBe(false);
    first?.release();
    first?.release();
    const again = await counter.acquire('a');
    expect(again?.over).toBe(true);
    expect(await counter.acquire('a')).toBeNull();
  });
});
