// Limits with Redis are shared by every process (and outlive a crash): two real server processes on
// one real redis-server draw on one budget of wrong keys and of boards per hour, and one connection
// cap per address; the connections of a killed process stop counting once its liveness key expires.
import type { CreatedBoard } from '@atelier/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  socketIoAuth,
  startRedis,
  startServer,
  type RunningRedis,
  type RunningServer,
} from '@atelier/testkit';
import { until } from './faults/support';

let redis: RunningRedis;
let a: RunningServer;
let b: RunningServer;
const env = {
  MAX_CONNECTIONS_PER_IP: '4',
  MAX_BOARDS_PER_IP_PER_HOUR: '3',
  MAX_FAILED_KEY_ATTEMPTS_PER_MINUTE: '3',
  HANDSHAKE_TIMEOUT_MS: '1500',
};

beforeAll(async () => {
  redis = await startRedis();
  [a, b] = await Promise.all([
    startServer({ redisUrl: redis.url, env }),
    startServer({ redisUrl: redis.url, env }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await redis?.stop();
});

let addressCounter = 0;
function newAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

async function createBoardFrom(url: string, address: string) {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ title: 'Partagé' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function socketFrom(url: string, address: string, auth: Record<string, unknown>): Socket {
  return io(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { 'X-Forwarded-For': address },
  });
}

function handshake(socket: Socket): Promise<{ connected: boolean; code?: string }> {
  if (socket.connected) return Promise.resolve({ connected: true });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) =>
      resolve({ connected: false, ...(error.data ? { code: error.data.code } : { code: error.message }) }),
    );
  });
}

/** Tries a Socket.IO client from `address` until one gets in. */
function eventuallyConnects(url: string, address: string, boardId: string, timeoutMs: number, what: string) {
  return until(
    async () => {
      const socket = socketFrom(url, address, socketIoAuth({ boardId }));
      const result = await handshake(socket);
      socket.close();
      return result.connected;
    },
    timeoutMs,
    what,
  );
}

async function rawEngineHandshake(url: string, address: string): Promise<number> {
  const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, {
    headers: { 'X-Forwarded-For': address },
  });
  await response.text();
  return response.status;
}

describe('limits shared by two processes over Redis', () => {
  it('boards per hour: one budget per address across processes', async () => {
    const address = newAddress();
    expect((await createBoardFrom(a.url, address)).status).toBe(201);
    expect((await createBoardFrom(b.url, address)).status).toBe(201);
    expect((await createBoardFrom(a.url, address)).status).toBe(201);
    const refused = await createBoardFrom(b.url, address);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await createBoardFrom(a.url, address)).status).toBe(429);
    expect((await createBoardFrom(b.url, newAddress())).status).toBe(201);
  });

  it('wrong facilitator keys: one budget across processes; the right key still works on both', async () => {
    const board = (await createBoardFrom(a.url, newAddress())).body as unknown as CreatedBoard;
    const address = newAddress();
    const command = (url: string, key: string, type = 'timer.start') =>
      fetch(`${url}/api/boards/${board.id}/session/commands`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${key}`,
          'X-Forwarded-For': address,
        },
        body: JSON.stringify({ type }),
      });
    expect((await command(a.url, 'wrong-a1')).status).toBe(403);
    expect((await command(b.url, 'wrong-b1')).status).toBe(403);
    expect((await command(a.url, 'wrong-a2')).status).toBe(403);
    // The budget (3 a minute) is spent on A and B together.
    expect((await command(b.url, 'wrong-b2')).status).toBe(429);
    const socket = socketFrom(
      a.url,
      address,
      socketIoAuth({ boardId: board.id, facilitatorKey: 'wrong-a3' }),
    );
    expect(await handshake(socket)).toMatchObject({ connected: false, code: 'rate_limited' });
    socket.close();
    expect((await command(b.url, board.facilitatorKey)).status).toBe(200);
    expect((await command(a.url, board.facilitatorKey, 'timer.pause')).status).toBe(200);
  });

  it('connections per address: one cap across processes, raw engine.io handshakes included', async () => {
    const board = (await createBoardFrom(a.url, newAddress())).body as unknown as CreatedBoard;
    const address = newAddress();
    const onA = [0, 1].map(() => socketFrom(a.url, address, socketIoAuth({ boardId: board.id })));
    for (const socket of onA) expect(await handshake(socket)).toEqual({ connected: true });
    // Two raw engine.io sessions on B: they hold places until the handshake timeout.
    expect(await rawEngineHandshake(b.url, address)).toBe(200);
    expect(await rawEngineHandshake(b.url, address)).toBe(200);
    const fifthOnB = socketFrom(b.url, address, socketIoAuth({ boardId: board.id }));
    expect(await handshake(fifthOnB)).toMatchObject({ connected: false, code: 'rate_limited' });
    fifthOnB.close();
    // The raw sessions are dropped after 1.5 s: a real client gets their place.
    await eventuallyConnects(b.url, address, board.id, 10_000, 'a place freed on B');
    for (const socket of onA) socket.close();
  });

  it('a crashed process: its connections stop counting, the budgets it used stay spent', async () => {
    const c = await startServer({ redisUrl: redis.url, env });
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await createBoardFrom(c.url, address)).status).toBe(201);
    const board = (await createBoardFrom(c.url, newAddress())).body as unknown as CreatedBoard;
    const onC = [0, 1, 2, 3].map(() => socketFrom(c.url, address, socketIoAuth({ boardId: board.id })));
    for (const socket of onC) expect(await handshake(socket)).toEqual({ connected: true });
    const refusedOnB = socketFrom(b.url, address, socketIoAuth({ boardId: board.id }));
    expect(await handshake(refusedOnB)).toMatchObject({ connected: false, code: 'rate_limited' });
    refusedOnB.close();

    await c.stop('SIGKILL');
    for (const socket of onC) socket.close();
    // The boards budget is in Redis: a restart of every process would not reset it either.
    expect((await createBoardFrom(b.url, address)).status).toBe(429);
    // C's liveness key expires (15 s): B stops counting C's four connections.
    await eventuallyConnects(
      b.url,
      address,
      board.id,
      25_000,
      "the crashed process's connections to stop counting",
    );
  }, 45_000);
});
