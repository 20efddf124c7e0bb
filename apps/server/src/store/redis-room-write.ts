// How a board's document is written to Redis: one Lua script, atomic, which first checks that the
// writer still holds the board (the lease fence, see rooms/SPEC.md R-LEASE-4) and that the board is
// there, then applies the changed records. A process that lost its lease can never overwrite the
// new holder's data, whatever its timers do once it wakes up.
import type { Redis } from 'ioredis';
import type { RoomSnapshot } from '@tldraw/sync-core';

/** The keys of one board, all in its hash slot `{id}`. */
export interface BoardKeys {
  /** The lease: which process runs the board's room (expires). */
  owner: string;
  /** Who took the lease last (kept): a vanished lease still says whether someone else took it since. */
  lastOwner: string;
  meta: string;
  session: string;
  docs: string;
  tombs: string;
  room: string;
  open: string;
}

export interface RoomHeader {
  documentClock: number;
  tombstoneHistoryStartsAtClock: number;
  schema?: RoomSnapshot['schema'];
}

/**
 * A writer identified as ARGV[1] (empty: unfenced) may write while the lease names it, or once the
 * lease has vanished (expired, Redis restarted) if nobody else took it meanwhile.
 */
const FENCE = `
local me = ARGV[1]
if me ~= '' then
  local owner = redis.call('get', KEYS[1])
  if owner ~= me then
    if owner then return 'fenced' end
    local last = redis.call('get', KEYS[2])
    if last and last ~= me then return 'fenced' end
  end
end
`;

// KEYS: owner, lastOwner, meta, session, docs, tombs, room.
// ARGV: writer, mode ('diff' | 'full' | 'restore'), header, meta, session, count of changed
// documents, then `id, json` per document, then `id, clock` per tombstone.
const WRITE_ROOM = `${FENCE}
local mode = ARGV[2]
if mode == 'restore' then
  redis.call('set', KEYS[3], ARGV[4], 'NX')
  if ARGV[5] ~= '' then redis.call('set', KEYS[4], ARGV[5], 'NX') end
elseif redis.call('exists', KEYS[3]) == 0 then
  return 'missing'
end
if mode ~= 'diff' then redis.call('del', KEYS[5], KEYS[6]) end
local afterDocs = 7 + 2 * tonumber(ARGV[6])
-- In slices: unpack is bounded by Lua's stack.
for i = 7, afterDocs - 1, 1000 do
  redis.call('hset', KEYS[5], unpack(ARGV, i, math.min(i + 999, afterDocs - 1)))
end
for i = afterDocs, #ARGV, 1000 do
  local last = math.min(i + 999, #ARGV)
  local ids = {}
  for k = i, last, 2 do ids[#ids + 1] = ARGV[k] end
  redis.call('hdel', KEYS[5], unpack(ids))
  redis.call('hset', KEYS[6], unpack(ARGV, i, last))
end
redis.call('set', KEYS[7], ARGV[3])
return 'ok'
`;

// KEYS: owner, lastOwner, open marker. ARGV: writer.
const CLEAR_OPEN_MARKER = `${FENCE}
redis.call('del', KEYS[3])
return 'ok'
`;

export type RoomWriteMode = 'diff' | 'full' | 'restore';
export type RoomWriteResult = 'ok' | 'fenced' | 'missing';

export interface RoomWrite {
  /** `''` for an unfenced write (a board being created, a store without leases). */
  writer: string;
  mode: RoomWriteMode;
  snapshot: RoomSnapshot;
  /** For a diff: only what changed after this clock is written. */
  sinceClock: number;
  /** For a restore: the board's metadata and facilitation state, written only if missing. */
  meta?: string;
  session?: string;
}

export async function writeRoom(redis: Redis, keys: BoardKeys, write: RoomWrite): Promise<RoomWriteResult> {
  const { snapshot, mode, sinceClock } = write;
  const all = mode !== 'diff';
  const docs: string[] = [];
  for (const entry of snapshot.documents) {
    if (all || entry.lastChangedClock > sinceClock) docs.push(entry.state.id, JSON.stringify(entry));
  }
  const tombs: string[] = [];
  for (const [recordId, clock] of Object.entries(snapshot.tombstones ?? {})) {
    if (all || clock > sinceClock) tombs.push(recordId, String(clock));
  }
  const header: RoomHeader = {
    documentClock: snapshot.documentClock ?? snapshot.clock ?? 0,
    tombstoneHistoryStartsAtClock: snapshot.tombstoneHistoryStartsAtClock ?? 0,
    ...(snapshot.schema ? { schema: snapshot.schema } : {}),
  };
  // One array (ioredis flattens it): a board's thousands of records are no function's arguments.
  const args = [
    keys.owner,
    keys.lastOwner,
    keys.meta,
    keys.session,
    keys.docs,
    keys.tombs,
    keys.room,
    write.writer,
    mode,
    JSON.stringify(header),
    write.meta ?? '',
    write.session ?? '',
    String(docs.length / 2),
  ];
  for (const value of docs) args.push(value);
  for (const value of tombs) args.push(value);
  const result = await redis.eval(WRITE_ROOM, 7, args);
  return result as RoomWriteResult;
}

/** Marks the board cleanly closed, unless another process holds it now (its marker is its own). */
export async function clearOpenMarker(redis: Redis, keys: BoardKeys, writer: string): Promise<void> {
  await redis.eval(CLEAR_OPEN_MARKER, 3, keys.owner, keys.lastOwner, keys.open, writer);
}
