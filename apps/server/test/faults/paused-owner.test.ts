// A board's owner is frozen (SIGSTOP) with an acknowledged change it has not saved yet. Its lease
// runs out, the other process takes the board and saves newer work; when the frozen one wakes up,
// its overdue save is refused by the lease fence (rooms/SPEC.md R-LEASE-4): the new holder's data
// stays, and everyone carries on with it.
import { toRichText, type TLNoteShape, type TLShapeId } from '@tldraw/tlschema';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { until } from './support';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track<T extends { close(): void }>(client: T): T {
  cleanups.push(() => client.close());
  return client;
}

const text = (value: string) => JSON.stringify(toRichText(value));

function rewrite(client: TestSyncClient, id: TLShapeId, value: string): void {
  const note = client.store.get(id) as TLNoteShape;
  client.store.put([{ ...note, props: { ...note.props, richText: toRichText(value) } }]);
}

function noteText(client: TestSyncClient, id: TLShapeId): string | undefined {
  const note = client.store.get(id) as TLNoteShape | undefined;
  return note ? JSON.stringify(note.props.richText) : undefined;
}

describe('an owner frozen past its lease', () => {
  it('R-LEASE-4: when it wakes up, its overdue save does not overwrite the new holder', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    // A saves 3 s after a change, long enough to freeze it in between; B saves at once.
    const a = await startServer({ redisUrl: redis.url, env: { REDIS_SAVE_DELAY_MS: '3000' } });
    cleanups.push(() => a.stop('SIGKILL'));
    const b = await startServer({ redisUrl: redis.url, env: { REDIS_SAVE_DELAY_MS: '50' } });
    cleanups.push(() => b.stop('SIGKILL'));
    const inspector = new Redis(redis.url);
    cleanups.push(() => inspector.disconnect());
    const board = await createBoard(a.url, { title: 'Gel' });
    const key = (part: string) => `atelier:board:{${board.id}}:${part}`;
    const savedText = async (id: TLShapeId) => {
      const raw = await inspector.hget(key('docs'), id);
      return raw
        ? JSON.stringify((JSON.parse(raw) as { state: TLNoteShape }).state.props.richText)
        : undefined;
    };

    const writer = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    const observer = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Olivier' }));
    await Promise.all([writer.loaded, observer.loaded]);
    const note = writer.addNote('v1');
    await until(async () => (await savedText(note)) === text('v1'), 10_000, 'v1 saved');
    const ownerA = await inspector.get(key('owner'));

    // A acknowledges v2 (the observer has it from A's room), then freezes before saving it.
    rewrite(writer, note, 'v2 (A, gelé avant de l’enregistrer)');
    await observer.waitFor(() => noteText(observer, note) === text('v2 (A, gelé avant de l’enregistrer)'));
    a.child.kill('SIGSTOP');
    cleanups.push(() => a.child.kill('SIGCONT'));

    // Its lease runs out; a client of B is served by B, from what Redis holds.
    const late = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }));
    await until(
      async () => ![null, ownerA].includes(await inspector.get(key('owner'))),
      20_000,
      'B holds the board',
    );
    await late.loaded;
    await late.waitFor(() => noteText(late, note) === text('v1'), 10_000, 'v1 on B');
    rewrite(late, note, 'v3 (B)');
    await until(async () => (await savedText(note)) === text('v3 (B)'), 10_000, 'v3 saved by B');

    // A wakes up: its save is overdue, its lease gone. It says so, and writes nothing.
    a.child.kill('SIGCONT');
    await until(
      () => /another process took this board over|final save refused/.test(a.output()),
      10_000,
      'A refused',
    );
    expect(await savedText(note)).toBe(text('v3 (B)'));
    expect(a.child.exitCode).toBeNull();
    // A's clients are routed to B and see B's board.
    await writer.waitFor(() => noteText(writer, note) === text('v3 (B)'), 20_000, 'the writer on B’s board');
    expect(await savedText(note)).toBe(text('v3 (B)'));
  }, 90_000);
});
