// Who may do what: the facilitator key never leaves the facilitator (not in logs, not to
// participants), only the app's own pages may open sockets, and the API answers no other site
// (CORS closed). Read-only links: viewer-link.test.ts.
import { createHash } from 'node:crypto';
import { SocketEvent } from '@atelier/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  connectSocketIoClient,
  createBoard,
  socketIoAuth,
  startServer,
  type RunningServer,
} from '@atelier/testkit';
import { sleep } from './faults/support';

let server: RunningServer;
beforeAll(async () => {
  // Everything the server can say, so that "not in the logs" means something.
  server = await startServer({ env: { LOG_LEVEL: 'trace' } });
});
afterAll(async () => {
  await server?.stop();
});

function connect(auth: Record<string, unknown>, origin?: string): Socket {
  return io(server.url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    ...(origin ? { extraHeaders: { Origin: origin } } : {}),
  });
}

function connected(socket: Socket): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
}

async function facilitatorCommand(socket: Socket, command: unknown): Promise<{ ok: boolean }> {
  return (await socket.timeout(5000).emitWithAck(SocketEvent.sessionCommand, command)) as { ok: boolean };
}

describe('the facilitator key', () => {
  it('is never written to the logs, whatever is done with it', async () => {
    const board = await createBoard(server.url, { title: 'Clé', template: 'codev-flash' });
    const key = board.facilitatorKey;
    const wrongKey = 'Wrong-key-that-must-not-be-logged-0001';
    const facilitator = connect(socketIoAuth({ boardId: board.id, facilitatorKey: key }));
    expect(await connected(facilitator)).toBe(true);
    expect((await facilitatorCommand(facilitator, { type: 'timer.start' })).ok).toBe(true);
    const wrong = connect(socketIoAuth({ boardId: board.id, facilitatorKey: wrongKey }));
    expect(await connected(wrong)).toBe(false);
    for (const bearer of [key, wrongKey]) {
      await fetch(`${server.url}/api/boards/${board.id}/session/commands`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ type: 'timer.pause' }),
      });
    }
    // The facilitator link carries the key in its fragment, which browsers never send; a page
    // request with it in a query string must not echo it either.
    await fetch(`${server.url}/b/${board.id}?k=${key}`);
    facilitator.close();
    wrong.close();
    await sleep(300);
    expect(server.output()).toContain('"level":20'); // debug lines were written
    expect(server.output()).not.toContain(key);
    expect(server.output()).not.toContain(wrongKey);
  });

  it('never reaches a participant: not in any event, nor in the public REST answers', async () => {
    const board = await createBoard(server.url, { title: 'Clé', template: 'codev-flash' });
    const secrets = [board.facilitatorKey, createHash('sha256').update(board.facilitatorKey).digest('hex')];
    const heard: string[] = [];
    const participant = connect(socketIoAuth({ boardId: board.id, name: 'Participant' }));
    participant.onAny((event: string, ...args: unknown[]) => heard.push(`${event} ${JSON.stringify(args)}`));
    expect(await connected(participant), 'participant').toBe(true);
    // A real canvas client too, so the tldraw sync traffic is part of what is checked.
    const canvas = connectSocketIoClient(server.url, { boardId: board.id, name: 'Canvas' });
    await canvas.loaded;

    const facilitator = connect(socketIoAuth({ boardId: board.id, facilitatorKey: board.facilitatorKey }));
    expect(await connected(facilitator), 'facilitator').toBe(true);
    for (const command of [
      { type: 'timer.start' },
      { type: 'step.next' },
      { type: 'question.set', text: 'Q ?' },
    ]) {
      expect((await facilitatorCommand(facilitator, command)).ok, command.type).toBe(true);
    }
    await sleep(300);
    for (const path of [
      `/api/boards/${board.id}`,
      `/api/boards/${board.id}/session`,
      '/api/templates',
      '/api/config',
    ]) {
      heard.push(await (await fetch(`${server.url}${path}`)).text());
    }
    heard.push(JSON.stringify(canvas.store.allRecords()));
    expect(heard.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(heard.join('\n')).not.toContain(secret);
    for (const socket of [participant, facilitator]) socket.close();
    canvas.close();
  });
});

describe('origins and CORS', () => {
  it('a page of another site cannot open a Socket.IO or /sync socket; the app’s own origin can', async () => {
    const board = await createBoard(server.url);
    const foreign = connect(socketIoAuth({ boardId: board.id }), 'https://evil.example');
    expect(await connected(foreign)).toBe(false);
    foreign.close();
    const own = connect(socketIoAuth({ boardId: board.id }), server.url);
    expect(await connected(own)).toBe(true);
    own.close();

    const wsUrl = `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?sessionId=origin`;
    const refusal = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers: { Origin: 'https://evil.example' } });
      ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.once('open', () => resolve(101));
    });
    expect(refusal).toBe(403);
    const accepted = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers: { Origin: server.url } });
      ws.once('open', () => {
        ws.close();
        resolve(true);
      });
      ws.once('error', () => resolve(false));
    });
    expect(accepted).toBe(true);

    // Socket.IO's HTTP long-polling handshake is refused the same way, with no CORS header.
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(polling.status).toBeGreaterThanOrEqual(400);
    expect(polling.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the API sends no Access-Control-Allow-Origin, to simple requests or preflights', async () => {
    const board = await createBoard(server.url);
    const origin = 'https://evil.example';
    const responses = [
      await fetch(`${server.url}/api/boards/${board.id}`, { headers: { Origin: origin } }),
      await fetch(`${server.url}/api/boards/${board.id}/session`, { headers: { Origin: origin } }),
      await fetch(`${server.url}/api/boards`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,authorization',
        },
      }),
      await fetch(`${server.url}/api/boards/${board.id}/session/commands`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      }),
    ];
    for (const response of responses) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('API answers carry the security headers too', async () => {
    const response = await fetch(`${server.url}/api/templates`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('with PUBLIC_URL set', () => {
  it('only that origin may open sockets, whatever Host the request carries', async () => {
    const publicServer = await startServer({ env: { PUBLIC_URL: 'https://atelier.example.fr' } });
    try {
      const board = await createBoard(publicServer.url);
      const open = (origin: string) =>
        io(publicServer.url, {
          auth: socketIoAuth({ boardId: board.id }),
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: { Origin: origin },
        });
      const sameHost = open(publicServer.url);
      expect(await connected(sameHost)).toBe(false);
      const configured = open('https://atelier.example.fr');
      expect(await connected(configured)).toBe(true);
      sameHost.close();
      configured.close();
      // Links are built from the public address, not from the request.
      expect(board.participantUrl).toBe(`https://atelier.example.fr/b/${board.id}`);
    } finally {
      await publicServer.stop();
    }
  });
});
