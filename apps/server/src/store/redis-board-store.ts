// Redis store: board metadata, facilitation state, assets, and the room document as one hash of
// records (written incrementally, debounced) so several processes can share the boards.
import { createHash } from 'node:crypto';
import { identityCardSchema } from '@atelier/board-schema';
import { Redis } from 'ioredis';
import { sessionStateSchema, type SessionState, type TemplateSummary } from '@atelier/protocol';
import { InMemorySyncStorage, type RoomSnapshot } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import type { Logger } from '../logger';
import {
  BoardExistsError,
  LeaseLostError,
  TemplateExistsError,
  UnknownBoardError,
  type AssetWrite,
  type BoardFacilitators,
  type BoardStore,
  type DocumentSource,
  type LoginRecord,
  type OpenRoomOptions,
  type RoomStorageHandle,
  type SavedTemplateEntry,
  type SessionUpdater,
  type StoredAsset,
  type StoredBoard,
  type RegistryLab,
  type StoredTemplate,
} from './board-store';
import { clearOpenMarker, writeRoom, type BoardKeys, type RoomHeader } from './redis-room-write';

type DocumentEntry = RoomSnapshot['documents'][number];

/** A saved template's entry in the summaries hash (listed together). */
interface ListedTemplate {
  createdAt: string;
  summary: TemplateSummary;
  ownerKeyHash?: string | undefined;
}

export interface RedisBoardStoreOptions {
  url: string;
  keyPrefix?: string;
  /** Delay between an acknowledged change and its write to Redis. */
  saveDelayMs: number;
  logger: Logger;
}

const MAX_SESSION_UPDATE_ATTEMPTS = 20;

/** KEYS: types, bytes, total, legacy hash; ARGV: asset id, content type, bytes, quota. */
const PUT_ASSET = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HEXISTS', KEYS[4], ARGV[1]) == 1 then
  return 'exists'
