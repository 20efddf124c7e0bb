// Per-board ceilings tldraw's room does not have: how many shapes, how many bytes of document.
// Enforced with the room's record authorisers, so an over-limit write is skipped (the sender's
// canvas corrects itself) and the sender is told why. The same hook refuses records whose `meta`
// is not an object, which tldraw's validators let through.
import type { TLSocketRoomOptions, TLSyncForwardDiff, TLSyncStorage } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';

export interface BoardLimits {
  maxShapes: number;
  maxBoardBytes: number;
}

/** Called (at most once a second per session) when a session's write was refused. */
export type LimitExceededHandler = (sessionId: string, message: string) => void;

type AuthorizeArgs =
  | { session: { sessionId: string }; type: 'create'; prev: null; next: TLRecord }
  | { session: { sessionId: string }; type: 'update'; prev: TLRecord; next: TLRecord }
  | { session: { sessionId: string }; type: 'delete'; prev: TLRecord; next: null };

// The document's record types (the session-scoped ones, camera or presence, are not stored).
const DOCUMENT_TYPES = ['document', 'page', 'shape', 'binding', 'asset'] as const;

function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sizeOf(record: TLRecord): number {
  return Buffer.byteLength(JSON.stringify(record), 'utf8');
}

export class BoardQuota<SessionMeta> {
  private readonly sizes = new Map<string, number>();
  private readonly shapeIds = new Set<string>();
  private bytes = 0;
  // Writes allowed in the push being processed but not yet committed (committed ones arrive
  // in onCommittedChanges, on a later microtask).
  private pendingBytes = 0;
  private pendingShapes = 0;
  private pendingResetQueued = false;
  private readonly lastNotified = new Map<string, number>();

  constructor(
    storage: TLSyncStorage<TLRecord>,
    private readonly limits: BoardLimits,
    private readonly onExceeded: LimitExceededHandler,
    private readonly now: () => number = Date.now,
  ) {
    storage.transaction((txn) => {
      for (const [id, record] of txn.entries()) this.track(id, record);
    });
  }

  get shapeCount(): number {
    return this.shapeIds.size;
  }

  get byteCount(): number {
    return this.bytes;
  }

  /** The options to spread into `new TLSocketRoom(...)`. */
  roomOptions(): Pick<TLSocketRoomOptions<TLRecord, SessionMeta>, 'authorizeRecord' | 'onCommittedChanges'> {
    const authorize = (args: AuthorizeArgs) => this.authorize(args);
    // Every document type gets the same check; tldraw types each entry by its record type.
    const authorizeRecord = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type, authorize]));
    return {
      authorizeRecord: authorizeRecord as TLSocketRoomOptions<TLRecord, SessionMeta>['authorizeRecord'],
      onCommittedChanges: ({ diff }) => this.commit(diff),
    };
  }

  private authorize(args: AuthorizeArgs): TLRecord | null {
    if (args.type === 'delete') return args.prev;
    // tldraw validates `meta` as any JSON value; Atelier's code (and tldraw's own `in` checks) read
    // it as an object. Only a forged message sends anything else: skipped.
    // (A missing one is left to tldraw's validation, which refuses the whole push.)
    if (args.next.meta !== undefined && !isJsonObject(args.next.meta)) return null;
    if (!this.pendingResetQueued) {
      this.pendingResetQueued = true;
      queueMicrotask(() => {
        this.pendingResetQueued = false;
        this.pendingBytes = 0;
        this.pendingShapes = 0;
      });
    }
    const next = args.next;
    const newShape = args.type === 'create' && next.typeName === 'shape' && !this.shapeIds.has(next.id);
    if (newShape && this.shapeIds.size + this.pendingShapes >= this.limits.maxShapes) {
      this.refuse(
        args.session.sessionId,
        `this board already has ${this.limits.maxShapes} shapes, its maximum`,
      );
      return null;
    }
    const previous = args.prev ? (this.sizes.get(args.prev.id) ?? sizeOf(args.prev)) : 0;
    const growth = sizeOf(next) - previous;
    if (growth > 0 && this.bytes + this.pendingBytes + growth > this.limits.maxBoardBytes) {
      const megabytes = Math.round(this.limits.maxBoardBytes / (1024 * 1024));
      this.refuse(args.session.sessionId, `this board has reached its maximum size (${megabytes} MB)`);
      return null;
    }
    if (growth > 0) this.pendingBytes += growth;
    if (newShape) this.pendingShapes += 1;
    return next;
  }

  private refuse(sessionId: string, message: string): void {
    const now = this.now();
    if (now - (this.lastNotified.get(sessionId) ?? -Infinity) < 1000) return;
    this.lastNotified.set(sessionId, now);
    if (this.lastNotified.size > 1000) this.lastNotified.clear();
    this.onExceeded(sessionId, message);
  }

  private commit(diff: TLSyncForwardDiff<TLRecord>): void {
    for (const [id, put] of Object.entries(diff.puts)) this.track(id, Array.isArray(put) ? put[1] : put);
    for (const id of diff.deletes) this.untrack(id);
  }

  /** Records the server wrote through the room itself (no client push): counted like the others. */
  written(records: readonly TLRecord[]): void {
    for (const record of records) this.track(record.id, record);
  }

  private track(id: string, record: TLRecord): void {
    const size = sizeOf(record);
    this.bytes += size - (this.sizes.get(id) ?? 0);
    this.sizes.set(id, size);
    if (record.typeName === 'shape') this.shapeIds.add(id);
  }

  private untrack(id: string): void {
    this.bytes -= this.sizes.get(id) ?? 0;
    this.sizes.delete(id);
    this.shapeIds.delete(id);
  }
}
