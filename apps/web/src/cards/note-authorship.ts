// Who wrote a sticky note and when, in its meta (keys from @atelier/board-schema), for the report and the
// notes CSV. Stamped by the browser where the note is created, never by a remote change; the server
// stamps the same author (W-AUTHOR), so the push is taken as it is.
import { noteMetaKey } from '@atelier/board-schema';
import type { Editor, TLShape } from 'tldraw';

/** The note as the local user creates it (a copy of someone else's note becomes theirs). */
export function stampNoteAuthor<S extends TLShape>(shape: S, userId: string, now: number): S {
  if (shape.type !== 'note') return shape;
  return { ...shape, meta: { ...shape.meta, [noteMetaKey.author]: userId, [noteMetaKey.createdAt]: now } };
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
