// Abuse limits (all set by environment variables, see the README): past each one the client gets a
// clear, coded answer and everybody else carries on. Distinct client addresses are simulated with
// X-Forwarded-For, which the server believes from a local proxy only by default (TRUST_PROXY
// loopback; the tests connect locally).
import { SocketEvent, type CreatedBoard, type SocketError } from '@atelier/protocol';
import type { TLNoteShape } from '@tldraw/tlschema';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  connectSocketIoClient,
  createBoard,
  socketIoAuth,
  startServer,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { connectCuttableClient, sleep, until } from './faults/support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    env: {
      MAX_CONNECTIONS_PER_IP: '4',
      MAX_BOARDS_PER_IP_PER_HOUR: '3',
      MAX_SHAPES_PER_BOARD: '25',
      MAX_BOARD_BYTES: String(96 * 1024),
      MAX_FAILED_KEY_ATTEMPTS_PER_MINUTE: '3',
      MAX_MESSAGES_PER_SECOND: '100',
      HANDSHAKE_TIMEOUT_MS: '1500',
    },
  });
});
afterAll(async () => {
  await server?.stop();
});

let addressCounter = 0;
/** A documentation address (RFC 5737) of its own for each test. */
function newAddress(): string {
  addressCounter += 1;
  return `203.0.113.${addressCounter}`;
}

async function createBoardFrom(address: string, url = server.url) {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ title: 'Limites' }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Boards for the tests, each from its own address: the server allows 3 an hour per address. */
async function boardFromNewAddress(): Promise<CreatedBoard> {
  const created = await createBoardFrom(newAddress());
  expect(created.status).toBe(201);
  return created.body as unknown as CreatedBoard;
}

function socketFrom(address: string, auth: Record<string, unknown>, url = server.url): Socket {
  return io(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { 'X-Forwarded-For': address },
  });
}

function handshake(
  socket: Socket,
): Promise<{ connected: true } | { connected: false; code?: string; message: string }> {
  // Sockets are opened together and awaited one by one: a later one may already be in.
  if (socket.connected) return Promise.resolve({ connected: true });
  return new Promise((resolve) => {
    // A handshake that never ends is a failure to report, not a test timeout to guess at.
    const timer = setTimeout(
      () =>
        resolve({ connected: false, code: 'no_answer', message: `no answer; socket ${socket.id ?? '?'}` }),
      5000,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ connected: true });
    });
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => {
      clearTimeout(timer);
      resolve({ connected: false, ...(error.data ? { code: error.data.code } : {}), message: error.message });
    });
  });
}

