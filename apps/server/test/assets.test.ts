// Uploaded files (issue 12, row 4): only someone connected to the board as a participant or its
// facilitator may add one (the upload carries their client key), never a viewer or a stranger; a
// file never changes once written; a board's files have a quota and an address an upload rate, the
// same for every process; and in Redis no asset id can reach another asset's content type.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connectBoardSocket,
  createBoard,
  startRedis,
  startServer,
  testClientKey,
  uploadAsset,
  viewerKeyOf,
  type RunningRedis,
  type RunningServer,
} from '@atelier/testkit';

const MAX_BOARD_ASSET_BYTES = 1024 * 1024;
let server: RunningServer;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  server = await startServer({ env: { MAX_BOARD_ASSET_BYTES: String(MAX_BOARD_ASSET_BYTES) } });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await server?.stop();
});

/** Someone with a live socket on the board; resolves once the server has taken them in. */
async function present(
  baseUrl: string,
  target: { boardId: string; facilitatorKey?: string } | { viewerKey: string },
): Promise<string> {
  const clientKey = testClientKey();
  const socket = connectBoardSocket(baseUrl, { ...target, clientKey, name: 'Présent' });
  cleanups.push(() => socket.close());
  await new Promise((resolve) => socket.once('welcome', resolve));
  return clientKey;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

async function stored(baseUrl: string, boardId: string, assetId: string) {
  const response = await fetch(`${baseUrl}/api/boards/${boardId}/assets/${encodeURIComponent(assetId)}`);
  if (response.status === 404) return null;
  return {
    contentType: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('who may upload', () => {
  it('a stranger, without proof or with the key of nobody connected, is refused; nothing is stored', async () => {
    const board = await createBoard(server.url);
    const bytes = randomBytes(1000);
    const anonymous = await uploadAsset(server.url, board.id, 'a.png', { bytes });
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe('unauthorized');
    const absent = await uploadAsset(server.url, board.id, 'a.png', { bytes, clientKey: testClientKey() });
    expect(absent.status).toBe(403);
    expect(await errorCode(absent)).toBe('forbidden');
    // Connected to another board does not count.
    const elsewhere = await present(server.url, { boardId: (await createBoard(server.url)).id });
    expect((await uploadAsset(server.url, board.id, 'a.png', { bytes, clientKey: elsewhere })).status).toBe(
      403,
    );
    expect(await stored(server.url, board.id, 'a.png')).toBeNull();
  });

  it('a viewer is refused, even to overwrite; a participant and the facilitator may add files', async () => {
    const board = await createBoard(server.url);
    const participant = await present(server.url, { boardId: board.id });
    const facilitator = await present(server.url, {
      boardId: board.id,
      facilitatorKey: board.facilitatorKey,
    });
    const viewer = await present(server.url, { viewerKey: viewerKeyOf(board) });
    const original = randomBytes(1000);
    const first = await uploadAsset(server.url, board.id, 'pic.png', {
      bytes: original,
      clientKey: participant,
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ url: `/api/boards/${board.id}/assets/pic.png` });
    const byFacilitator = await uploadAsset(server.url, board.id, 'other.png', {
      bytes: randomBytes(10),
      clientKey: facilitator,
    });
    expect(byFacilitator.status).toBe(201);
    for (const assetId of ['pic.png', 'new.png']) {
      const refused = await uploadAsset(server.url, board.id, assetId, {
        bytes: Buffer.from('<svg/>'),
        contentType: 'image/svg+xml',
        clientKey: viewer,
      });
      expect(refused.status).toBe(403);
      expect(await errorCode(refused)).toBe('forbidden');
    }
    expect((await stored(server.url, board.id, 'pic.png'))?.bytes.equals(original)).toBe(true);
    expect(await stored(server.url, board.id, 'new.png')).toBeNull();
  });
});

describe('what is stored', () => {
  it('a file never changes: a second write to the same id is a conflict', async () => {
    const board = await createBoard(server.url);
    const clientKey = await present(server.url, { boardId: board.id });
    const original = randomBytes(1000);
    expect((await uploadAsset(server.url, board.id, 'pic.png', { bytes: original, clientKey })).status).toBe(
      201,
    );
    const again = await uploadAsset(server.url, board.id, 'pic.png', {
      bytes: Buffer.from('<svg/>'),
      contentType: 'image/svg+xml',
      clientKey,
    });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('conflict');
    expect(await stored(server.url, board.id, 'pic.png')).toEqual({
      contentType: 'image/png',
      bytes: original,
    });
  });

  it('a board’s files stop at MAX_BOARD_ASSET_BYTES with limit_exceeded; other boards carry on', async () => {
    const board = await createBoard(server.url);
    const clientKey = await present(server.url, { boardId: board.id });
    const part = () => randomBytes(MAX_BOARD_ASSET_BYTES * 0.4);
    expect((await uploadAsset(server.url, board.id, 'one.png', { bytes: part(), clientKey })).status).toBe(
      201,
    );
    expect((await uploadAsset(server.url, board.id, 'two.png', { bytes: part(), clientKey })).status).toBe(
      201,
    );
    const full = await uploadAsset(server.url, board.id, 'three.png', { bytes: part(), clientKey });
    expect(full.status).toBe(413);
    expect(await errorCode(full)).toBe('limit_exceeded');
    expect(await stored(server.url, board.id, 'three.png')).toBeNull();
    const other = await createBoard(server.url);
    const otherKey = await present(server.url, { boardId: other.id });
    expect(
      (await uploadAsset(server.url, other.id, 'one.png', { bytes: part(), clientKey: otherKey })).status,
    ).toBe(201);
  });
});

describe('two processes on one Redis', () => {
  let redis: RunningRedis;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    redis = await startRedis();
    const options = { redisUrl: redis.url, env: { MAX_ASSET_UPLOADS_PER_IP_PER_MINUTE: '6' } };
    [a, b] = await Promise.all([startServer(options), startServer(options)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('an asset id cannot overwrite another’s content type (`pic:type`); proofs hold across processes', async () => {
    const board = await createBoard(a.url);
    // Connected to A, uploading through B: B finds the person on A.
    const clientKey = await present(a.url, { boardId: board.id });
    const png = randomBytes(500);
    expect((await uploadAsset(b.url, board.id, 'pic', { bytes: png, clientKey })).status).toBe(201);
    const forged = await uploadAsset(b.url, board.id, 'pic:type', {
      bytes: Buffer.from('image/svg+xml'),
      contentType: 'image/svg+xml',
      clientKey,
    });
    expect(forged.status).toBe(201);
    for (const server of [a, b]) {
      expect(await stored(server.url, board.id, 'pic')).toEqual({ contentType: 'image/png', bytes: png });
      expect((await stored(server.url, board.id, 'pic:type'))?.contentType).toBe('image/svg+xml');
    }
  });

  it('the upload rate of an address is counted by every process together', async () => {
    const board = await createBoard(a.url);
    const clientKey = await present(a.url, { boardId: board.id });
    // An address of its own (the servers believe their loopback proxy): 6 uploads, alternating
    // processes, then refused on both.
    const headers = { 'X-Forwarded-For': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const target = i % 2 ? b : a;
      const response = await uploadAsset(target.url, board.id, `image-${i}.png`, {
        bytes: randomBytes(100),
        clientKey,
        headers,
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await errorCode(response)).toBe('rate_limited');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
    // Another address is not held back.
    expect(
      (await uploadAsset(b.url, board.id, 'other.png', { bytes: randomBytes(100), clientKey })).status,
    ).toBe(201);
  });
});
