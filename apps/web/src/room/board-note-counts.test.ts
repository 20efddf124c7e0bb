import { noteMetaKey } from '@atelier/board-schema';
import { describe, expect, it } from 'vitest';
import { boardNoteCounts } from './board-note-counts';

const note = (author: string | null, createdAt?: number) => ({
  type: 'note',
  meta: {
    ...(author ? { [noteMetaKey.author]: author } : {}),
    ...(createdAt !== undefined ? { [noteMetaKey.createdAt]: createdAt } : {}),
  },
});

describe('notes per author in the current step (S-ROOM-4)', () => {
  it('counts authored notes created since the step was entered', () => {
    const shapes = [note('alice', 100), note('alice', 200), note('bob', 50), note(null, 300), note('carol')];
    expect(boardNoteCounts(shapes, 100)).toEqual({ alice: 2 });
    expect(boardNoteCounts(shapes, null)).toEqual({ alice: 2, bob: 1, carol: 1 });
    expect(boardNoteCounts([{ type: 'geo', meta: { [noteMetaKey.author]: 'alice' } }], null)).toEqual({});
  });

  it('takes any user id as a plain key', () => {
    expect(boardNoteCounts([note('__proto__', 1), note('__proto__', 2)], 0)).toEqual({ __proto__: 2 });
  });
});
