import type { TLShape } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { noteMetaKey } from '@atelier/board-schema';
import { stampNoteAuthor } from './note-authorship';

const shape = (type: string, meta: Record<string, unknown> = {}) =>
  ({ id: 'shape:a', type, meta }) as unknown as TLShape;

describe('stampNoteAuthor', () => {
  it('writes the author and the creation time on a note, keeping its other meta', () => {
    const stamped = stampNoteAuthor(
      shape('note', { 'atelier.zone': { kind: 'group', group: 1 } }),
      'user-1',
      1_700_000_000_000,
    );
    expect(stamped.meta).toEqual({
      'atelier.zone': { kind: 'group', group: 1 },
      [noteMetaKey.author]: 'user-1',
      [noteMetaKey.createdAt]: 1_700_000_000_000,
    });
  });

  it('makes a copy of someone else’s note the copier’s', () => {
    const copy = stampNoteAuthor(
      shape('note', { [noteMetaKey.author]: 'someone', [noteMetaKey.createdAt]: 1 }),
      'me',
      2,
    );
    expect(copy.meta).toMatchObject({ [noteMetaKey.author]: 'me', [noteMetaKey.createdAt]: 2 });
  });

  it('leaves every other shape as it is', () => {
    const geo = shape('geo');
    expect(stampNoteAuthor(geo, 'me', 2)).toBe(geo);
  });
});
