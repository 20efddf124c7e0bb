/**
 * Who may write what on a board, decided for one record at a time (rules W-… in SPEC.md). Pure and O(1)
 * per record: the server runs it on every record of every push, the web app to mirror it in the editor.
 */
import type { BoardRole } from '@atelier/protocol';
import { noteAuthor, noteMetaKey } from './authorship';
import { isScaffolding } from './scaffolding';

export const WriteRule = {
  /** W-VIEWER: a viewer writes nothing. */
  viewer: 'W-VIEWER',
  /** W-PAGE: pages and the document record are the facilitator's. */
  page: 'W-PAGE',
  /** W-SCAFFOLD: a scaffolding record is changed or deleted by the facilitator only. */
  scaffolding: 'W-SCAFFOLD',
  /** W-MARK: only the facilitator creates a marked record or adds the mark. */
  mark: 'W-MARK',
  /** W-TYPE: a shape keeps its type. */
  type: 'W-TYPE',
  /** W-AUTHOR: a note's author is the server's word. */
  author: 'W-AUTHOR',
  /** W-NOTE-DELETE: deleting someone else's note is the facilitator's. */
  noteDelete: 'W-NOTE-DELETE',
  /** W-PRIVATE: during a private step, a participant's new ideas go to their private list, not the board. */
  privateStep: 'W-PRIVATE',
} as const;
export type WriteRule = (typeof WriteRule)[keyof typeof WriteRule];

export interface Writer {
  role: BoardRole;
  /** The id the server derived for this person (never one the client claims). */
  userId: string;
}

/** The least of a tldraw record the rules read. */
export interface WritableRecord {
  readonly id: string;
  readonly typeName: string;
  readonly type?: string;
  readonly meta?: unknown;
}

/** What the rules read of the board's moment (the session's current step), beside the record. */
export interface BoardMoment {
  /** The current step is private (session S-PRIV): nobody's ideas are shared before its reveal. */
  privateStep?: boolean;
}

export type RecordWrite<R extends WritableRecord> =
  { type: 'create'; next: R } | { type: 'update'; prev: R; next: R } | { type: 'delete'; prev: R };

export type WriteDecision<R extends WritableRecord> =
  | {
      allowed: true;
      /** What to store: on create, `next` with its author stamped; else the record as given. */ record: R;
    }
  | { allowed: false; rule: WriteRule };

const facilitatorOnly = new Set(['document', 'page']);

function isNote(record: WritableRecord): boolean {
  return record.typeName === 'shape' && record.type === 'note';
}

/** W-AUTHOR: a new note is the writer's, whatever its meta says (a pasted copy becomes theirs too). */
function stampAuthor<R extends WritableRecord>(record: R, userId: string): R {
  if (!isNote(record) || noteAuthor(record) === userId) return record;
  const meta = record.meta;
  // Not an object: left for tldraw's and the quota's checks to refuse, never turned into a valid one.
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return record;
  return { ...record, meta: { ...meta, [noteMetaKey.author]: userId } };
}

function allow<R extends WritableRecord>(record: R): WriteDecision<R> {
  return { allowed: true, record };
}

function refuse<R extends WritableRecord>(rule: WriteRule): WriteDecision<R> {
  return { allowed: false, rule };
}

/** The rules for one record written by one person. */
export function decideWrite<R extends WritableRecord>(
  writer: Writer,
  write: RecordWrite<R>,
  moment: BoardMoment = {},
): WriteDecision<R> {
  if (writer.role === 'viewer') return refuse(WriteRule.viewer);
  if (writer.role === 'facilitator') {
    return allow(write.type === 'create' ? stampAuthor(write.next, writer.userId) : recordOf(write));
  }

  const typeName = write.type === 'create' ? write.next.typeName : write.prev.typeName;
  if (facilitatorOnly.has(typeName)) return refuse(WriteRule.page);

  switch (write.type) {
    case 'create':
      if (isScaffolding(write.next)) return refuse(WriteRule.mark);
      if (moment.privateStep && isNote(write.next)) return refuse(WriteRule.privateStep);
      return allow(stampAuthor(write.next, writer.userId));
    case 'update':
      if (isScaffolding(write.prev)) return refuse(WriteRule.scaffolding);
      if (isScaffolding(write.next)) return refuse(WriteRule.mark);
      if (write.prev.type !== write.next.type) return refuse(WriteRule.type);
      if (noteAuthor(write.prev) !== noteAuthor(write.next)) return refuse(WriteRule.author);
      return allow(write.next);
    case 'delete':
      if (isScaffolding(write.prev)) return refuse(WriteRule.scaffolding);
      if (isNote(write.prev) && noteAuthor(write.prev) !== writer.userId) return refuse(WriteRule.noteDelete);
      return allow(write.prev);
  }
}

function recordOf<R extends WritableRecord>(write: RecordWrite<R>): R {
  return write.type === 'delete' ? write.prev : write.next;
}