describe('limits per address', () => {
  it('boards created per address per hour', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await createBoardFrom(address)).status).toBe(201);
    const refused = await createBoardFrom(address);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await createBoardFrom(newAddress())).status).toBe(201);
  });

  it('open connections per address, Socket.IO and /sync counted together, freed on close', async () => {
    const board = await boardFromNewAddress();
    const address = newAddress();
    const sockets = Array.from({ length: 3 }, () => socketFrom(address, socketIoAuth({ boardId: board.id })));
    for (const socket of sockets) expect(await handshake(socket)).toEqual({ connected: true });
    const native = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${board.id}?sessionId=limits`, {
      headers: { 'X-Forwarded-For': address },
    });
    await new Promise((resolve, reject) => {
      native.once('open', resolve);
      native.once('close', (code, reason) => reject(new Error(`/sync closed: ${code} ${reason.toString()}`)));
    });

    const fifth = socketFrom(address, socketIoAuth({ boardId: board.id }));
    expect(await handshake(fifth)).toMatchObject({ connected: false, code: 'rate_limited' });
    // Another address is not affected.
    const elsewhere = socketFrom(newAddress(), socketIoAuth({ boardId: board.id }));
    expect(await handshake(elsewhere)).toEqual({ connected: true });
    // A /sync socket past the limit is closed with tldraw's RATE_LIMITED reason.
    const nativeRefused = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?sessionId=over`,
      {
        headers: { 'X-Forwarded-For': address },
      },
    );
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      nativeRefused.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed).toEqual({ code: 4099, reason: 'RATE_LIMITED' });

    sockets[0]?.close();
    native.close();
    await sleep(200);
    const again = socketFrom(address, socketIoAuth({ boardId: board.id }));
    expect(await handshake(again)).toEqual({ connected: true });
    for (const socket of [...sockets, fifth, elsewhere, again]) socket.close();
  });

  it('wrong facilitator keys, over REST and sockets together; the right key still works after the flood', async () => {
    const board = await boardFromNewAddress();
    const address = newAddress();
    const rest = (key: string, from = address) =>
      fetch(`${server.url}/api/boards/${board.id}/session/commands`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${key}`,
          'X-Forwarded-For': from,
        },
        body: JSON.stringify({ type: 'timer.start' }),
      });
    expect((await rest('wrong-1')).status).toBe(403);
    expect((await rest('wrong-2')).status).toBe(403);
    const wrongSocket = socketFrom(address, socketIoAuth({ boardId: board.id, facilitatorKey: 'wrong-3' }));
    expect(await handshake(wrongSocket)).toMatchObject({ connected: false, code: 'unauthorized' });

    // Past the budget (3 a minute) wrong keys are told to wait, over REST and sockets alike.
    const flood = await Promise.all(Array.from({ length: 20 }, (_, i) => rest(`wrong-flood-${i}`)));
    expect(new Set(flood.map((response) => response.status))).toEqual(new Set([429]));
    expect(await flood[0]?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(flood[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    const lockedSocket = socketFrom(address, socketIoAuth({ boardId: board.id, facilitatorKey: 'wrong-4' }));
    const locked = await handshake(lockedSocket);
    expect(locked).toMatchObject({ connected: false, code: 'rate_limited' });
    expect(locked.connected ? '' : locked.message).toMatch(/try again in \d+ s/);

    // The right key from that same address still gets in, over REST and over a socket.
    expect((await rest(board.facilitatorKey)).status).toBe(200);
    const facilitator = socketFrom(
      address,
      socketIoAuth({ boardId: board.id, facilitatorKey: board.facilitatorKey }),
    );
    expect(await handshake(facilitator)).toEqual({ connected: true });
    for (const socket of [wrongSocket, lockedSocket, facilitator]) socket.close();
  });
});

describe('raw engine.io connections (no Socket.IO connect packet)', () => {
  it('count against the per-address cap from their handshake and are closed after the handshake timeout', async () => {
    const address = newAddress();
    // 30 polling handshakes at once: with a cap of 4 (and 5 more let in to hear why) most are refused.
    const handshakes = await Promise.all(
      Array.from({ length: 30 }, () => rawEngineHandshake(server.url, address)),
    );
    const accepted = handshakes.filter((handshake) => handshake.sid);
    expect(accepted.length).toBeLessThanOrEqual(4 + 5);
    expect(handshakes.filter((handshake) => handshake.status === 403).length).toBe(30 - accepted.length);
    // A raw engine.io WebSocket is refused the same way (engine.io answers a refused upgrade with 400).
    const raw = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers: { 'X-Forwarded-For': address },
    });
    const refused = await new Promise<string>((resolve) => {
      raw.once('unexpected-response', (_request, response) => resolve(`HTTP ${response.statusCode}`));
      raw.once('open', () => resolve('open'));
    });
    expect(refused).toBe('HTTP 400');
    // Never sending Socket.IO's connect packet, the accepted ones are closed (HANDSHAKE_TIMEOUT_MS = 1.5 s)
    // and their places freed: a real client from that address gets in.
    await until(
      async () => (await rawEngineHandshake(server.url, address)).status === 200,
      10_000,
      'a place freed by the handshake timeout',
    );
    const board = await boardFromNewAddress();
    await until(
      async () => {
        const socket = socketFrom(address, socketIoAuth({ boardId: board.id }));
        const result = await handshake(socket);
        socket.close();
        return result.connected;
      },
      10_000,
      'a Socket.IO client from that address',
    );
  });
});

/** engine.io's polling handshake, as a raw client sends it: a session id, or the refusal's status. */
async function rawEngineHandshake(url: string, address: string): Promise<{ status: number; sid?: string }> {
  const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, {
    headers: { 'X-Forwarded-For': address },
  });
  const body = await response.text();
  const sid = response.status === 200 ? /"sid":"([^"]+)"/.exec(body)?.[1] : undefined;
  return { status: response.status, ...(sid ? { sid } : {}) };
}

describe('which proxy is believed: TRUST_PROXY', () => {
  /** A native /sync socket from `address`: still open a moment after opening, or how it was closed. */
  function openSync(url: string, boardId: string, address: string) {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${boardId}?sessionId=proxy`, {
      headers: { 'X-Forwarded-For': address },
    });
    return new Promise<{ open: true; ws: WebSocket } | { open: false; code: number; reason: string }>(
      (resolve) => {
        // A refused socket is accepted, then closed at once with tldraw's reason.
        ws.once('open', () => setTimeout(() => resolve({ open: true, ws }), 300));
        ws.once('close', (code, reason) => resolve({ open: false, code, reason: reason.toString() }));
      },
    );
  }

  /** One board, two Socket.IO clients and a /sync socket, each claiming its own address. */
  async function threeClaimedAddresses(trustProxy: string) {
    const proxied = await startServer({
      env: { TRUST_PROXY: trustProxy, MAX_CONNECTIONS_PER_IP: '1', MAX_BOARDS_PER_IP_PER_HOUR: '1' },
    });
    const sockets: Socket[] = [];
    try {
      const boards = [
        await createBoardFrom('198.51.100.1', proxied.url),
        await createBoardFrom('198.51.100.2', proxied.url),
      ];
      const board = boards[0]?.body as unknown as CreatedBoard;
      sockets.push(socketFrom('198.51.100.1', socketIoAuth({ boardId: board.id }), proxied.url));
      const first = await handshake(sockets[0] as Socket);
      sockets.push(socketFrom('198.51.100.2', socketIoAuth({ boardId: board.id }), proxied.url));
      const second = await handshake(sockets[1] as Socket);
      const native = await openSync(proxied.url, board.id, '198.51.100.3');
      if (native.open) native.ws.close();
      return {
        boardStatuses: boards.map((created) => created.status),
        first,
        second,
        native: native.open ? { open: true } : native,
      };
    } finally {
      for (const socket of sockets) socket.close();
      await proxied.stop();
    }
  }

  it('loopback: clients of a local proxy count as the addresses it names', async () => {
    expect(await threeClaimedAddresses('loopback')).toEqual({
      boardStatuses: [201, 201],
      first: { connected: true },
      second: { connected: true },
      native: { open: true },
    });
  });

  it('none: X-Forwarded-For is ignored, every client is the peer (127.0.0.1) and shares its limits', async () => {
    expect(await threeClaimedAddresses('none')).toEqual({
      boardStatuses: [201, 429],
      first: { connected: true },
      second: {
        connected: false,
        code: 'rate_limited',
        message: 'too many open connections from this address',
      },
      native: { open: false, code: 4099, reason: 'RATE_LIMITED' },
    });
  });
});

