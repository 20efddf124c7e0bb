import { describe, expect, it } from 'vitest';
import type { SessionLogEntry, VoteState } from '@atelier/protocol';
import { digestVotes } from './vote-digest';

const settings = { dotsPerPerson: 3, maxDotsPerItem: 2, anonymous: true };

describe('digestVotes', () => {
  it('keeps closed votes from the log and counts the live one from its ballots', () => {
    const log: SessionLogEntry[] = [
      { type: 'vote.opened', at: 1, voteId: 'v1', frameId: 'shape:f', ...settings },
      {
        type: 'vote.closed',
        at: 2,
        voteId: 'v1',
        voterCount: 2,
        results: [
          { itemId: 'shape:a', count: 3, rank: 1 },
          { itemId: 'shape:b', count: 0, rank: 2 },
        ],
      },
      { type: 'vote.cleared', at: 3, voteId: 'v1' },
      // Cleared before it closed: nothing to report.
      { type: 'vote.opened', at: 4, voteId: 'v2', ...settings },
      { type: 'vote.cleared', at: 5, voteId: 'v2' },
      { type: 'vote.opened', at: 6, voteId: 'v3', title: 'Encore', ...settings },
    ];
    const live: VoteState = {
      id: 'v3',
      status: 'open',
      revealed: false,
      title: 'Encore',
      openedAt: 6,
      ...settings,
      ballots: { u1: { 'shape:a': 1, 'shape:c': 2 }, u2: { 'shape:c': 1 } },
    };
    const votes = digestVotes(log, live);
    expect(votes.map((v) => [v.id, v.closed, v.voterCount, Object.fromEntries(v.counts)])).toEqual([
      ['v1', true, 2, { 'shape:a': 3 }],
      ['v3', false, 2, { 'shape:a': 1, 'shape:c': 3 }],
    ]);
    expect(votes[0]!.frameId).toBe('shape:f');
  });
});
