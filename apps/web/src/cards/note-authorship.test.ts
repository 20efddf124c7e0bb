import type { TLShape } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { NoteMetaKey, stampNoteAuthor } from './note-authorship';

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
      [NoteMetaKey.author]: 'user-1',
      [NoteMetaKey.createdAt]: 1_700_000_000_000,
    });
  });

  it('makes a copy of someone else’s note the copier’s', () => {
    const copy = stampNoteAuthor(
      shape('note', { [NoteMetaKey.author]: 'someone', [NoteMetaKey.createdAt]: 1 }),
      'me',
      2,
    );
    expect(copy.meta).toMatchObject({ [NoteMetaKey.author]: 'me', [NoteMetaKey.createdAt]: 2 });
  });

  it('leaves every other shape as it is', () => {
    const geo = shape('geo');
    expect(stampNoteAuthor(geo, 'me', 2)).toBe(geo);
  });
});
