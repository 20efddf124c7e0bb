// Every dot vote of the session, with its counts per item, read from the log and the live state.
import type { SessionLogEntry, VoteItemKind, VoteState } from '@atelier/protocol';

export interface VoteDigest {
  id: string;
  title?: string;
  frameId?: string;
  stepId?: string;
  openedAt: number;
  closedAt?: number;
  /** False while the vote is still open at export time (counts are provisional). */
  closed: boolean;
  voterCount: number;
  dotsPerPerson: number;
  anonymous: boolean;
  /** What the dots went on: notes, or zones (frames). */
  itemKind: VoteItemKind;
  /** A run-off: the vote whose tie it settled. */
  runoffOf?: string;
  /** Dots per item id (tldraw shape id); items without dots are absent. */
  counts: ReadonlyMap<string, number>;
}

/**
 * Votes in the order they were opened. A closed vote's results come from its `vote.closed` entry
 * (kept after the vote is cleared); the live vote is counted from its ballots. A vote cleared
 * before it was closed left no results and is dropped.
 */
export function digestVotes(
  log: readonly SessionLogEntry[],
  current: VoteState | null | undefined,
): VoteDigest[] {
  const byId = new Map<string, VoteDigest>();
  for (const entry of log) {
    if (entry.type === 'vote.opened') {
      byId.set(entry.voteId, {
        id: entry.voteId,
        ...(entry.title ? { title: entry.title } : {}),
        ...(entry.frameId ? { frameId: entry.frameId } : {}),
        ...(entry.stepId ? { stepId: entry.stepId } : {}),
        openedAt: entry.at,
        closed: false,
        voterCount: 0,
        dotsPerPerson: entry.dotsPerPerson,
        anonymous: entry.anonymous,
        itemKind: entry.itemKind ?? 'note',
        ...(entry.runoffOf ? { runoffOf: entry.runoffOf } : {}),
        counts: new Map(),
      });
    } else if (entry.type === 'vote.closed') {
      const vote = byId.get(entry.voteId);
      if (!vote) continue;
      vote.closed = true;
      vote.closedAt = entry.at;
      vote.voterCount = entry.voterCount;
      vote.counts = new Map(entry.results.filter((r) => r.count > 0).map((r) => [r.itemId, r.count]));
    }
  }

  // The live vote: open, or closed with its log entry lost (the log is bounded).
  if (current && !byId.get(current.id)?.closed) {
    const counts = new Map<string, number>();
    for (const ballot of Object.values(current.ballots)) {
      for (const [itemId, dots] of Object.entries(ballot))
        counts.set(itemId, (counts.get(itemId) ?? 0) + dots);
    }
    byId.set(current.id, {
      id: current.id,
      ...(current.title ? { title: current.title } : {}),
      ...(current.frameId ? { frameId: current.frameId } : {}),
      ...(current.stepId ? { stepId: current.stepId } : {}),
      openedAt: current.openedAt,
      ...(current.closedAt !== undefined ? { closedAt: current.closedAt } : {}),
      closed: current.status === 'closed',
      voterCount: Object.keys(current.ballots).length,
      dotsPerPerson: current.dotsPerPerson,
      anonymous: current.anonymous,
      itemKind: current.itemKind ?? 'note',
      ...(current.runoffOf ? { runoffOf: current.runoffOf } : {}),
      counts,
    });
  }

  return [...byId.values()]
    .filter((vote) => vote.closed || vote.id === current?.id)
    .sort((a, b) => a.openedAt - b.openedAt);
}
