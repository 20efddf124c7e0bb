import type { SessionState } from '@atelier/protocol';

/** Stamps a changed state with the next revision (S-AUTH-3); an unchanged state is returned as is. */
export function revise(before: SessionState, after: SessionState, now: number): SessionState {
  if (after === before) return before;
  return { ...after, revision: before.revision + 1, updatedAt: now };
}
