import type { PublicVote } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { voteActions, voteBadges, voteItemForShape, voteItemIds, type ShapeLike } from './vote-view';

const shapes: ShapeLike[] = [
  { id: 'shape:frame', type: 'frame', parentId: 'page:page' },
  { id: 'shape:zone', type: 'frame', parentId: 'shape:frame' },
  { id: 'shape:in', type: 'note', parentId: 'shape:frame' },
  { id: 'shape:deep', type: 'note', parentId: 'shape:zone' },
  { id: 'shape:out', type: 'note', parentId: 'page:page' },
  { id: 'shape:text', type: 'text', parentId: 'shape:frame' },
];

function vote(overrides: Partial<PublicVote> = {}): PublicVote {
  return {
    id: 'v1',
    status: 'open',
    revealed: false,
    dotsPerPerson: 3,
    maxDotsPerItem: 2,
    anonymous: true,
    openedAt: 0,
    voterCount: 2,
    dotsCast: 4,
    results: null,
    myVotes: {},
    myDotsLeft: 3,
    ...overrides,
  };
}

describe('voteItemIds', () => {
  it('counts every note of the page without a frame', () => {
    expect(voteItemIds(shapes)).toEqual(['shape:in', 'shape:deep', 'shape:out']);
  });

  it('counts only the notes inside the vote’s frame, at any depth', () => {
    expect(voteItemIds(shapes, { frameId: 'shape:frame' })).toEqual(['shape:in', 'shape:deep']);
    expect(voteItemIds(shapes, { frameId: 'shape:zone' })).toEqual(['shape:deep']);
  });

  it('S-VOTE-7: a vote on zones counts the frames right inside its frame, a run-off only its candidates', () => {
    expect(voteItemIds(shapes, { itemKind: 'zone', frameId: 'shape:frame' })).toEqual(['shape:zone']);
    expect(voteItemIds(shapes, { itemKind: 'zone' })).toEqual(['shape:frame']);
    expect(voteItemIds(shapes, { frameId: 'shape:frame', candidates: ['shape:deep', 'shape:out'] })).toEqual([
      'shape:deep',
    ]);
  });

  it('S-VOTE-7: a tapped note or header stands for its zone; outside the candidates, for nothing', () => {
    const byId = new Map(
      [...shapes, { id: 'shape:header', type: 'geo', parentId: 'shape:zone' }].map((shape) => [
        shape.id,
        { ...shape, typeName: 'shape' },
      ]),
    );
    const getShape = (id: string) => byId.get(id);
    const zones = { itemKind: 'zone', frameId: 'shape:frame' } as const;
    expect(voteItemForShape(getShape, 'shape:header', zones)).toBe('shape:zone');
    expect(voteItemForShape(getShape, 'shape:deep', zones)).toBe('shape:zone');
    expect(voteItemForShape(getShape, 'shape:in', zones)).toBeNull();
    expect(voteItemForShape(getShape, 'shape:deep', { frameId: 'shape:frame' })).toBe('shape:deep');
    expect(voteItemForShape(getShape, 'shape:deep', { ...zones, candidates: ['shape:other'] })).toBeNull();
  });

  it('does not loop on a broken parent chain', () => {
    const cycle: ShapeLike[] = [
      { id: 'a', type: 'frame', parentId: 'b' },
      { id: 'b', type: 'frame', parentId: 'a' },
      { id: 'n', type: 'note', parentId: 'a' },
    ];
    expect(voteItemIds(cycle, { frameId: 'shape:frame' })).toEqual([]);
  });
});

describe('voteBadges', () => {
  it('shows a participant only their own dots before the reveal', () => {
    const badges = voteBadges(vote({ myVotes: { 'shape:in': 2 }, myDotsLeft: 1 }), voteItemIds(shapes));
    expect(badges).toEqual([{ itemId: 'shape:in', mine: 2, count: null, rank: null }]);
  });

  it('shows the counts and ranks once the results are visible', () => {
    const revealed = vote({
      revealed: true,
      myVotes: { 'shape:out': 1 },
      results: [
        { itemId: 'shape:deep', count: 3, rank: 1 },
        { itemId: 'shape:out', count: 1, rank: 2 },
        { itemId: 'shape:gone', count: 1, rank: 2 },
      ],
    });
    expect(voteBadges(revealed, voteItemIds(shapes))).toEqual([
      { itemId: 'shape:deep', mine: 0, count: 3, rank: 1 },
      { itemId: 'shape:out', mine: 1, count: 1, rank: 2 },
    ]);
  });

  it('shows nothing without a vote', () => {
    expect(voteBadges(null, ['shape:in'])).toEqual([]);
  });
});

describe('voteActions', () => {
  it('lets a person vote until their dots or the per-note limit run out', () => {
    expect(voteActions(vote(), 'shape:in')).toEqual({ canCast: true, canRetract: false });
    expect(voteActions(vote({ myVotes: { 'shape:in': 2 }, myDotsLeft: 1 }), 'shape:in')).toEqual({
      canCast: false,
      canRetract: true,
    });
    expect(voteActions(vote({ myVotes: { 'shape:out': 3 }, myDotsLeft: 0 }), 'shape:in').canCast).toBe(false);
  });

  it('allows nothing on a closed vote or without a selected note', () => {
    expect(voteActions(vote({ status: 'closed', myVotes: { 'shape:in': 1 } }), 'shape:in')).toEqual({
      canCast: false,
      canRetract: false,
    });
    expect(voteActions(vote(), null).canCast).toBe(false);
  });
});
