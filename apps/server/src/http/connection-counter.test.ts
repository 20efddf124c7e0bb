import { describe, expect, it } from 'vitest';
import { ConnectionCounter } from './connection-counter';

describe('ConnectionCounter', () => {
  it('refuses past the limit per key and frees a place on release, once', () => {
    const counter = new ConnectionCounter(2);
    const first = counter.acquire('a');
    expect(counter.acquire('a')).not.toBeNull();
    expect(counter.acquire('a')).toBeNull();
    expect(counter.acquire('b')).not.toBeNull();
    first?.();
    first?.();
    expect(counter.count('a')).toBe(1);
    expect(counter.acquire('a')).not.toBeNull();
    expect(counter.acquire('a')).toBeNull();
  });
});