describe('limits per board', () => {
  /** On a fresh board: a writer whose refusals are collected, and another client that watches. */
  async function writerAndOther() {
    const board = await boardFromNewAddress();
    const writer = connectCuttableClient(server.url, { boardId: board.id, name: 'Writer' });
    const errors: SocketError[] = [];
    writer.io.on(SocketEvent.error, (error: SocketError) => errors.push(error));
    const other = connectSocketIoClient(server.url, { boardId: board.id, name: 'Other' });
    await Promise.all([writer.loaded, other.loaded]);
    return { writer, errors, other };
  }

  it('shapes per board: past the limit creations are refused with limit_exceeded, the rest goes on', async () => {
    const { writer, errors, other } = await writerAndOther();
    const shapesAtStart = other.store.allRecords().filter((record) => record.typeName === 'shape').length;
    const room = 25 - shapesAtStart;
    expect(room).toBeGreaterThan(5);

    const ids = Array.from({ length: room + 10 }, (_, i) => writer.addNote(`n${i}`, { x: i * 20, y: 0 }));
    await until(() => errors.some((error) => error.code === 'limit_exceeded'), 10_000, 'limit_exceeded');
    expect(errors.find((error) => error.code === 'limit_exceeded')?.message).toMatch(/25 shapes/);
    const shapes = (client: TestSyncClient) =>
      client.store.allRecords().filter((record) => record.typeName === 'shape').length;
    await other.waitFor(() => shapes(other) === 25, 10_000, '25 shapes at the other client');
    // The refused notes vanish from the writer's canvas too: everyone sees the same board.
    await writer.waitFor(() => shapes(writer) === 25, 10_000, "the writer's canvas corrected");
    await sleep(300);
    expect(shapes(other)).toBe(25);

    // Editing and deleting still work; a deletion makes room again.
    const first = writer.store.get(ids[0] as TLNoteShape['id']) as TLNoteShape;
    writer.store.put([{ ...first, x: 999 }]);
    writer.store.remove([ids[1] as TLNoteShape['id']]);
    await other.waitFor(
      () => (other.store.get(ids[0] as TLNoteShape['id']) as TLNoteShape | undefined)?.x === 999,
    );
    const fresh = writer.addNote('après suppression');
    await other.waitFor(() => other.store.has(fresh), 10_000, 'a note added once room was made');
    writer.close();
    other.close();
  });

  it('board size in bytes: a write that would pass it is refused with limit_exceeded', async () => {
    const { writer, errors, other } = await writerAndOther();
    const big = 'x'.repeat(10_000);
    for (let i = 0; i < 12; i++) {
      writer.addNote(`${i} ${big}`, { x: i * 220, y: 0 });
      await sleep(30);
    }
    await until(() => errors.some((error) => error.code === 'limit_exceeded'), 10_000, 'limit_exceeded');
    expect(errors.find((error) => error.code === 'limit_exceeded')?.message).toMatch(/maximum size/);
    await sleep(500);
    const saved = other.store
      .allRecords()
      .filter((record) => ['document', 'page', 'shape', 'binding', 'asset'].includes(record.typeName));
    const bytes = saved.reduce((sum, record) => sum + Buffer.byteLength(JSON.stringify(record)), 0);
    expect(bytes).toBeLessThanOrEqual(96 * 1024);
    expect(other.notes().length).toBeGreaterThan(3);
    expect(other.notes().length).toBeLessThan(12);
    // Small edits that do not grow the board still go through.
    const kept = other.notes()[0] as TLNoteShape;
    writer.store.put([{ ...(writer.store.get(kept.id) as TLNoteShape), x: -500 }]);
    await other.waitFor(() => (other.store.get(kept.id) as TLNoteShape).x === -500);
    writer.close();
    other.close();
  });
});

