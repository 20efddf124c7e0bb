// Embedded store: one SQLite file per board under DATA_DIR/boards, holding tldraw's own tables
// (written by SQLiteSyncStorage at every commit) next to Atelier's metadata, session and assets.
import { identityCardSchema } from '@atelier/board-schema';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  boardIdSchema,
  sessionStateSchema,
  type SessionState,
  type TemplateSummary,
} from '@atelier/protocol';
import { NodeSqliteWrapper, SQLiteSyncStorage, type RoomSnapshot } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import {
  BoardExistsError,
  TemplateExistsError,
  UnknownBoardError,
  type AssetWrite,
  type BoardFacilitators,
  type BoardStore,
  type DocumentSource,
  type LoginRecord,
  type RoomStorageHandle,
  type SavedTemplateEntry,
  type SessionUpdater,
  type StoredAsset,
  type StoredBoard,
  type RegistryLab,
  type StoredTemplate,
} from './board-store';

const TLDRAW_TABLE_PREFIX = 'tldraw_';
const MAX_CACHED_HANDLES = 128;

const ATELIER_SCHEMA = `
  CREATE TABLE IF NOT EXISTS atelier_board (
    id TEXT PRIMARY KEY,
    meta TEXT NOT NULL,
    facilitator_key_hash TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS atelier_session (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS atelier_asset (
    id TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL
  );
`;

// Saved templates are not a board's: one shared file next to the boards.
const TEMPLATE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS atelier_template (
    id TEXT PRIMARY KEY,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    owner_key_hash TEXT
  );
`;

// The labs registry spans boards: one shared file. `first_at` keeps when a lab first came in.
const REGISTRY_SCHEMA = `
  CREATE TABLE IF NOT EXISTS atelier_registry_lab (
    id TEXT PRIMARY KEY,
    fields TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    board_id TEXT NOT NULL,
    first_at TEXT NOT NULL
  );
`;

// Read-only links point at boards from outside them: one shared file, one link per board.
const VIEWER_KEY_SCHEMA = `
  CREATE TABLE IF NOT EXISTS atelier_viewer_key (
    board_id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE
  );
