// One TLSocketRoom per open board in this process: opened on the first connection, closed after a
// final save once the last session has left (after a short grace period, to absorb reconnects).
// Local only: which process runs a board is the router's business (board-router.ts); the registry
// tells whoever listens what happened to its rooms.
import { EventEmitter } from 'node:events';
import type { BoardMoment, WriteRule } from '@atelier/board-schema';
import { TLSocketRoom, type RoomSnapshot } from '@tldraw/sync-core';
import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import type { Logger } from '../logger';
import type { BoardStore, RoomStorageHandle } from '../store/board-store';
import { BoardQuota, type BoardLimits } from './board-quota';
import { markLegacyScaffolding, withWriteRules } from './board-write-guard';
import type { SessionLink, SyncSession, SyncSessionMeta } from './sync-session';

/** A shape, then its ancestors (parent first) up to its page; empty when there is no such shape. */
export type ShapeChain = readonly TLRecord[];

/** tldraw nests frames and groups a few levels deep; a longer chain is a cycle or an attack. */
const MAX_CHAIN = 32;

export interface OpenRoom {
  readonly boardId: string;
  readonly room: TLSocketRoom<TLRecord, SyncSessionMeta>;
  readonly storage: RoomStorageHandle;
  readonly quota: BoardQuota<SyncSessionMeta> | null;
}

/** The records a board holds right now, as a server-side write reads them. */
export interface LiveBoard {
  get(id: string): TLRecord | undefined;
  all(): Iterable<TLRecord>;
}

/** What a server-side write puts: whole records, valid for tldraw's schema (and, for a programme, removes). */
export type BoardWritePlan = (
  board: LiveBoard,
) => readonly TLRecord[] | { put: readonly TLRecord[]; remove: readonly string[] } | null;

const schema = createTLSchema();

/** Throws when tldraw's own validator refuses the record. */
function validate(record: TLRecord): void {
  const types = schema.types as Record<string, { validate(record: unknown): unknown } | undefined>;
  const type = Object.hasOwn(types, record.typeName) ? types[record.typeName] : undefined;
  if (!type) throw new Error(`unknown record type ${record.typeName}`);
  type.validate(record);
}

export interface RoomRegistryEvents {
  /** A board's room closed here (saved), or could not open: the board is free for any process. */
  roomClosed: [boardId: string];
  /** A session's write was refused by a board limit (at most once a second per session). */
  limitExceeded: [boardId: string, sessionId: string, message: string];
  /** A session's write was refused by a write rule (board-write-guard.ts; at most once a second per session). */
  writeRefused: [boardId: string, sessionId: string, rule: WriteRule, message: string];
}

export interface RoomRegistryOptions {
  idleCloseMs: number;
  /** Shapes and bytes per board (see board-quota.ts); unlimited when absent. */
  limits?: BoardLimits;
  /**
   * Several processes (Redis): this process's lease identity, handed to the store so that each save
   * of a room is fenced by the board's lease (rooms/SPEC.md R-LEASE-4).
   */
  leaseOwner?: string;
  /** Sees each sync message in and out, and how long the room took to handle one (metrics). */
  observer?: RoomObserver;
  /** The clock activity is recorded with (tests inject one). */
  now?: () => number;
  /** The board's moment for its write rules (board-schema W-PRIVATE); none when absent. */
  momentOf?: (boardId: string) => BoardMoment;
  /** Runs before a room takes its first client (to learn the board's moment from the store). */
  prepare?: (boardId: string) => Promise<void>;
}

export interface RoomObserver {
  message(sessionId: string, direction: 'in' | 'out'): void;
  handled(sessionId: string, seconds: number): void;
}

