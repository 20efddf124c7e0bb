// Who may write what on a board, enforced in the room for both transports: `decideWrite`'s rules
// (@atelier/board-schema SPEC) run on every record of every client push through tldraw's record
// authorisers, in front of the board's quota. A refused write is skipped, so the sender's editor rolls
// it back (tldraw's rebase) and nobody else sees it; the sender is also told why (rooms SPEC R-WRITE).
import {
  WriteRule,
  decideWrite,
  isLayoutScaffolding,
  isScaffolding,
  locksInEditor,
  scaffoldingMeta,
  zoneMetaKey,
  type BoardMoment,
  type RecordWrite,
} from '@atelier/board-schema';
import type { BoardRole } from '@atelier/protocol';
import type { TLSocketRoomOptions, TLSyncForwardDiff, TLSyncStorage } from '@tldraw/sync-core';
import type { TLRecord, TLShape } from '@tldraw/tlschema';

/** What the guard reads from a session's meta (the registry's `SyncSessionMeta`). */
interface WriterMeta {
  userId: string;
  role: BoardRole;
}

type GuardedOptions<SessionMeta> = Pick<
  TLSocketRoomOptions<TLRecord, SessionMeta>,
  'authorizeRecord' | 'onCommittedChanges'
>;

type AuthorizeArgs<SessionMeta> = { session: { sessionId: string; meta: SessionMeta } } & (
  | { type: 'create'; prev: null; next: TLRecord }
  | { type: 'update'; prev: TLRecord; next: TLRecord }
  | { type: 'delete'; prev: TLRecord; next: null }
);
type Authorize<SessionMeta> = (args: AuthorizeArgs<SessionMeta>) => TLRecord | null;

/** Called (at most once a second per session) when a session's write was refused by a rule. */
export type WriteRefusedHandler = (sessionId: string, rule: WriteRule, message: string) => void;

// The document's record types (session-scoped ones, camera or presence, are never stored or authorised).
const DOCUMENT_TYPES = ['document', 'page', 'shape', 'binding', 'asset'] as const;

const refusalMessages: Record<WriteRule, string> = {
  [WriteRule.viewer]: 'viewers cannot change the board',
  [WriteRule.page]: 'only the facilitator can add, rename or delete pages',
  [WriteRule.scaffolding]: "this part of the workshop's layout can only be changed by the facilitator",
  [WriteRule.mark]: "only the facilitator can add to the workshop's layout",
  [WriteRule.type]: 'a shape cannot change its kind',
  [WriteRule.author]: "a note's author cannot be changed",
  [WriteRule.noteDelete]: "only the facilitator can delete someone else's note",
  [WriteRule.privateStep]: 'during a private step your ideas go to your private list until the reveal',
};

const NO_MOMENT: BoardMoment = {};

function toWrite(args: AuthorizeArgs<unknown>): RecordWrite<TLRecord> {
  switch (args.type) {
    case 'create':
      return { type: 'create', next: args.next };
    case 'update':
      return { type: 'update', prev: args.prev, next: args.next };
    case 'delete':
      return { type: 'delete', prev: args.prev };
  }
}

/**
 * The room options enforcing the write rules in front of `inner`'s (the quota's): its authoriser sees
 * only writes the rules allowed (a new note already stamped with its author), and its commit hook runs
 * as before. `moment()` is the board's moment (a private step?) when the push arrives.
 */
