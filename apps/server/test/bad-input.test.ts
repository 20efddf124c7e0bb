// Bad input of every kind: the sender gets a clear, coded error; the server and the board carry on.
import * as syncCore from '@tldraw/sync-core';
import { createTLSchema } from '@tldraw/tlschema';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  socketIoAuth,
  startServer,
  testClientKey,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

const MAX_MESSAGE_BYTES = 64 * 1024;
// Exported at run time, left out of tldraw's public types: what a client sends as its protocol version.
const { getTlsyncProtocolVersion } = syncCore as unknown as { getTlsyncProtocolVersion: () => number };
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
});
afterAll(async () => {
  await server?.stop();
});

async function expectHealthy(): Promise<void> {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
}

async function post(path: string, body: string, contentType = 'application/json') {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string } },
  };
}

describe('REST', () => {
  it('malformed JSON gets 400 invalid_payload', async () => {
    const { status, body } = await post('/api/boards', '{"title": ');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid_payload');
  });

  it('an invalid body gets 400 with the field named', async () => {
    const { status, body } = await post('/api/boards', JSON.stringify({ title: '' }));
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/title/);
  });

  it('an unknown template gets 400', async () => {
    const { status, body } = await post('/api/boards', JSON.stringify({ title: 'x', template: 'nope' }));
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/template/);
  });

  it('an oversized body gets 413', async () => {
    const { status, body } = await post('/api/boards', JSON.stringify({ title: 'x'.repeat(200_000) }));
    expect(status).toBe(413);
    expect(body.error?.code).toBe('message_too_large');
  });

  it('unknown and malformed board ids get 404 board_not_found', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '../../etc/passwd', 'short']) {
      const response = await fetch(`${server.url}/api/boards/${encodeURIComponent(id)}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('board_not_found');
    }
  });

  it('an unknown API route gets a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('a created board exposes no secret in its public metadata', async () => {
    const board = await createBoard(server.url, { title: 'Secret test' });
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(board.facilitatorUrl).toContain(`#k=${board.facilitatorKey}`);
    const response = await fetch(`${server.url}/api/boards/${board.id}`);
    const text = await response.text();
    expect(text).not.toContain(board.facilitatorKey);
    expect(JSON.parse(text)).toMatchObject({ id: board.id, title: 'Secret test', template: 'blank' });
  });
});

function connectRaw(auth: unknown): Socket {
  return io(server.url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
  });
}

function connectError(socket: Socket): Promise<{ message: string; data?: { code: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected but should have been refused')));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error));
  });
}

describe('Socket.IO handshake', () => {
  it('a malformed handshake is refused with invalid_payload', async () => {
    const socket = connectRaw({ boardId: 42 });
    const error = await connectError(socket);
    expect(error.data?.code).toBe('invalid_payload');
    socket.close();
  });

  it('an unknown board is refused with board_not_found', async () => {
    const socket = connectRaw(socketIoAuth({ boardId: 'AAAAAAAAAAAAAAAAAAAAAA' }));
    const error = await connectError(socket);
    expect(error.data?.code).toBe('board_not_found');
    socket.close();
  });

  it('a wrong facilitator key is refused with unauthorized', async () => {
    const board = await createBoard(server.url);
    const socket = connectRaw(socketIoAuth({ boardId: board.id, facilitatorKey: 'not-the-key' }));
    const error = await connectError(socket);
    expect(error.data?.code).toBe('unauthorized');
    socket.close();
  });
});

/** A board with one well-behaved client holding a note, to check nothing else is disturbed. */
async function boardWithBystander(): Promise<{ boardId: string; bystander: TestSyncClient }> {
  const board = await createBoard(server.url);
  const bystander = connectSocketIoClient(server.url, { boardId: board.id, name: 'Bystander' });
  await bystander.loaded;
  bystander.addNote('déjà là');
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { boardId: board.id, bystander };
}

