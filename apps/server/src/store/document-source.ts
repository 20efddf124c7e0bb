// Reads a `DocumentSource` (a board's persisted document, described by its store) in whatever thread
// calls it: export workers do, so that parsing 20k records never holds the main thread.
import { DatabaseSync } from 'node:sqlite';
import type { SerializedSchema } from '@tldraw/store';
import { NodeSqliteWrapper, SQLiteSyncStorage } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import type { DocumentSource } from './board-store';

export function readDocumentSource(source: DocumentSource): {
  records: TLRecord[];
  schema: SerializedSchema | undefined;
} {
  if (source.kind === 'json') {
    return {
      records: source.documents.map((raw) => (JSON.parse(raw) as { state: TLRecord }).state),
      schema: source.schema,
    };
  }
  const db = new DatabaseSync(source.file);
  try {
    db.exec('PRAGMA busy_timeout = 5000;');
    const sql = new NodeSqliteWrapper(db, { tablePrefix: source.tablePrefix });
    const snapshot = new SQLiteSyncStorage<TLRecord>({ sql }).getSnapshot();
    return { records: snapshot.documents.map((entry) => entry.state as TLRecord), schema: snapshot.schema };
  } finally {
    db.close();
  }
}
