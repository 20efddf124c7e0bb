import { DEFAULT_INITIAL_SNAPSHOT, InMemorySyncStorage, type RoomSnapshot } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { BoardQuota } from './board-quota';

type Authorize = (args: {
  session: { sessionId: string };
  type: string;
  prev: TLRecord | null;
  next: TLRecord | null;
}) => TLRecord | null;

function shape(id: string, text = ''): TLRecord {
  return { id, typeName: 'shape', type: 'geo', meta: {}, props: { text } } as unknown as TLRecord;
}

function setUp(limits: { maxShapes: number; maxBoardBytes: number }) {
  const storage = new InMemorySyncStorage<TLRecord>({
    snapshot: structuredClone(DEFAULT_INITIAL_SNAPSHOT) as RoomSnapshot,
  });
  const refusals: string[] = [];
  let now = 0;
  const quota = new BoardQuota(
    storage,
    limits,
    (_session, message) => refusals.push(message),
    () => now,
  );
  const options = quota.roomOptions();
  const authorize = (options.authorizeRecord as Record<string, Authorize>).shape as Authorize;
  const create = (record: TLRecord) =>
    authorize({ session: { sessionId: 's' }, type: 'create', prev: null, next: record });
  const commit = (records: TLRecord[], deletes: string[] = []) =>
    options.onCommittedChanges?.({
      diff: { puts: Object.fromEntries(records.map((record) => [record.id, record])), deletes },
      documentClock: 1,
    });
  return { quota, create, commit, refusals, authorize, tick: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => queueMicrotask(() => resolve(null)));

describe('BoardQuota', () => {
  it('counts the document it starts from', () => {
    const { quota } = setUp({ maxShapes: 10, maxBoardBytes: 1e6 });
    expect(quota.shapeCount).toBe(0);
    expect(quota.byteCount).toBeGreaterThan(0);
  });

  it('refuses shapes past the limit, within one push too, and tells the sender once a second', async () => {
    const { create, commit, refusals, tick } = setUp({ maxShapes: 2, maxBoardBytes: 1e6 });
    expect(create(shape('shape:a'))).not.toBeNull();
    expect(create(shape('shape:b'))).not.toBeNull();
    expect(create(shape('shape:c'))).toBeNull();
    await settle();
    commit([shape('shape:a'), shape('shape:b')]);
    expect(create(shape('shape:d'))).toBeNull();
    expect(refusals).toHaveLength(1);
    tick(1000);
    expect(create(shape('shape:e'))).toBeNull();
    expect(refusals).toEqual([
      'this board already has 2 shapes, its maximum',
      'this board already has 2 shapes, its maximum',
    ]);
    await settle();
    commit([], ['shape:a']);
    expect(create(shape('shape:f'))).not.toBeNull();
  });

  it('refuses writes that would pass the size limit, not those that shrink or keep it', async () => {
    const startBytes = setUp({ maxShapes: 100, maxBoardBytes: 1e6 }).quota.byteCount;
    const { create, commit, authorize } = setUp({ maxShapes: 100, maxBoardBytes: startBytes + 400 });
    const big = shape('shape:big', 'x'.repeat(300));
    expect(create(big)).not.toBeNull();
    await settle();
    commit([big]);
    expect(create(shape('shape:more', 'y'.repeat(300)))).toBeNull();
    const smaller = shape('shape:big', 'x');
    const session = { sessionId: 's' };
    expect(authorize({ session, type: 'update', prev: big, next: smaller })).toBe(smaller);
    expect(authorize({ session, type: 'delete', prev: big, next: null })).toBe(big);
  });

  it('refuses records whose meta is not an object', () => {
    const { create } = setUp({ maxShapes: 10, maxBoardBytes: 1e6 });
    for (const meta of [1, 'x', [1], true, null]) {
      expect(create({ ...shape('shape:m'), meta } as unknown as TLRecord)).toBeNull();
    }
  });
});