async function expectBoardIntact(boardId: string, bystander: TestSyncClient): Promise<void> {
  // The bystander still edits, and a newcomer sees exactly the good content.
  bystander.addNote('toujours là');
  const newcomer = connectSocketIoClient(server.url, { boardId });
  await newcomer.loaded;
  await newcomer.waitFor(() => newcomer.notes().length === 2, 5000, 'both good notes');
  expect(newcomer.store.allRecords().some((record) => record.id === 'shape:bad')).toBe(false);
  newcomer.close();
  bystander.close();
  await expectHealthy();
}

function rawSyncSocket(boardId: string): Promise<{ socket: Socket; events: Array<[string, unknown]> }> {
  const socket = io(server.url, {
    auth: { boardId, name: 'Raw', clientKey: testClientKey() },
    transports: ['websocket'],
    reconnection: false,
  });
  const events: Array<[string, unknown]> = [];
  socket.onAny((event: string, payload: unknown) => events.push([event, payload]));
  socket.on('disconnect', () => events.push(['disconnect', null]));
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, events })));
}

async function waitForEvent(events: Array<[string, unknown]>, name: string): Promise<unknown> {
  const started = Date.now();
  while (Date.now() - started < 5000) {
    const found = events.find(([event]) => event === name);
    if (found) return found[1];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${name} event; got ${events.map(([event]) => event).join(', ')}`);
}

function connectRequest() {
  return JSON.stringify({
    type: 'connect',
    connectRequestId: 'raw-1',
    lastServerClock: -1,
    protocolVersion: getTlsyncProtocolVersion(),
    schema: createTLSchema().serialize(),
  });
}

describe('sync messages', () => {
  it('a non-string sync payload gets invalid_payload and changes nothing', async () => {
    const { boardId, bystander } = await boardWithBystander();
    const { socket, events } = await rawSyncSocket(boardId);
    socket.emit('sync', { type: 'push' });
    const error = (await waitForEvent(events, 'atelier:error')) as { code: string };
    expect(error.code).toBe('invalid_payload');
    socket.close();
    await expectBoardIntact(boardId, bystander);
  });

  it('garbage that is not JSON ends that session only', async () => {
    const { boardId, bystander } = await boardWithBystander();
    const { socket, events } = await rawSyncSocket(boardId);
    socket.emit('sync', '{not json at all');
    await waitForEvent(events, 'disconnect');
    await expectBoardIntact(boardId, bystander);
  });

  it('an oversized message gets message_too_large, then a reset', async () => {
    const { boardId, bystander } = await boardWithBystander();
    const { socket, events } = await rawSyncSocket(boardId);
    socket.emit('sync', 'x'.repeat(MAX_MESSAGE_BYTES + 1000));
    const error = (await waitForEvent(events, 'atelier:error')) as { code: string; message: string };
    expect(error.code).toBe('message_too_large');
    expect(error.message).toContain(String(MAX_MESSAGE_BYTES));
    await waitForEvent(events, 'disconnect');
    await expectBoardIntact(boardId, bystander);
  });

  it('an invalid tldraw record is refused with INVALID_RECORD and never stored', async () => {
    const { boardId, bystander } = await boardWithBystander();
    const { socket, events } = await rawSyncSocket(boardId);
    socket.emit('sync', connectRequest());
    // The server embeds each tldraw message as a JSON value in the event.
    const connected = (await waitForEvent(events, 'sync')) as { type: string; serverClock: number };
    expect(connected.type).toBe('connect');
    socket.emit(
      'sync',
      JSON.stringify({
        type: 'push',
        clock: 1,
        diff: {
          'shape:bad': [
            'put',
            { id: 'shape:bad', typeName: 'shape', type: 'note', x: 'not a number', props: {} },
          ],
        },
      }),
    );
    const close = (await waitForEvent(events, 'sync:close')) as { code: number; reason: string };
    expect(close).toEqual({ code: 4099, reason: 'INVALID_RECORD' });
    await expectBoardIntact(boardId, bystander);
  });
});
