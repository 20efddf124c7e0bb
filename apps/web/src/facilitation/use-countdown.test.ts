import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCountdownStore } from './use-countdown';

const T0 = 1_750_000_000_000;

describe('createCountdownStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('turns the second when the server clock reaches it, not the local one', () => {
    // This computer is 5 s behind the server: the deadline is 3 s away in server time.
    const offset = 5000;
    const store = createCountdownStore(
      { status: 'running', endsAt: T0 + offset + 3000, remainingMs: 3000, startedAt: T0 + offset },
      offset,
    );
    const changes: string[] = [];
    const unsubscribe = store.subscribe(() => changes.push(store.getSnapshot().display));
    expect(store.getSnapshot().display).toBe('00:03');
    vi.advanceTimersByTime(990);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(changes).toEqual(['00:02']);
    vi.advanceTimersByTime(3000);
    expect(changes).toEqual(['00:02', '00:01', '00:00', '-00:01']);
    expect(store.getSnapshot().isOvertime).toBe(true);
    unsubscribe();
    vi.advanceTimersByTime(5000);
    expect(changes).toHaveLength(4);
  });

  it('keeps the same snapshot object between changes and does not tick when paused', () => {
    const store = createCountdownStore({ status: 'paused', remainingMs: 61_000 }, 0);
    const first = store.getSnapshot();
    const onChange = vi.fn();
    store.subscribe(onChange);
    vi.advanceTimersByTime(10_000);
    expect(onChange).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(first);
    expect(first.display).toBe('01:01');
    expect(vi.getTimerCount()).toBe(0);
  });
});
