// How long a board is kept without activity (P-RET in SPEC.md): one rule for the server that deletes
// and the screens that tell the facilitator when.

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long before its deletion a board's facilitator is warned (P-RET-2). */
export const RETENTION_WARNING_DAYS = 14;

/**
 * When a board last active at `lastActivityAt` (epoch ms) is deleted, with boards kept
 * `retentionDays` without activity; null when boards are kept forever (0) (P-RET-1).
 */
export function plannedDeletion(lastActivityAt: number, retentionDays: number): number | null {
  return retentionDays > 0 ? lastActivityAt + retentionDays * DAY_MS : null;
}

/** True from `RETENTION_WARNING_DAYS` before a planned deletion (P-RET-2). */
export function deletionIsNear(deletesAt: number | null, now: number): boolean {
  return deletesAt !== null && deletesAt - now <= RETENTION_WARNING_DAYS * DAY_MS;
}

/** The last activity before which a board is due for deletion at `now`; null when kept forever. */
export function retentionCutoff(now: number, retentionDays: number): number | null {
  return retentionDays > 0 ? now - retentionDays * DAY_MS : null;
}