end
local size = string.len(ARGV[3])
if tonumber(redis.call('GET', KEYS[3]) or '0') + size > tonumber(ARGV[4]) then
  return 'quota_exceeded'
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('INCRBY', KEYS[3], size)
return 'stored'
`;
/**
 * What a deleted board's lease says for a day: any process still holding its room (frozen, or not
 * yet told) has its saves fenced (redis-room-write.ts) instead of writing the board back.
 */
export const DELETED_BOARD_FENCE = 'deleted';
const DELETED_FENCE_TTL_MS = 24 * 60 * 60 * 1000;

/** More changes than a crash can leave unsaved (a year of edits at 30 a second). */
const CLOCK_JUMP_AFTER_CRASH = 1_000_000_000;

export class RedisBoardStore implements BoardStore {
  readonly kind = 'redis';
  readonly redis: Redis;
  private readonly transactions: Redis;
  private sessionQueue: Promise<unknown> = Promise.resolve();
  readonly keyPrefix: string;
  /** Open rooms of this process, and the last facilitation state seen for each: what to rewrite if Redis comes back empty. */
  private readonly openRooms = new Map<string, { storage: RedisRoomStorage; session: SessionState | null }>();

  /** Sees how long each write of a room took and whether it failed (metrics). */
  saveObserver: ((seconds: number, ok: boolean) => void) | null = null;

  constructor(private readonly options: RedisBoardStoreOptions) {
    this.keyPrefix = options.keyPrefix ?? 'atelier:';
    this.redis = new Redis(options.url, {
      // Fail commands fast while Redis is away; callers retry on their own schedule.
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      lazyConnect: false,
    });
    this.redis.on('error', (error) => options.logger.warn({ err: error.message }, 'redis error'));
    // Back after an outage: make sure every open board is still there (a Redis restarted without
    // its data would otherwise lose the boards nobody happens to edit).
    this.redis.on('ready', () => {
      for (const { storage } of this.openRooms.values()) storage.requestCheck();
    });
    this.transactions = this.redis.duplicate();
    this.transactions.on('error', () => {});
  }

  private key(id: string, part: string): string {
    return `${this.keyPrefix}board:{${id}}:${part}`;
  }

  /** Where a board lives in Redis, its lease included (see rooms/board-lease.ts). */
  boardKeys(id: string): BoardKeys {
    return {
      owner: this.key(id, 'owner'),
      lastOwner: this.key(id, 'lastOwner'),
      meta: this.key(id, 'meta'),
      session: this.key(id, 'session'),
      docs: this.key(id, 'docs'),
      tombs: this.key(id, 'tombs'),
      room: this.key(id, 'room'),
      open: this.key(id, 'open'),
    };
  }

  async createBoard(board: StoredBoard, snapshot: RoomSnapshot, session: SessionState): Promise<void> {
    const id = board.meta.id;
    const meta = JSON.stringify(board);
    const created = await this.redis.set(this.key(id, 'meta'), meta, 'NX');
    if (created !== 'OK') throw new BoardExistsError(id);
    await writeRoom(this.redis, this.boardKeys(id), {
      writer: '',
      mode: 'restore',
      snapshot,
      sinceClock: -1,
      meta,
      session: JSON.stringify(session),
    });
  }

  async getBoard(id: string): Promise<StoredBoard | null> {
    const raw = await this.redis.get(this.key(id, 'meta'));
    return raw ? (JSON.parse(raw) as StoredBoard) : null;
  }

  /** A read-only link: `viewer:<hash>` → board, and the board's current hash (to revoke it). */
  private viewerKeyOf(keyHash: string): string {
    return `${this.keyPrefix}viewer:${keyHash}`;
  }

  async setViewerKey(boardId: string, keyHash: string): Promise<void> {
    if (!(await this.getBoard(boardId))) throw new UnknownBoardError(boardId);
    const current = this.key(boardId, 'viewer');
    const previous = await this.redis.getset(current, keyHash);
    const multi = this.redis.multi().set(this.viewerKeyOf(keyHash), boardId);
    if (previous && previous !== keyHash) multi.del(this.viewerKeyOf(previous));
    await multi.exec();
  }

  async boardOfViewerKey(keyHash: string): Promise<string | null> {
    return this.redis.get(this.viewerKeyOf(keyHash));
  }

  async documentSource(id: string): Promise<DocumentSource | null> {
    const [header, docs] = await Promise.all([
      this.redis.get(this.key(id, 'room')),
      this.redis.hvals(this.key(id, 'docs')),
    ]);
    if (!header) return null;
    const { schema } = JSON.parse(header) as RoomHeader;
    return { kind: 'json', ...(schema ? { schema } : {}), documents: docs };
  }

  async readSnapshot(id: string): Promise<RoomSnapshot | null> {
    const [header, docs, tombs] = await Promise.all([
      this.redis.get(this.key(id, 'room')),
      this.redis.hgetall(this.key(id, 'docs')),
      this.redis.hgetall(this.key(id, 'tombs')),
    ]);
    if (!header) return null;
    const parsedHeader = JSON.parse(header) as RoomHeader;
    const tombstones: Record<string, number> = {};
    for (const [recordId, clock] of Object.entries(tombs)) tombstones[recordId] = Number(clock);
    return {
      documentClock: parsedHeader.documentClock,
      clock: parsedHeader.documentClock,
      tombstoneHistoryStartsAtClock: parsedHeader.tombstoneHistoryStartsAtClock,
      ...(parsedHeader.schema ? { schema: parsedHeader.schema } : {}),
      documents: Object.values(docs).map((raw) => JSON.parse(raw) as DocumentEntry),
      tombstones,
    };
  }

  async openRoom(id: string, options: OpenRoomOptions = {}): Promise<RoomStorageHandle> {
    const snapshot = await this.readSnapshot(id);
    if (!snapshot) throw new UnknownBoardError(id);
    const [board, session] = await Promise.all([this.getBoard(id), this.loadSession(id)]);
    if (!board) throw new UnknownBoardError(id);
    // The marker outlives a crash (no final save). A crash loses what was not saved yet, but
    // clients may have seen it: this opening's clocks then start far past the last one's, and
    // anything older asks for the whole document, so a client that reconnects is reset to what
    // the board holds instead of keeping notes nobody else has.
    const crashed = await this.redis.getset(this.key(id, 'open'), new Date().toISOString());
    if (crashed) {
      const reopenedAt = (snapshot.documentClock ?? snapshot.clock ?? 0) + CLOCK_JUMP_AFTER_CRASH;
      snapshot.documentClock = reopenedAt;
      snapshot.tombstoneHistoryStartsAtClock = reopenedAt;
    }
    const storage = new InMemorySyncStorage<TLRecord>({ snapshot });
    const handle = new RedisRoomStorage(this.redis, this.boardKeys(id), storage, {
      ...this.options,
      writer: options.leaseOwner ?? '',
      observeSave: (seconds, ok) => this.saveObserver?.(seconds, ok),
      restoreData: () => {
        const latest = this.openRooms.get(id)?.session;
        return { meta: JSON.stringify(board), ...(latest ? { session: JSON.stringify(latest) } : {}) };
      },
      onClosed: () => this.openRooms.delete(id),
    });
    this.openRooms.set(id, { storage: handle, session });
    return handle;
  }

  private rememberSession(id: string, state: SessionState): void {
    const open = this.openRooms.get(id);
    if (open) open.session = state;
  }

  async loadSession(id: string): Promise<SessionState | null> {
    const raw = await this.redis.get(this.key(id, 'session'));
    return raw ? sessionStateSchema.parse(JSON.parse(raw)) : null;
  }

  async updateSession(id: string, update: SessionUpdater): Promise<SessionState | null> {
    // WATCH belongs to a connection, so this process's updates take turns on a dedicated one.
    const run = this.sessionQueue.then(() => this.updateSessionNow(id, update));
    this.sessionQueue = run.catch(() => {});
    return run;
  }

  private async updateSessionNow(id: string, update: SessionUpdater): Promise<SessionState | null> {
    const key = this.key(id, 'session');
    const connection = this.transactions;
    // Optimistic concurrency: WATCH the key, write with MULTI, retry if another process wrote first.
    for (let attempt = 0; attempt < MAX_SESSION_UPDATE_ATTEMPTS; attempt++) {
      await connection.watch(key);
      const raw = await connection.get(key);
      if (!raw) {
        await connection.unwatch();
        throw new UnknownBoardError(id);
      }
      const current = sessionStateSchema.parse(JSON.parse(raw));
      const next = update(current);
      if (next === null) {
        await connection.unwatch();
        this.rememberSession(id, current);
        return current;
      }
      const result = await connection.multi().set(key, JSON.stringify(next)).exec();
      if (result !== null) {
        this.rememberSession(id, next);
        return next;
      }
    }
    throw new Error(`session update of board ${id} kept conflicting`);
  }

  /**
   * A board's assets: content types and bytes in two hashes whose fields are asset ids alone (no id
   * can reach another's field), their total size beside them. Boards written before kept both in one
   * hash (`assets`, type under `<id>:type`): still read, never written.
   */
  private assetKeys(boardId: string): [types: string, bytes: string, total: string, legacy: string] {
    return [
      this.key(boardId, 'asset-types'),
      this.key(boardId, 'asset-bytes'),
      this.key(boardId, 'asset-total'),
      this.key(boardId, 'assets'),
    ];
  }

  async putAsset(
    boardId: string,
    assetId: string,
    asset: StoredAsset,
    maxBoardBytes: number,
  ): Promise<AssetWrite> {
    const result = await this.redis.eval(
      PUT_ASSET,
      4,
      ...this.assetKeys(boardId),
      assetId,
      asset.contentType,
      asset.bytes,
      String(maxBoardBytes),
    );
    return result as AssetWrite;
  }

  async getAsset(boardId: string, assetId: string): Promise<StoredAsset | null> {
    const [types, bytesKey, , legacy] = this.assetKeys(boardId);
    const [contentType, bytes] = await Promise.all([
      this.redis.hget(types, assetId),
      this.redis.hgetBuffer(bytesKey, assetId),
    ]);
    if (contentType && bytes) return { contentType, bytes };
    const [legacyType, legacyBytes] = await Promise.all([
      this.redis.hget(legacy, `${assetId}:type`),
      this.redis.hgetBuffer(legacy, assetId),
    ]);
    return legacyType && legacyBytes ? { contentType: legacyType, bytes: legacyBytes } : null;
  }

  /** The labs registry: one hash, lab id → entry; the order labs came in, in a sorted set. */
  private registryKey(part: 'labs' | 'order'): string {
    return `${this.keyPrefix}labs-registry:${part}`;
  }

  async listRegistryLabs(): Promise<RegistryLab[]> {
    const [order, entries] = await Promise.all([
      this.redis.zrange(this.registryKey('order'), 0, -1),
      this.redis.hgetall(this.registryKey('labs')),
    ]);
    return order.flatMap((id) => {
      const raw = entries[id];
      if (!raw) return [];
      const entry = JSON.parse(raw) as Omit<RegistryLab, 'id'>;
      const fields = identityCardSchema.safeParse(entry.fields);
      return fields.success ? [{ ...entry, id, fields: fields.data }] : [];
    });
  }

  async putRegistryLabs(labs: readonly RegistryLab[]): Promise<void> {
    if (labs.length === 0) return;
    const multi = this.redis.multi();
    for (const { id, ...entry } of labs) {
      multi.hset(this.registryKey('labs'), id, JSON.stringify(entry));
      // NX: a lab keeps its place; a new one goes last (scores from the server's clock, ties by id).
      multi.zadd(this.registryKey('order'), 'NX', Date.parse(entry.updatedAt) || 0, id);
    }
    await multi.exec();
  }

  /** Saved templates: summaries in one hash (listed together), bodies in another (read one at a time). */
  private templateKey(part: 'summaries' | 'bodies'): string {
    return `${this.keyPrefix}templates:${part}`;
  }

  async saveTemplate(template: StoredTemplate): Promise<void> {
    const { summary, ownerKeyHash, ...body } = template;
    const created = await this.redis.hsetnx(this.templateKey('bodies'), summary.id, JSON.stringify(body));
    if (created !== 1) throw new TemplateExistsError(summary.id);
    const listed: ListedTemplate = { createdAt: template.createdAt, summary, ownerKeyHash };
    await this.redis.hset(this.templateKey('summaries'), summary.id, JSON.stringify(listed));
  }

  async getTemplate(id: string): Promise<StoredTemplate | null> {
    const [summary, body] = await Promise.all([
      this.redis.hget(this.templateKey('summaries'), id),
      this.redis.hget(this.templateKey('bodies'), id),
    ]);
    if (!summary || !body) return null;
    const parsedBody = JSON.parse(body) as Omit<StoredTemplate, 'summary'>;
    const listed = JSON.parse(summary) as ListedTemplate;
    return {
      ...parsedBody,
      summary: listed.summary,
      ...(listed.ownerKeyHash ? { ownerKeyHash: listed.ownerKeyHash } : {}),
    };
  }

  async listTemplates(): Promise<SavedTemplateEntry[]> {
    const entries = Object.values(await this.redis.hgetall(this.templateKey('summaries'))).map(
      (raw) => JSON.parse(raw) as ListedTemplate,
    );
    entries.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.summary.id.localeCompare(b.summary.id),
    );
    return entries.map((entry) => ({ summary: entry.summary, ownerKeyHash: entry.ownerKeyHash ?? null }));
  }

  async deleteTemplate(id: string): Promise<boolean> {
    const results = await this.redis
      .multi()
      .hdel(this.templateKey('summaries'), id)
      .hdel(this.templateKey('bodies'), id)
      .exec();
    return results?.[0]?.[1] === 1;
  }

  private loginKey(idHash: string): string {
    return `${this.keyPrefix}login:${idHash}`;
  }

  async putLogin(idHash: string, record: LoginRecord, expiresAt: number): Promise<void> {
    // Redis forgets it at expiry by itself; Date.now() only turns the deadline into a lifetime.
    const ttlMs = Math.max(1, Math.round(expiresAt - Date.now()));
    await this.redis.set(this.loginKey(idHash), JSON.stringify({ record, expiresAt }), 'PX', ttlMs);
  }

  async getLogin(idHash: string, now: number): Promise<LoginRecord | null> {
    const raw = await this.redis.get(this.loginKey(idHash));
    if (!raw) return null;
    const { record, expiresAt } = JSON.parse(raw) as { record: LoginRecord; expiresAt: number };
    return expiresAt > now ? record : null;
  }

  async deleteLogin(idHash: string): Promise<void> {
    await this.redis.del(this.loginKey(idHash));
  }

  /** The boards of one e-mail, under its hash (the set's name carries no address). */
  private emailBoardsKey(email: string): string {
    return `${this.keyPrefix}account:${createHash('sha256').update(email).digest('hex')}:boards`;
  }

  async setBoardFacilitators(boardId: string, facilitators: BoardFacilitators): Promise<void> {
    if (!(await this.getBoard(boardId))) throw new UnknownBoardError(boardId);
    const previous = await this.getBoardFacilitators(boardId);
    const emails = (list: BoardFacilitators | null) =>
      list ? [...(list.createdBy ? [list.createdBy] : []), ...list.coFacilitators] : [];
    const next = new Set(emails(facilitators));
    const multi = this.redis.multi().set(this.key(boardId, 'facilitators'), JSON.stringify(facilitators));
    for (const email of emails(previous))
      if (!next.has(email)) multi.srem(this.emailBoardsKey(email), boardId);
    for (const email of next) multi.sadd(this.emailBoardsKey(email), boardId);
    await multi.exec();
  }

  async getBoardFacilitators(boardId: string): Promise<BoardFacilitators | null> {
    const [raw, board] = await Promise.all([
      this.redis.get(this.key(boardId, 'facilitators')),
      this.redis.exists(this.key(boardId, 'meta')),
    ]);
    if (!board) return null;
    return raw ? (JSON.parse(raw) as BoardFacilitators) : { createdBy: null, coFacilitators: [] };
  }

  boardsOfEmail(email: string): Promise<string[]> {
    return this.redis.smembers(this.emailBoardsKey(email));
  }

  private activityKey(): string {
    return `${this.keyPrefix}board-activity`;
  }

  async touchBoard(boardId: string, at: number): Promise<void> {
    // GT: a late touch never moves the last activity back.
    await this.redis.zadd(this.activityKey(), 'GT', at, boardId);
  }

  async lastActivity(boardId: string): Promise<number | null> {
    const score = await this.redis.zscore(this.activityKey(), boardId);
    return score === null ? null : Number(score);
  }

  boardsInactiveSince(before: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.activityKey(), '-inf', `(${before}`, 'LIMIT', 0, limit);
  }

  async deleteBoard(boardId: string): Promise<boolean> {
    const keys = this.boardKeys(boardId);
    const [existed, viewerHash, facilitators] = await Promise.all([
      this.redis.exists(keys.meta),
      this.redis.get(this.key(boardId, 'viewer')),
      this.getBoardFacilitators(boardId),
    ]);
    // Every key of the board shares its hash tag: whatever a part of the code keeps there goes too.
    const boardKeys = new Set<string>();
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(
        cursor,
        'MATCH',
        `${this.keyPrefix}board:{${boardId}}:*`,
        'COUNT',
        500,
      );
      cursor = next;
      for (const key of found) boardKeys.add(key);
    } while (cursor !== '0');
    boardKeys.delete(keys.owner);
    boardKeys.delete(keys.lastOwner);
    const multi = this.redis.multi();
    // The lease fenced first, in the same transaction: no process can write the board back.
    multi.set(keys.owner, DELETED_BOARD_FENCE, 'PX', DELETED_FENCE_TTL_MS);
    multi.set(keys.lastOwner, DELETED_BOARD_FENCE, 'PX', DELETED_FENCE_TTL_MS);
    if (boardKeys.size) multi.del(...boardKeys);
    if (viewerHash) multi.del(this.viewerKeyOf(viewerHash));
    for (const email of [
      ...(facilitators?.createdBy ? [facilitators.createdBy] : []),
      ...(facilitators?.coFacilitators ?? []),
    ])
      multi.srem(this.emailBoardsKey(email), boardId);
    multi.zrem(this.activityKey(), boardId);
    await multi.exec();
    this.openRooms.get(boardId)?.storage.discard();
    return existed === 1;
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.sessionQueue;
    await Promise.all(
      [this.redis, this.transactions].map((connection) =>
        connection.quit().catch(() => connection.disconnect()),
      ),
    );
  }
}

interface RoomStorageOptions extends RedisBoardStoreOptions {
  /** The lease owner every write is fenced by; empty: unfenced. */
  writer: string;
  /** The board's metadata and facilitation state, to put back if Redis lost them. */
  restoreData: () => { meta: string; session?: string };
  observeSave: (seconds: number, ok: boolean) => void;
  onClosed: () => void;
}

// How long a closing room keeps trying to save before giving its changes up.
const FINAL_SAVE_PATIENCE_MS = 10 * 60 * 1000;

/** An in-memory room document, written to Redis shortly after each change and on close. */
class RedisRoomStorage implements RoomStorageHandle {
  private savedClock: number;
  private savedTombstoneStart: number;
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> | null = null;
  private readonly unsubscribe: () => void;
  private closed = false;
  /** Set after a reconnection: the next write runs even without changes, to check the board is there. */
  private checkRequested = false;
  /** Redis lost the board (restarted empty): the next write puts all of it back. */
  private rewriteNeeded = false;
  /** A write was refused by the lease fence: another process holds the board; nothing more is written. */
  private fenced = false;

  constructor(
    private readonly redis: Redis,
    private readonly keys: BoardKeys,
    readonly storage: InMemorySyncStorage<TLRecord>,
    private readonly options: RoomStorageOptions,
  ) {
    this.savedClock = storage.getClock();
    this.savedTombstoneStart = storage.getSnapshot().tombstoneHistoryStartsAtClock ?? 0;
    this.unsubscribe = storage.onChange(() => this.schedule(this.options.saveDelayMs));
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed || this.fenced) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((error: Error) => {
        if (error instanceof LeaseLostError) return;
        this.options.logger.error({ err: error.message }, 'saving a board to redis failed; retrying');
        this.schedule(1000);
      });
    }, delayMs);
  }

  requestCheck(): void {
    this.checkRequested = true;
    this.schedule(0);
  }

  async flush(): Promise<void> {
    // One write at a time, in order; a flush called during a write waits and then writes the rest.
    while (this.saving) await this.saving.catch(() => {});
    if (this.fenced) throw new LeaseLostError('another process holds this board now');
    if (this.storage.getClock() === this.savedClock && !this.checkRequested && !this.rewriteNeeded) return;
    this.saving = this.write();
    const started = performance.now();
    let ok = false;
    try {
      await this.saving;
      ok = true;
    } finally {
      this.saving = null;
      this.options.observeSave((performance.now() - started) / 1000, ok);
    }
  }

  private async write(): Promise<void> {
    this.checkRequested = false;
    for (;;) {
      const snapshot = this.storage.getSnapshot();
      const clock = snapshot.documentClock ?? 0;
      const tombstoneStart = snapshot.tombstoneHistoryStartsAtClock ?? 0;
      // Once tombstones older than our last save were pruned, deletions can no longer be replayed.
      const mode = this.rewriteNeeded
        ? 'restore'
        : tombstoneStart > this.savedTombstoneStart
          ? 'full'
          : 'diff';
      const result = await writeRoom(this.redis, this.keys, {
        writer: this.options.writer,
        mode,
        snapshot,
        sinceClock: this.savedClock,
        ...(mode === 'restore' ? this.options.restoreData() : {}),
      });
      if (result === 'fenced') {
        this.fenced = true;
        this.options.logger.warn(
          { key: this.keys.meta },
          'a save was refused: another process took this board over; this room stops writing',
        );
        throw new LeaseLostError('another process holds this board now');
      }
      if (result === 'missing') {
        // A diff on top of nothing would leave a partial board: write it all, metadata included.
        this.options.logger.error(
          'a board was missing from redis (restarted without its data?); rewriting it in full',
        );
        this.rewriteNeeded = true;
        continue;
      }
      this.rewriteNeeded = false;
      this.savedClock = clock;
      this.savedTombstoneStart = tombstoneStart;
      return;
    }
  }

  async discard(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.closed = true;
    this.fenced = true;
    this.unsubscribe();
    this.options.onClosed();
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.fenced && this.closed) return;
    this.closed = true;
    // Redis may be away for a while: the room's changes exist nowhere else, so keep trying.
    const started = Date.now();
    for (;;) {
      try {
        await this.flush();
        break;
      } catch (error) {
        if (error instanceof LeaseLostError) {
          // What this room holds past the new holder's copy was written after it lost the board.
          this.options.logger.error(
            { key: this.keys.meta },
            'final save refused: another process holds this board; changes made here since are dropped',
          );
          break;
        }
        if (Date.now() - started > FINAL_SAVE_PATIENCE_MS) throw error;
        this.options.logger.error({ err: (error as Error).message }, 'final save to redis failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    this.unsubscribe();
    // Saved in full: the next opening need not suspect a crash (unless the board is someone else's now).
    await clearOpenMarker(this.redis, this.keys, this.options.writer).catch(() => {});
    this.options.onClosed();
  }
}