export function withWriteRules<SessionMeta extends WriterMeta>(
  storage: TLSyncStorage<TLRecord>,
  inner: GuardedOptions<SessionMeta> | undefined,
  onRefused: WriteRefusedHandler,
  moment: () => BoardMoment = () => NO_MOMENT,
  now: () => number = Date.now,
): GuardedOptions<SessionMeta> {
  const lastNotified = new Map<string, number>();
  const orphans = new OrphanKeeper(storage);
  const innerAuthorizers = (inner?.authorizeRecord ?? {}) as Partial<Record<string, Authorize<SessionMeta>>>;

  const notify = (sessionId: string, rule: WriteRule) => {
    const time = now();
    if (time - (lastNotified.get(sessionId) ?? -Infinity) < 1000) return;
    if (lastNotified.size > 1000) lastNotified.clear();
    lastNotified.set(sessionId, time);
    onRefused(sessionId, rule, refusalMessages[rule]);
  };

  const authorizerFor = (typeName: string): Authorize<SessionMeta> => {
    const next = innerAuthorizers[typeName];
    return (args) => {
      const decision = decideWrite(args.session.meta, toWrite(args), moment());
      if (!decision.allowed) {
        notify(args.session.sessionId, decision.rule);
        return null;
      }
      if (args.type === 'delete' && args.session.meta.role !== 'facilitator') orphans.deleting(args.prev);
      if (!next) return decision.record;
      return args.type === 'create' ? next({ ...args, next: decision.record }) : next(args);
    };
  };

  const authorizeRecord = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type, authorizerFor(type)]));
  return {
    // tldraw types each entry by its record type; every entry here takes any document record.
    authorizeRecord: authorizeRecord as GuardedOptions<SessionMeta>['authorizeRecord'],
    onCommittedChanges: (change) => {
      inner?.onCommittedChanges?.(change);
      orphans.committed(change.diff);
    },
  };
}

/**
 * tldraw deletes a frame's or a group's children with it, and a child whose deletion a rule refused (a
 * note by someone else) would stay behind pointing at a missing parent, invisible. After such a push,
 * those children move up to the nearest remaining ancestor, where they were on screen. Only a stock
 * client gets here (the web app never deletes a container holding what it may not delete), so the
 * document is scanned once per such push, never on the ordinary path.
 */
class OrphanKeeper {
  private readonly deletedContainers = new Map<string, TLShape>();

  constructor(private readonly storage: TLSyncStorage<TLRecord>) {}

  deleting(record: TLRecord): void {
    if (record.typeName === 'shape' && (record.type === 'frame' || record.type === 'group'))
      this.deletedContainers.set(record.id, record);
  }

  committed(diff: TLSyncForwardDiff<TLRecord>): void {
    if (this.deletedContainers.size === 0) return;
    const deleted = new Map<string, TLShape>();
    for (const id of diff.deletes) {
      const container = this.deletedContainers.get(id);
      if (container) deleted.set(id, container);
    }
    this.deletedContainers.clear();
    if (deleted.size === 0) return;
    this.storage.transaction((txn) => {
      for (const [, record] of txn.entries()) {
        if (record.typeName !== 'shape' || !deleted.has(record.parentId)) continue;
        txn.set(record.id, liftOutOf(record, deleted));
      }
    });
  }
}

/** The shape with the same place on the page, its parent the nearest ancestor not in `deleted`. */
function liftOutOf(shape: TLShape, deleted: ReadonlyMap<string, TLShape>): TLShape {
  let { x, y, rotation, parentId } = shape;
  for (let parent = deleted.get(parentId); parent; parent = deleted.get(parentId)) {
    const cos = Math.cos(parent.rotation);
    const sin = Math.sin(parent.rotation);
    [x, y] = [parent.x + x * cos - y * sin, parent.y + x * sin + y * cos];
    rotation += parent.rotation;
    parentId = parent.parentId;
  }
  return { ...shape, x, y, rotation, parentId };
}

/**
 * Boards made before the scaffolding mark: their template shapes are found by their zone meta (frames of
 * groups, steps, theme columns, the map and the card tray; theme headers, question banners, académie
 * markers) and marked and locked like a new board's. Texts, lines and arrows of those boards carry no zone
 * and stay as they were. Written through the room's storage before the room opens; a board already
 * marked is only read.
 */
export function markLegacyScaffolding(storage: TLSyncStorage<TLRecord>): number {
  const unmarked: TLShape[] = [];
  storage.transaction((txn) => {
    for (const [, record] of txn.entries()) {
      if (record.typeName !== 'shape' || isScaffolding(record) || !isLayoutScaffolding(record)) continue;
      const meta: unknown = record.meta;
      if (typeof meta === 'object' && meta !== null && zoneMetaKey in meta) unmarked.push(record);
    }
  });
  if (unmarked.length === 0) return 0;
  storage.transaction((txn) => {
    for (const shape of unmarked) {
      txn.set(shape.id, {
        ...shape,
        isLocked: shape.isLocked || locksInEditor(shape),
        meta: { ...shape.meta, ...scaffoldingMeta() },
      });
    }
  });
  return unmarked.length;
}
