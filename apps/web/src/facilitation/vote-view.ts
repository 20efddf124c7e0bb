// What a dot vote looks like on the canvas: which items it counts (notes, or the zones of its frame),
// the person's own dots, the counts.
import { voteItemOf, type ChainShape } from '@atelier/board-schema';
import type { PublicVote, VoteItemKind } from '@atelier/protocol';

/** The little of a tldraw shape this needs (so it is testable without an editor). */
export interface ShapeLike {
  id: string;
  type: string;
  parentId: string;
}

/** What a vote counts: its kind, its frame, a run-off's candidates. */
export interface VoteScope {
  itemKind?: VoteItemKind | undefined;
  frameId?: string | undefined;
  candidates?: readonly string[] | undefined;
}

function insideFrame(shape: ShapeLike, frameId: string, parentOf: ReadonlyMap<string, string>): boolean {
  const seen = new Set<string>();
  for (let parent = shape.parentId; parent && !seen.has(parent); parent = parentOf.get(parent) ?? '') {
    if (parent === frameId) return true;
    seen.add(parent);
  }
  return false;
}

/**
 * The items a vote counts (S-VOTE-7): the notes of the page, or only those inside the vote's frame
 * (at any depth); for a vote on zones, the frames right inside the vote's frame (the PGO themes'
 * columns), or the page's frames without one. A run-off counts only its candidates.
 */
export function voteItemIds(shapes: readonly ShapeLike[], scope: VoteScope = {}): string[] {
  const { frameId, candidates } = scope;
  let ids: string[];
  if (scope.itemKind === 'zone') {
    ids = shapes
      .filter(
        (shape) =>
          shape.type === 'frame' &&
          (frameId === undefined ? !shape.parentId.startsWith('shape:') : shape.parentId === frameId),
      )
      .map((shape) => shape.id);
  } else {
    const parentOf = new Map(shapes.map((shape) => [shape.id, shape.parentId]));
    ids = shapes
      .filter(
        (shape) => shape.type === 'note' && (frameId === undefined || insideFrame(shape, frameId, parentOf)),
      )
      .map((shape) => shape.id);
  }
  return candidates ? ids.filter((id) => candidates.includes(id)) : ids;
}

/**
 * The item a tapped or selected shape stands for: a note itself, or the zone it lies in (a column
 * for its header or a note in it); null for none. `getShape` reads the board.
 */
export function voteItemForShape(
  getShape: (id: string) => ChainShape | undefined,
  shapeId: string,
  scope: VoteScope,
): string | null {
  const chain: ChainShape[] = [];
  for (let shape = getShape(shapeId); shape && chain.length < 32;) {
    chain.push(shape);
    shape = shape.parentId?.startsWith('shape:') ? getShape(shape.parentId) : undefined;
  }
  const item = voteItemOf(chain, scope);
  return item !== null && (!scope.candidates || scope.candidates.includes(item)) ? item : null;
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