export class RoomRegistry extends EventEmitter<RoomRegistryEvents> {
  private readonly rooms = new Map<string, Promise<OpenRoom>>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: BoardStore,
    private readonly logger: Logger,
    private readonly options: RoomRegistryOptions,
  ) {
    super();
  }

  get openRoomCount(): number {
    return this.rooms.size;
  }

  /** The open room of a board, opening it from the store when needed. */
  private acquire(boardId: string): Promise<OpenRoom> {
    this.cancelIdleClose(boardId);
    let room = this.rooms.get(boardId);
    if (!room) {
      room = this.open(boardId);
      this.rooms.set(boardId, room);
      room.catch(() => {
        this.rooms.delete(boardId);
        this.emit('roomClosed', boardId);
      });
    }
    return room;
  }

  private async open(boardId: string): Promise<OpenRoom> {
    // Stopping: nothing opens again here (the board goes to another process).
    if (this.shuttingDown) throw new Error('this process is stopping');
    // A room being closed must finish its final save before the document is read again.
    await this.closing.get(boardId);
    const { limits, leaseOwner, momentOf, prepare } = this.options;
    const [storage] = await Promise.all([
      this.store.openRoom(boardId, leaseOwner ? { leaseOwner } : {}),
      prepare?.(boardId),
    ]);
    const log = this.logger.child({ boardId });
    const legacy = markLegacyScaffolding(storage.storage);
    if (legacy > 0) log.info({ shapes: legacy }, 'marked the scaffolding of a board made before the mark');
    const quota = limits
      ? new BoardQuota<SyncSessionMeta>(storage.storage, limits, (sessionId, message) =>
          this.emit('limitExceeded', boardId, sessionId, message),
        )
      : null;
    const room = new TLSocketRoom<TLRecord, SyncSessionMeta>({
      ...withWriteRules(
        storage.storage,
        quota?.roomOptions(),
        (sessionId, rule, message) => this.emit('writeRefused', boardId, sessionId, rule, message),
        momentOf ? () => momentOf(boardId) : undefined,
      ),
      storage: storage.storage,
      log: {
        warn: (...args: unknown[]) => log.warn({ detail: args.map(String).join(' ') }, 'sync room warning'),
        error: (...args: unknown[]) => log.error({ detail: args.map(String).join(' ') }, 'sync room error'),
      },
      onSessionRemoved: (_room, { numSessionsRemaining }) => {
        if (numSessionsRemaining === 0) this.scheduleIdleClose(boardId);
      },
    });
    log.debug('room opened');
    void this.touch(boardId);
    return { boardId, room, storage, quota };
  }

  /** A room opened or closed is activity: the board's retention clock starts again (P-RET-1). */
  private touch(boardId: string): Promise<void> {
    return this.store.touchBoard(boardId, (this.options.now ?? Date.now)()).catch(() => {});
  }

  /** True while the board's room is open (or opening) in this process. */
  isOpen(boardId: string): boolean {
    return this.rooms.has(boardId);
  }

  /** Joins a session to the board's room in this process, opening it if needed. */
  async connect(boardId: string, session: SyncSession): Promise<SessionLink> {
    const open = await this.acquire(boardId);
    const observer = this.options.observer;
    if (!observer) {
      open.room.handleSocketConnect(session);
      return open.room;
    }
    const { socket } = session;
    open.room.handleSocketConnect({
      ...session,
      socket: {
        send: (message: string) => {
          observer.message(session.sessionId, 'out');
          socket.send(message);
        },
        close: (code?: number, reason?: string) => socket.close(code, reason),
        get readyState() {
          return socket.readyState;
        },
      },
    });
    return {
      handleSocketMessage: (sessionId, message) => {
        const started = performance.now();
        open.room.handleSocketMessage(sessionId, message);
        observer.message(sessionId, 'in');
        observer.handled(sessionId, (performance.now() - started) / 1000);
      },
      handleSocketClose: (sessionId) => open.room.handleSocketClose(sessionId),
    };
  }

  private scheduleIdleClose(boardId: string): void {
    this.cancelIdleClose(boardId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(boardId);
      void this.closeRoom(boardId);
    }, this.options.idleCloseMs);
    timer.unref();
    this.idleTimers.set(boardId, timer);
  }

  private cancelIdleClose(boardId: string): void {
    const timer = this.idleTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(boardId);
  }

  /**
   * Closes a board's room after saving everything it holds. Only when empty, unless `force` (the
   * board's lease was lost: its sessions are closed and reconnect to the new holder).
   */
  async closeRoom(boardId: string, { force = false } = {}): Promise<void> {
    const pending = this.rooms.get(boardId);
    if (!pending) return this.closing.get(boardId);
    const open = await pending.catch(() => null);
    if (!open || this.rooms.get(boardId) !== pending) return;
    if (open.room.getNumActiveSessions() > 0 && !this.shuttingDown && !force) return;
    this.rooms.delete(boardId);
    const done = (async () => {
      open.room.close();
      try {
        await open.storage.close();
        await this.touch(boardId);
        this.logger.debug({ boardId }, 'room closed');
      } catch (error) {
        this.logger.error({ boardId, err: (error as Error).message }, 'final save of a room failed');
        throw error;
      }
    })().finally(() => {
      this.closing.delete(boardId);
      this.emit('roomClosed', boardId);
    });
    this.closing.set(
      boardId,
      done.catch(() => {}),
    );
    return done;
  }

  /**
   * Closes a board's room at once without saving anything more (the board is being deleted): its
   * sessions are closed and its storage released.
   */
  async discardRoom(boardId: string): Promise<void> {
    this.cancelIdleClose(boardId);
    const pending = this.rooms.get(boardId);
    this.rooms.delete(boardId);
    const open = pending ? await pending.catch(() => null) : null;
    if (open) {
      open.room.close();
      await open.storage.discard();
      this.emit('roomClosed', boardId);
    }
    await this.closing.get(boardId);
  }

  private shuttingDown = false;

  /** Graceful stop: every room saved and closed. */
  async closeAll(): Promise<void> {
    this.shuttingDown = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const results = await Promise.allSettled(
      [...this.rooms.keys()].map((boardId) => this.closeRoom(boardId)),
    );
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length) throw new Error(`${failed.length} room(s) could not be saved on shutdown`);
  }

  /** Saves every open room now (used by health checks and tests). */
  async flushAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((room) => room.catch(() => null)));
    await Promise.all(rooms.map((open) => open?.storage.flush()));
  }

  /**
   * A shape and its ancestors (parent first, up to its page) in the board's room open in this process:
   * `[]` when the room has no such shape, `undefined` when the room is not open here.
   */
  async shapeChain(boardId: string, shapeId: string): Promise<ShapeChain | undefined> {
    const pending = this.rooms.get(boardId);
    const open = pending ? await pending.catch(() => null) : null;
    if (!open) return undefined;
    const chain: TLRecord[] = [];
    for (let id: string | undefined = shapeId; id !== undefined && chain.length < MAX_CHAIN;) {
      const record = open.room.getRecord(id) as TLRecord | undefined;
      if (!record) break;
      chain.push(record);
      id = 'parentId' in record ? record.parentId : undefined;
    }
    return chain;
  }

  /**
   * A server-side write through the board's room open in this process: `plan` reads the live records and
   * returns those to put, written in one storage transaction that the room sends to every client and the
   * store saves as any change. False when the room is not open here (its owner writes it).
   */
  async writeHere(boardId: string, plan: BoardWritePlan): Promise<boolean> {
    const pending = this.rooms.get(boardId);
    const open = pending ? await pending.catch(() => null) : null;
    if (!open || open.room.isClosed() || this.rooms.get(boardId) !== pending) return false;
    let written: readonly TLRecord[] = [];
    open.storage.storage.transaction((txn) => {
      const planned = plan({ get: (id) => txn.get(id), all: () => txn.values() }) ?? [];
      const puts = 'put' in planned ? planned.put : planned;
      const removes = 'remove' in planned ? planned.remove : [];
      // A bug must not reach clients as a record they would refuse: nothing is written then.
      for (const record of puts) validate(record);
      for (const id of removes) txn.delete(id);
      for (const record of puts) txn.set(record.id, record);
      written = puts;
    });
    open.quota?.written(written);
    return true;
  }

  /** The current document: from the live room when open, else from the store. */
  async snapshot(boardId: string): Promise<RoomSnapshot | null> {
    const pending = this.rooms.get(boardId);
    const open = pending ? await pending.catch(() => null) : null;
    if (open) return open.room.getCurrentSnapshot();
    await this.closing.get(boardId);
    return this.store.readSnapshot(boardId);
  }
}
