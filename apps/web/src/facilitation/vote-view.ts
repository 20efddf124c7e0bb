// What a dot vote looks like on the canvas: which notes count, the person's own dots, the counts.
import type { PublicVote } from '@atelier/protocol';

/** The little of a tldraw shape this needs (so it is testable without an editor). */
export interface ShapeLike {
  id: string;
  type: string;
  parentId: string;
}

/**
 * The notes a vote counts: every note of the page, or only those inside the vote's frame (at
 * any depth) when it has one.
 */
export function voteItemIds(shapes: readonly ShapeLike[], frameId?: string): string[] {
  const notes = shapes.filter((shape) => shape.type === 'note');
  if (frameId === undefined) return notes.map((note) => note.id);
  const parentOf = new Map(shapes.map((shape) => [shape.id, shape.parentId]));
  return notes
    .filter((note) => {
      const seen = new Set<string>();
      for (let parent = note.parentId; parent && !seen.has(parent); parent = parentOf.get(parent) ?? '') {
        if (parent === frameId) return true;
        seen.add(parent);
      }
      return false;
    })
    .map((note) => note.id);
}

const ownCount = (record: Record<string, number> | undefined, key: string): number =>
  record && Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;

export interface VoteBadge {
  itemId: string;
  /** The person's own dots on the note. */
  mine: number;
  /** Everyone's dots, once the person may see them (always for the facilitator). */
  count: number | null;
  rank: number | null;
}

/** One badge per counted note that has dots the person may see, in `itemIds` order. */
export function voteBadges(vote: PublicVote | null, itemIds: readonly string[]): VoteBadge[] {
  if (!vote) return [];
  const results = new Map((vote.results ?? []).map((result) => [result.itemId, result]));
  const badges: VoteBadge[] = [];
  for (const itemId of itemIds) {
    const mine = ownCount(vote.myVotes, itemId);
    const result = results.get(itemId);
    const count = vote.results === null ? null : (result?.count ?? 0);
    if (mine === 0 && !count) continue;
    badges.push({ itemId, mine, count, rank: result?.rank ?? null });
  }
  return badges;
}

export interface VoteActions {
  canCast: boolean;
  canRetract: boolean;
}

/** Whether the person may put a dot on, or take one back from, `itemId` right now. */
export function voteActions(vote: PublicVote | null, itemId: string | null): VoteActions {
  if (!vote || vote.status !== 'open' || itemId === null) return { canCast: false, canRetract: false };
  const mine = ownCount(vote.myVotes, itemId);
  return {
    canCast: (vote.myDotsLeft ?? 0) > 0 && mine < vote.maxDotsPerItem,
    canRetract: mine > 0,
  };
}
