// What the main thread and an export worker say to each other: the job, the board's records in
// slices, and the output in parts (text, or a place where the main thread streams an uploaded asset).
import type { BoardMeta, ExportFormat, Locale, NameDisplay, SessionState } from '@atelier/protocol';
import type { SerializedSchema } from '@tldraw/store';
import type { MessagePort } from 'node:worker_threads';
import type { DocumentSource } from '../store/board-store';

export interface ExportJob {
  format: ExportFormat;
  board: BoardMeta;
  session: SessionState | null;
  exportedAt: number;
  locale: Locale;
  /** How people appear in documents and data files. */
  names: NameDisplay;
  /** The schema the records are written under (`.tldr`); from the source, or the current one, when absent. */
  schema?: SerializedSchema;
  /**
   * A board nobody has open here: the worker reads its document from the store itself. Otherwise
   * the main thread sends the live room's records.
   */
  source?: DocumentSource;
  /** `.tldr` only: an asset whose `src` starts with this is the board's upload, inlined by the main thread. */
  assetUrlPrefix?: string;
}

/** The task piscina hands the worker: the job and the port the records come in and the output goes out. */
export interface ExportTask {
  job: ExportJob;
  port: MessagePort;
}

/** Main thread → worker, on the task's port (nothing but `end` when the job has a `source`). */
export type RecordsMessage = { records: unknown[] } | { end: true };

/** Worker → main thread, in order. */
export type OutputPart =
  /** The worker has started on this task: the records may come (not before, or a queue would hold them all). */
  | { ready: true }
  | { text: Uint8Array }
  /** Write `data:<type>;base64,<bytes>` of this uploaded asset; `fallback` (the URL, JSON-escaped) when it is gone. */
  | { asset: string; fallback: string }
  | { done: true }
  | { error: string };