`;

// Who may facilitate a board by signing in, when each board was last active, and login sessions:
// indexes across boards, in one shared file.
const INDEX_SCHEMA = `
  CREATE TABLE IF NOT EXISTS atelier_board_facilitator (
    board_id TEXT NOT NULL,
    email TEXT NOT NULL,
    created_it INTEGER NOT NULL,
    PRIMARY KEY (board_id, email)
  );
  CREATE INDEX IF NOT EXISTS atelier_board_facilitator_email ON atelier_board_facilitator (email);
  CREATE TABLE IF NOT EXISTS atelier_board_activity (
    board_id TEXT PRIMARY KEY,
    last_activity_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS atelier_board_activity_at ON atelier_board_activity (last_activity_at);
  CREATE TABLE IF NOT EXISTS atelier_login (
    id_hash TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
`;

interface OpenDatabase {
  db: DatabaseSync;
  /** Rooms currently writing through this handle; pinned handles are never evicted. */
  pins: number;
  /** Their tldraw storages, whose pending work must run before the database closes. */
  rooms: Set<SQLiteSyncStorage<TLRecord>>;
}

/**
 * tldraw prunes tombstones on a 1 s throttle after a delete (an internal member, hence the cast). Still
 * pending when the database closes, it would run on finalized statements and throw from a timer,
 * taking the process down: run it now instead.
 */
function settlePendingPrune(storage: SQLiteSyncStorage<TLRecord>): void {
  (storage as unknown as { pruneTombstones?: { flush?: () => void } }).pruneTombstones?.flush?.();
}

export class SqliteBoardStore implements BoardStore {
  readonly kind = 'sqlite';
  private readonly boardsDir: string;
  private readonly handles = new Map<string, OpenDatabase>();
  private templatesDb: DatabaseSync | null = null;
  private viewerKeysDb: DatabaseSync | null = null;
  private indexDb: DatabaseSync | null = null;
  private registryDb: DatabaseSync | null = null;

  constructor(readonly dataDir: string) {
    this.boardsDir = path.resolve(dataDir, 'boards');
    fs.mkdirSync(this.boardsDir, { recursive: true });
  }

  private fileOf(id: string): string {
    // The id is checked before it becomes a path: no traversal, no odd characters.
    boardIdSchema.parse(id);
    return path.join(this.boardsDir, `${id}.sqlite`);
  }

  private exists(id: string): boolean {
    return boardIdSchema.safeParse(id).success && fs.existsSync(this.fileOf(id));
  }

  private open(id: string, create = false): OpenDatabase {
    const cached = this.handles.get(id);
    if (cached) {
      // Re-insert to keep the Map in least-recently-used order.
      this.handles.delete(id);
      this.handles.set(id, cached);
      return cached;
    }
    if (!create && !this.exists(id)) throw new UnknownBoardError(id);
    const db = new DatabaseSync(this.fileOf(id));
    // WAL + NORMAL: every commit survives a process crash; only an OS crash may lose the last ones.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    db.exec(ATELIER_SCHEMA);
    const handle: OpenDatabase = { db, pins: 0, rooms: new Set() };
    this.handles.set(id, handle);
    this.evictIdle();
    return handle;
  }

  private evictIdle(): void {
    for (const [id, handle] of this.handles) {
      if (this.handles.size <= MAX_CACHED_HANDLES) break;
      if (handle.pins > 0) continue;
      handle.db.close();
      this.handles.delete(id);
    }
  }

  private tldrawStorage(db: DatabaseSync, snapshot?: RoomSnapshot): SQLiteSyncStorage<TLRecord> {
    const sql = new NodeSqliteWrapper(db, { tablePrefix: TLDRAW_TABLE_PREFIX });
    return new SQLiteSyncStorage<TLRecord>({ sql, ...(snapshot ? { snapshot } : {}) });
  }

  async createBoard(board: StoredBoard, snapshot: RoomSnapshot, session: SessionState): Promise<void> {
    const id = board.meta.id;
    if (this.exists(id)) throw new BoardExistsError(id);
    const { db } = this.open(id, true);
    try {
      db.exec('BEGIN');
      db.prepare('INSERT INTO atelier_board (id, meta, facilitator_key_hash) VALUES (?, ?, ?)').run(
        id,
        JSON.stringify(board.meta),
        board.facilitatorKeyHash,
      );
      db.prepare('INSERT INTO atelier_session (id, state) VALUES (1, ?)').run(JSON.stringify(session));
      db.exec('COMMIT');
      this.tldrawStorage(db, snapshot);
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      this.forget(id);
      fs.rmSync(this.fileOf(id), { force: true });
      throw error;
    }
  }

  private forget(id: string): void {
    const handle = this.handles.get(id);
    if (handle) for (const storage of handle.rooms) settlePendingPrune(storage);
    handle?.db.close();
    this.handles.delete(id);
  }

  async getBoard(id: string): Promise<StoredBoard | null> {
    if (!this.exists(id)) return null;
    const row = this.open(id)
      .db.prepare('SELECT meta, facilitator_key_hash FROM atelier_board LIMIT 1')
      .get() as { meta: string; facilitator_key_hash: string } | undefined;
    if (!row) return null;
    return { meta: JSON.parse(row.meta), facilitatorKeyHash: row.facilitator_key_hash };
  }

  async openRoom(id: string): Promise<RoomStorageHandle> {
    const handle = this.open(id);
    const storage = this.tldrawStorage(handle.db);
    handle.pins += 1;
    handle.rooms.add(storage);
    let closed = false;
    return {
      storage,
      // Every commit is already in the WAL; nothing is pending.
      flush: async () => {},
      close: async () => {
        if (closed) return;
        closed = true;
        settlePendingPrune(storage);
        handle.rooms.delete(storage);
        handle.pins -= 1;
        if (handle.pins === 0 && this.handles.get(id) === handle) {
          // Fold the WAL back so the board is one self-contained file at rest.
          handle.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        }
      },
      discard: async () => {
        if (closed) return;
        closed = true;
        // Its pending pruning runs now, while the database is still open (the board goes next).
        settlePendingPrune(storage);
        handle.rooms.delete(storage);
        handle.pins -= 1;
      },
    };
  }

  async readSnapshot(id: string): Promise<RoomSnapshot | null> {
    if (!this.exists(id)) return null;
    return this.tldrawStorage(this.open(id).db).getSnapshot();
  }

  async documentSource(id: string): Promise<DocumentSource | null> {
    if (!this.exists(id)) return null;
    // Read by another connection (WAL lets readers in beside the writer); every commit is in the file.
    return { kind: 'sqlite', file: this.fileOf(id), tablePrefix: TLDRAW_TABLE_PREFIX };
  }

  async loadSession(id: string): Promise<SessionState | null> {
    if (!this.exists(id)) return null;
    return this.readSession(this.open(id).db);
  }

  private readSession(db: DatabaseSync): SessionState | null {
    const row = db.prepare('SELECT state FROM atelier_session WHERE id = 1').get() as
      { state: string } | undefined;
    return row ? sessionStateSchema.parse(JSON.parse(row.state)) : null;
  }

  async updateSession(id: string, update: SessionUpdater): Promise<SessionState | null> {
    if (!this.exists(id)) throw new UnknownBoardError(id);
    const { db } = this.open(id);
    // Synchronous from read to write, under SQLite's write lock: atomic against this process's
    // other updates and against any other process opening the same file.
    db.exec('BEGIN IMMEDIATE');
    try {
      const current = this.readSession(db);
      if (!current) throw new UnknownBoardError(id);
      const next = update(current);
      if (next !== null)
        db.prepare('UPDATE atelier_session SET state = ? WHERE id = 1').run(JSON.stringify(next));
      db.exec('COMMIT');
      return next ?? current;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  async putAsset(
    boardId: string,
    assetId: string,
    asset: StoredAsset,
    maxBoardBytes: number,
  ): Promise<AssetWrite> {
    const { db } = this.open(boardId);
    // Under SQLite's write lock from the check to the write, as updateSession.
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = ((): AssetWrite => {
        if (db.prepare('SELECT 1 FROM atelier_asset WHERE id = ?').get(assetId)) return 'exists';
        const { total } = db
          .prepare('SELECT COALESCE(SUM(length(bytes)), 0) AS total FROM atelier_asset')
          .get() as { total: number };
        if (total + asset.bytes.length > maxBoardBytes) return 'quota_exceeded';
        db.prepare('INSERT INTO atelier_asset (id, content_type, bytes) VALUES (?, ?, ?)').run(
          assetId,
          asset.contentType,
          asset.bytes,
        );
        return 'stored';
      })();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  async getAsset(boardId: string, assetId: string): Promise<StoredAsset | null> {
    if (!this.exists(boardId)) return null;
    const row = this.open(boardId)
      .db.prepare('SELECT content_type, bytes FROM atelier_asset WHERE id = ?')
      .get(assetId) as { content_type: string; bytes: Uint8Array } | undefined;
    return row ? { contentType: row.content_type, bytes: Buffer.from(row.bytes) } : null;
  }

  /** A file next to the boards, for what is not one board's. */
  private openShared(fileName: string, schema: string): DatabaseSync {
    const db = new DatabaseSync(path.resolve(this.dataDir, fileName));
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    db.exec(schema);
    return db;
  }

  private viewerKeys(): DatabaseSync {
    this.viewerKeysDb ??= this.openShared('viewer-keys.sqlite', VIEWER_KEY_SCHEMA);
    return this.viewerKeysDb;
  }

  async setViewerKey(boardId: string, keyHash: string): Promise<void> {
    if (!this.exists(boardId)) throw new UnknownBoardError(boardId);
    this.viewerKeys()
      .prepare('INSERT OR REPLACE INTO atelier_viewer_key (board_id, key_hash) VALUES (?, ?)')
      .run(boardId, keyHash);
  }

  async boardOfViewerKey(keyHash: string): Promise<string | null> {
    const row = this.viewerKeys()
      .prepare('SELECT board_id FROM atelier_viewer_key WHERE key_hash = ?')
      .get(keyHash) as { board_id: string } | undefined;
    return row?.board_id ?? null;
  }

  private registry(): DatabaseSync {
    this.registryDb ??= this.openShared('labs-registry.sqlite', REGISTRY_SCHEMA);
    return this.registryDb;
  }

  async listRegistryLabs(): Promise<RegistryLab[]> {
    const rows = this.registry()
      .prepare('SELECT id, fields, updated_at, board_id FROM atelier_registry_lab ORDER BY first_at, id')
      .all() as { id: string; fields: string; updated_at: string; board_id: string }[];
    return rows.flatMap((row) => {
      const fields = identityCardSchema.safeParse(JSON.parse(row.fields));
      return fields.success
        ? [{ id: row.id, fields: fields.data, updatedAt: row.updated_at, boardId: row.board_id }]
        : [];
    });
  }

  async putRegistryLabs(labs: readonly RegistryLab[]): Promise<void> {
    const db = this.registry();
    const upsert = db.prepare(
      `INSERT INTO atelier_registry_lab (id, fields, updated_at, board_id, first_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at, board_id = excluded.board_id`,
    );
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const lab of labs)
        upsert.run(lab.id, JSON.stringify(lab.fields), lab.updatedAt, lab.boardId, lab.updatedAt);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  private templates(): DatabaseSync {
    if (!this.templatesDb) {
      this.templatesDb = this.openShared('templates.sqlite', TEMPLATE_SCHEMA);
      // Files written before templates had owners lack the column.
      const columns = this.templatesDb.prepare('PRAGMA table_info(atelier_template)').all() as {
        name: string;
      }[];
      if (!columns.some((column) => column.name === 'owner_key_hash'))
        this.templatesDb.exec('ALTER TABLE atelier_template ADD COLUMN owner_key_hash TEXT');
    }
    return this.templatesDb;
  }

  async saveTemplate(template: StoredTemplate): Promise<void> {
    const { summary, createdAt, ownerKeyHash, ...body } = template;
    const result = this.templates()
      .prepare(
        'INSERT OR IGNORE INTO atelier_template (id, summary, body, created_at, owner_key_hash) VALUES (?, ?, ?, ?, ?)',
      )
      .run(summary.id, JSON.stringify(summary), JSON.stringify(body), createdAt, ownerKeyHash ?? null);
    if (result.changes === 0) throw new TemplateExistsError(summary.id);
  }

  async getTemplate(id: string): Promise<StoredTemplate | null> {
    const row = this.templates()
      .prepare('SELECT summary, body, created_at, owner_key_hash FROM atelier_template WHERE id = ?')
      .get(id) as
      { summary: string; body: string; created_at: string; owner_key_hash: string | null } | undefined;
    if (!row) return null;
    const body = JSON.parse(row.body) as Pick<StoredTemplate, 'schema' | 'records'>;
    return {
      summary: JSON.parse(row.summary) as TemplateSummary,
      createdAt: row.created_at,
      ...body,
      ...(row.owner_key_hash ? { ownerKeyHash: row.owner_key_hash } : {}),
    };
  }

  async listTemplates(): Promise<SavedTemplateEntry[]> {
    const rows = this.templates()
      .prepare('SELECT summary, owner_key_hash FROM atelier_template ORDER BY created_at, id')
      .all() as { summary: string; owner_key_hash: string | null }[];
    return rows.map((row) => ({
      summary: JSON.parse(row.summary) as TemplateSummary,
      ownerKeyHash: row.owner_key_hash,
    }));
  }

  async deleteTemplate(id: string): Promise<boolean> {
    return this.templates().prepare('DELETE FROM atelier_template WHERE id = ?').run(id).changes > 0;
  }

  private index(): DatabaseSync {
    this.indexDb ??= this.openShared('index.sqlite', INDEX_SCHEMA);
    return this.indexDb;
  }

  async putLogin(idHash: string, record: LoginRecord, expiresAt: number): Promise<void> {
    this.index()
      .prepare('INSERT OR REPLACE INTO atelier_login (id_hash, record, expires_at) VALUES (?, ?, ?)')
      .run(idHash, JSON.stringify(record), expiresAt);
  }

  async getLogin(idHash: string, now: number): Promise<LoginRecord | null> {
    const db = this.index();
    // Expired sessions go as soon as anyone looks: no personal data outlives its session.
    db.prepare('DELETE FROM atelier_login WHERE expires_at <= ?').run(now);
    const row = db.prepare('SELECT record FROM atelier_login WHERE id_hash = ?').get(idHash) as
      { record: string } | undefined;
    return row ? (JSON.parse(row.record) as LoginRecord) : null;
  }

  async deleteLogin(idHash: string): Promise<void> {
    this.index().prepare('DELETE FROM atelier_login WHERE id_hash = ?').run(idHash);
  }

  async setBoardFacilitators(boardId: string, facilitators: BoardFacilitators): Promise<void> {
    if (!this.exists(boardId)) throw new UnknownBoardError(boardId);
    const db = this.index();
    db.exec('BEGIN IMMEDIATE');
    try {
      db.prepare('DELETE FROM atelier_board_facilitator WHERE board_id = ?').run(boardId);
      const insert = db.prepare(
        'INSERT OR REPLACE INTO atelier_board_facilitator (board_id, email, created_it) VALUES (?, ?, ?)',
      );
      for (const email of facilitators.coFacilitators) insert.run(boardId, email, 0);
      if (facilitators.createdBy) insert.run(boardId, facilitators.createdBy, 1);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  async getBoardFacilitators(boardId: string): Promise<BoardFacilitators | null> {
    if (!this.exists(boardId)) return null;
    const rows = this.index()
      .prepare(
        'SELECT email, created_it FROM atelier_board_facilitator WHERE board_id = ? ORDER BY created_it DESC, rowid',
      )
      .all(boardId) as { email: string; created_it: number }[];
    return {
      createdBy: rows.find((row) => row.created_it === 1)?.email ?? null,
      coFacilitators: rows.filter((row) => row.created_it === 0).map((row) => row.email),
    };
  }

  async boardsOfEmail(email: string): Promise<string[]> {
    const rows = this.index()
      .prepare('SELECT board_id FROM atelier_board_facilitator WHERE email = ?')
      .all(email) as { board_id: string }[];
    return rows.map((row) => row.board_id);
  }

  async touchBoard(boardId: string, at: number): Promise<void> {
    this.index()
      .prepare(
        `INSERT INTO atelier_board_activity (board_id, last_activity_at) VALUES (?, ?)
         ON CONFLICT (board_id) DO UPDATE SET last_activity_at = max(last_activity_at, excluded.last_activity_at)`,
      )
      .run(boardId, at);
  }

  async lastActivity(boardId: string): Promise<number | null> {
    const row = this.index()
      .prepare('SELECT last_activity_at FROM atelier_board_activity WHERE board_id = ?')
      .get(boardId) as { last_activity_at: number } | undefined;
    return row?.last_activity_at ?? null;
  }

  async boardsInactiveSince(before: number, limit: number): Promise<string[]> {
    const rows = this.index()
      .prepare(
        'SELECT board_id FROM atelier_board_activity WHERE last_activity_at < ? ORDER BY last_activity_at LIMIT ?',
      )
      .all(before, limit) as { board_id: string }[];
    return rows.map((row) => row.board_id);
  }

  async deleteBoard(boardId: string): Promise<boolean> {
    if (!boardIdSchema.safeParse(boardId).success) return false;
    const existed = this.exists(boardId);
    this.forget(boardId);
    const file = this.fileOf(boardId);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    this.viewerKeys().prepare('DELETE FROM atelier_viewer_key WHERE board_id = ?').run(boardId);
    const index = this.index();
    index.prepare('DELETE FROM atelier_board_facilitator WHERE board_id = ?').run(boardId);
    index.prepare('DELETE FROM atelier_board_activity WHERE board_id = ?').run(boardId);
    return existed;
  }

  async ping(): Promise<void> {
    // A real write: a full disk or a read-only mount fails here, as a board's next commit would.
    const probe = path.join(this.boardsDir, '.health-probe');
    fs.writeFileSync(probe, String(Date.now()));
    fs.rmSync(probe, { force: true });
  }

  async close(): Promise<void> {
    for (const [id, handle] of this.handles) {
      for (const storage of handle.rooms) settlePendingPrune(storage);
      handle.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      handle.db.close();
      this.handles.delete(id);
    }
    this.templatesDb?.close();
    this.templatesDb = null;
    this.viewerKeysDb?.close();
    this.viewerKeysDb = null;
    this.indexDb?.close();
    this.indexDb = null;
  }
}
