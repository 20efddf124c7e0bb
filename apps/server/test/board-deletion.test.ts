// Deleting a board (personal data): its facilitator deletes a board with notes, a session log and an
// image, on each store; nothing of it is left (files, rows and keys read behind the store's back),
// its people are told and cut off, and every one of its links answers 404.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, SocketEvent, type SocketError } from '@atelier/protocol';
import {
  connectNativeClient,
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  tempDir,
  testClientKey,
  uploadAsset,
  viewerKeyOf,
  type RunningRedis,
  type RunningServer,
} from '@atelier/testkit';
import { redisLeftovers, sqliteLeftovers } from './store-leftovers';

async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Backend {
  name: string;
  start(): Promise<{ server: RunningServer; leftovers(boardId: string): Promise<string[]> }>;
}

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const backends: Backend[] = [
  {
    name: 'embedded store (SQLite)',
    start: async () => {
      const dataDir = tempDir();
      const server = await startServer({ dataDir });
      return { server, leftovers: async (boardId) => sqliteLeftovers(dataDir, boardId) };
    },
  },
  {
    name: 'Redis store',
    start: async () => {
      const server = await startServer({ redisUrl: redis.url });
      return { server, leftovers: (boardId) => redisLeftovers(redis.url, 'atelier:', boardId) };
    },
  },
];

describe.each(backends)('deleting a board: $name', (backend) => {
  let server: RunningServer;
  let leftovers: (boardId: string) => Promise<string[]>;
  beforeAll(async () => {
    ({ server, leftovers } = await backend.start());
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('leaves the other boards alone', async () => {
    const kept = await createBoard(server.url, { title: 'Gardé' });
    const gone = await createBoard(server.url, { title: 'Supprimé' });
    const response = await fetch(`${server.url}/api/boards/${gone.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${gone.facilitatorKey}` },
    });
    expect(response.status).toBe(204);
    expect((await fetch(`${server.url}/api/boards/${kept.id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/view/${viewerKeyOf(kept)}`)).status).toBe(200);
  });

  it('deletes the board with its notes, log and image; its people are told; its links answer 404', async () => {
    const board = await createBoard(server.url, { title: 'À supprimer', template: 'ideation' });
    const facilitator = connectSessionClient(server.url, {
      boardId: board.id,
      facilitatorKey: board.facilitatorKey,
      name: 'Animatrice',
    });
    const clientKey = testClientKey();
    const writer = connectSocketIoClient(server.url, {
      boardId: board.id,
      clientKey,
      name: 'Camille',
      lab: '110 bis',
    });
    const nativeWriter = connectNativeClient(server.url, board.id);
    await Promise.all([writer.loaded, nativeWriter.loaded, facilitator.connected()]);
    const told: SocketError[] = [];
    facilitator.socket.on(SocketEvent.error, (error) => told.push(error));
    writer.addNote('Une idée de Camille');
    nativeWriter.addNote('Une idée par /sync');
    await writer.waitFor(() => writer.hasNoteWithText('Une idée par /sync'));
    expect(await facilitator.command({ type: 'timer.start' })).toEqual({ ok: true });
    const image = await uploadAsset(server.url, board.id, 'photo.png', {
      bytes: randomBytes(2048),
      clientKey,
    });
    expect(image.status).toBe(201);
    const found = await leftovers(board.id);
    expect(found.length).toBeGreaterThan(0);

    // Only its facilitator may delete it.
    const url = `${server.url}/api/boards/${board.id}`;
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(401);
    const wrongKey = await fetch(url, { method: 'DELETE', headers: { Authorization: 'Bearer not-the-key' } });
    expect(wrongKey.status).toBe(403);
    expect((await fetch(url)).status).toBe(200);

    const deleted = await fetch(url, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${board.facilitatorKey}` },
    });
    expect(deleted.status).toBe(204);
    // The connected facilitator is told why, and cut off.
    await until(() => told.length > 0 && !facilitator.socket.connected, 'the notice and the disconnection');
    expect(told).toContainEqual(expect.objectContaining({ code: ErrorCode.boardNotFound }));

    expect(await leftovers(board.id)).toEqual([]);
    for (const link of [
      url,
      `${url}/session`,
      `${url}/retention`,
      `${url}/assets/photo.png`,
      `${url}/export/report.md`,
      `${server.url}/api/view/${viewerKeyOf(board)}`,
    ]) {
      expect((await fetch(link)).status, link).toBe(404);
    }
    // Nobody can join it again, on either transport.
    const late = connectSessionClient(server.url, { boardId: board.id });
    const refusal = await new Promise<SocketError | undefined>((resolve) =>
      late.socket.once('connect_error', (error: Error & { data?: SocketError }) => resolve(error.data)),
    );
    expect(refusal?.code).toBe(ErrorCode.boardNotFound);
    late.close();
    // A second deletion finds nothing.
    expect(
      (await fetch(url, { method: 'DELETE', headers: { Authorization: `Bearer ${board.facilitatorKey}` } }))
        .status,
    ).toBe(404);
    writer.close();
    nativeWriter.close();
    facilitator.close();
    // A graceful stop saves every open room: still nothing, no room wrote the board back.
    expect(await server.stop()).toBe(0);
    expect(await leftovers(board.id)).toEqual([]);
  });
});

describe('the deletion fence (Redis)', () => {
  it('is the only trace left: the lease says "deleted" for a day, so no process writes the board back', async () => {
    const server = await startServer({ redisUrl: redis.url });
    try {
      const board = await createBoard(server.url);
      await fetch(`${server.url}/api/boards/${board.id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${board.facilitatorKey}` },
      });
      const { Redis } = await import('ioredis');
      const client = new Redis(redis.url);
      const keys = (await client.keys(`*${board.id}*`)).sort();
      expect(keys).toEqual([`atelier:board:{${board.id}}:lastOwner`, `atelier:board:{${board.id}}:owner`]);
      for (const key of keys) {
        expect(await client.get(key)).toBe('deleted');
        const ttl = await client.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
      }
      client.disconnect();
    } finally {
      await server.stop();
    }
  });
});
