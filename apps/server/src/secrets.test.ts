import { describe, expect, it } from 'vitest';
import { hashKey, keyMatchesHash, newBoardId, newFacilitatorKey, userIdFromClientKey } from './secrets';

describe('secrets', () => {
  it('makes board ids of 128 random bits in URL-safe base64', () => {
    const ids = new Set(Array.from({ length: 1000 }, newBoardId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('checks a facilitator key against its stored hash only', () => {
    const key = newFacilitatorKey();
    const stored = hashKey(key);
    expect(stored).not.toContain(key);
    expect(keyMatchesHash(key, stored)).toBe(true);
    expect(keyMatchesHash(`${key}x`, stored)).toBe(false);
    expect(keyMatchesHash('', stored)).toBe(false);
  });

  it('derives a stable public user id that does not reveal the client key', () => {
    const id = userIdFromClientKey('a-client-key-of-some-length');
    expect(id).toBe(userIdFromClientKey('a-client-key-of-some-length'));
    expect(id).toHaveLength(20);
    expect(userIdFromClientKey('another-client-key-here')).not.toBe(id);
  });
});
