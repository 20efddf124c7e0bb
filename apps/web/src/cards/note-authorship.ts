// Who wrote a sticky note and when, in its meta, for the report and the notes CSV (read by
// @atelier/export). Stamped by the browser where the note is created, never by a remote change.
import type { Editor, TLShape } from 'tldraw';

export const NoteMetaKey = {
  author: 'atelier.author',
  createdAt: 'atelier.createdAt',
} as const;

/** The note as the local user creates it (a copy of someone else's note becomes theirs). */
export function stampNoteAuthor<S extends TLShape>(shape: S, userId: string, now: number): S {
  if (shape.type !== 'note') return shape;
  return { ...shape, meta: { ...shape.meta, [NoteMetaKey.author]: userId, [NoteMetaKey.createdAt]: now } };
}

/** Stamps every note this user creates; returns the unsubscribe function. */
export function registerNoteAuthorship(
  editor: Editor,
  userId: string,
  now: () => number = Date.now,
): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' ? stampNoteAuthor(shape, userId, now()) : shape,
  );
}
