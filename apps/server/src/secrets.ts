import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits, base64url (22 characters). */
export function newBoardId(): string {
  return randomBytes(16).toString('base64url');
}

/** 192 random bits: the facilitator's secret, shown once, stored only as a hash. */
export function newFacilitatorKey(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * 192 random bits: a read-only link's secret (`/v/<key>`), stored only as a hash. Nothing in it
 * leads to the board's id, which is the participant link.
 */
export function newViewerKey(): string {
  return randomBytes(24).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares a presented key with a stored hash in constant time. */
export function keyMatchesHash(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A user's public id, derived from the secret their browser keeps. The web client computes the same
 * value with WebCrypto (apps/web/src/identity.ts) so its tldraw user id matches.
 */
export function userIdFromClientKey(clientKey: string): string {
  return createHash('sha256').update(clientKey, 'utf8').digest('base64url').slice(0, 20);
}
