// Sticky notes for tests and the benchmark: board-schema's record, and the author meta the web app writes.
import { noteMetaKey } from '@atelier/board-schema';
import type { TLNoteShape } from '@tldraw/tlschema';

export { noteRecord, type NoteRecordOptions } from '@atelier/board-schema';

/** A note's author in its meta, as the web app writes it (the server keeps it when it is the writer's). */
export function authorMeta(userId: string): TLNoteShape['meta'] {
  return { [noteMetaKey.author]: userId };
}
