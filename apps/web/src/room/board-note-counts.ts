// The notes each person wrote on the board during the current step, for the room overview (S-ROOM-4):
// a note counts for its author when it was created since the step was entered.
import { noteAuthor, noteMetaKey } from '@atelier/board-schema';

interface NoteLike {
  readonly type: string;
  readonly meta?: unknown;
}

/**
 * Notes per author created at or after `sinceMs` (the browser's clock, as notes are stamped); every
 * authored note when `sinceMs` is null (the session has not started).
 */
export function boardNoteCounts(shapes: Iterable<NoteLike>, sinceMs: number | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const shape of shapes) {
    if (shape.type !== 'note') continue;
    const author = noteAuthor(shape);
    if (author === null) continue;
    const createdAt = (shape.meta as Record<string, unknown> | undefined)?.[noteMetaKey.createdAt];
    if (sinceMs !== null && !(typeof createdAt === 'number' && createdAt >= sinceMs)) continue;
    counts[author] = (Object.hasOwn(counts, author) ? counts[author]! : 0) + 1;
  }
  return counts;
}