describe('messages per second per connection', () => {
  it('a /sync socket sending too fast is closed with RATE_LIMITED', async () => {
    const board = await boardFromNewAddress();
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${board.id}?sessionId=flood`, {
      headers: { 'X-Forwarded-For': newAddress() },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    for (let i = 0; i < 150 && ws.readyState === ws.OPEN; i++) ws.send(JSON.stringify({ type: 'ping' }));
    expect(await closed).toEqual({ code: 4099, reason: 'RATE_LIMITED' });
  });

  it('one flooding client is cut off with rate_limited while 20 others keep editing', async () => {
    // A server of its own, with the default limits: the flooder and the 20 share an address.
    const floodServer = await startServer();
    try {
      const board = await createBoard(floodServer.url, { title: 'Flood' });
      const observer = connectSocketIoClient(floodServer.url, { boardId: board.id, name: 'Observer' });
      const editors = Array.from({ length: 20 }, (_, i) =>
        connectSocketIoClient(floodServer.url, { boardId: board.id, name: `Editor ${i}` }),
      );
      await Promise.all([observer.loaded, ...editors.map((editor) => editor.loaded)]);
      const seenAt = new Map<string, number>();
      observer.store.listen(
        ({ changes }) => {
          for (const id of Object.keys(changes.added)) if (!seenAt.has(id)) seenAt.set(id, performance.now());
        },
        { source: 'remote', scope: 'document' },
      );

      // The flooder: every event it can think of, as fast as it can, reconnecting when cut off.
      let flooding = true;
      const refusals: string[] = [];
      let sent = 0;
      const flood = (async () => {
        while (flooding) {
          const socket = io(floodServer.url, {
            auth: socketIoAuth({ boardId: board.id, name: 'Flooder' }),
            transports: ['websocket'],
            reconnection: false,
          });
          socket.on(SocketEvent.error, (error: SocketError) => refusals.push(error.code));
          const ok = await handshake(socket);
          if (!ok.connected) {
            refusals.push(ok.code ?? 'refused');
            await sleep(100);
            continue;
          }
          while (flooding && socket.connected) {
            for (let i = 0; i < 200; i++) {
              socket.emit(SocketEvent.timeSync, { clientSentAt: i });
              socket.emit(SocketEvent.sync, JSON.stringify({ type: 'ping' }));
              sent += 2;
            }
            await sleep(5);
          }
          socket.close();
        }
      })();

      const sentAt = new Map<string, number>();
      for (let round = 0; round < 15; round++) {
        for (const [e, editor] of editors.entries()) {
          sentAt.set(editor.addNote(`e${e} r${round}`, { x: round * 120, y: e * 120 }), performance.now());
        }
        await sleep(200);
      }
      await until(() => [...sentAt.keys()].every((id) => seenAt.has(id)), 20_000, "every editor's notes");
      flooding = false;
      await flood;

      const latencies = [...sentAt].map(([id, at]) => (seenAt.get(id) ?? 0) - at).sort((a, b) => a - b);
      const quantile = (q: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
      console.log(
        `limits: flood: ${sent} messages from the flooder, refused ${refusals.filter((code) => code === 'rate_limited').length} times; ` +
          `${latencies.length} edits by 20 others, latency p50 ${quantile(0.5).toFixed(0)} ms, p99 ${quantile(0.99).toFixed(0)} ms, max ${quantile(1).toFixed(0)} ms`,
      );
      expect(refusals).toContain('rate_limited');
      expect(latencies).toHaveLength(300);
      expect((await fetch(`${floodServer.url}/healthz`)).status).toBe(200);
      for (const client of [observer, ...editors]) client.close();
    } finally {
      await floodServer.stop();
    }
  }, 60_000);
});
