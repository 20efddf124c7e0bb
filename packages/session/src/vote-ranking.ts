// Pure reckoning of a vote's counts (SPEC S-VOTE-6, S-VOTE-8, S-DECIDE-1): ranks, totals per zone,
// and the cut for the places a step needs, where a tie is shown, never broken by any order.
import type { VoteCount, VoteResult } from '@atelier/protocol';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most first, equal counts by item id: a stable order to show, never a tie-break. */
export function sortCounts<T extends VoteCount>(counts: readonly T[]): T[] {
  return [...counts].sort((a, b) => b.count - a.count || byId(a.itemId, b.itemId));
}

/** Ranked results from counts per item: equal counts share a rank (1, 1, 3) (S-VOTE-6). */
export function rankCounts(counts: ReadonlyMap<string, number>): VoteResult[] {
  const sorted = sortCounts([...counts].map(([itemId, count]) => ({ itemId, count })));
  let rank = 0;
  return sorted.map((result, index) => {
    if (index === 0 || sorted[index - 1]?.count !== result.count) rank = index + 1;
    return { ...result, rank };
  });
}

/**
 * S-VOTE-8: a notes vote's results summed per zone (`zoneOf` says which zone holds a note: a PGO
 * theme's column…; null when none), ranked as S-VOTE-6. Notes outside every zone are left out.
 * For a vote on zones the results are already per zone.
 */
export function resultsPerZone(
  results: readonly VoteCount[],
  zoneOf: (itemId: string) => string | null | undefined,
): VoteResult[] {
  const totals = new Map<string, number>();
  for (const { itemId, count } of results) {
    const zone = zoneOf(itemId);
    if (zone) totals.set(zone, (totals.get(zone) ?? 0) + count);
  }
  return rankCounts(totals);
}

export interface Cut {
  /** Past the cut for sure, most dots first. */
  retained: VoteCount[];
  /** Tied at the cut: more items than places left share the count of the last place. */
  tied: VoteCount[];
  /** The places the tied compete for (0 without a tie). */
  placesLeft: number;
}

/**
 * S-DECIDE-1: the winners of `places` among `counts`. When the item in the last place has as many
 * dots as the first one left out, every item with that count is tied for the places left; the
 * order of the items never breaks it. Fewer items than places: all of them are retained.
 */
export function cutAt(counts: readonly VoteCount[], places: number): Cut {
  const ranked = sortCounts(counts);
  if (ranked.length <= places) return { retained: ranked, tied: [], placesLeft: 0 };
  const last = ranked[places - 1]!.count;
  const firstOut = ranked[places]!.count;
  if (firstOut < last) return { retained: ranked.slice(0, places), tied: [], placesLeft: 0 };
  const retained = ranked.filter((item) => item.count > last);
  return {
    retained,
    tied: ranked.filter((item) => item.count === last),
    placesLeft: places - retained.length,
  };
}
