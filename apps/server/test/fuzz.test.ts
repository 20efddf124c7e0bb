// Thousands of random and mutated inputs at every door: the Socket.IO handshake, each socket event
// (`sync`, `session:command`, `time:sync`), the REST routes and the native `/sync` endpoint. The
// server must not crash nor log an unhandled rejection, every refusal carries a code, and no
// invalid input changes the board (its document and its facilitation state are compared before
// and after). Inputs come from fast-check with a fixed seed, so a failure replays.
import {
  connectAuthSchema,
  ErrorCode,
  sessionCommandSchema,
  SocketEvent,
  type PublicSessionState,
} from '@atelier/protocol';
import * as syncCore from '@tldraw/sync-core';
import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  connectSocketIoClient,
  createBoard,
  noteRecord,
  startServer,
  testClientKey,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

const SEED = 20261127;
const CODES = new Set<string>(Object.values(ErrorCode));
const { getTlsyncProtocolVersion } = syncCore as unknown as { getTlsyncProtocolVersion: () => number };

let server: RunningServer;
let boardId: string;
let facilitatorKey: string;
let bystander: TestSyncClient;
const tried: Record<string, number> = {};

function count(door: string, n = 1): void {
  tried[door] = (tried[door] ?? 0) + n;
}

beforeAll(async () => {
  server = await startServer({
    env: {
      // The fuzzer is one address sending as fast as it can: the abuse limits are tested apart.
      MAX_MESSAGES_PER_SECOND: '100000',
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_BOARDS_PER_IP_PER_HOUR: '100000',
      MAX_FAILED_KEY_ATTEMPTS_PER_MINUTE: '100000',
      MAX_NEWCOMERS_PER_IP_PER_BOARD_PER_HOUR: '100000',
    },
  });
  const board = await createBoard(server.url, { title: 'Fuzz', template: 'codev-flash' });
  boardId = board.id;
  facilitatorKey = board.facilitatorKey;
  bystander = connectSocketIoClient(server.url, { boardId, name: 'Bystander' });
  await bystander.loaded;
  for (let i = 0; i < 3; i++) bystander.addNote(`note ${i}`, { x: i * 200, y: 0 });
  await new Promise((resolve) => setTimeout(resolve, 300));
});

afterAll(async () => {
  bystander?.close();
  const total = Object.values(tried).reduce((sum, n) => sum + n, 0);
  const detail = Object.entries(tried)
    .map(([door, n]) => `${door} ${n}`)
    .join(', ');
  console.log(`fuzz: ${total} inputs tried (${detail}); seed ${SEED}`);
  await server?.stop();
});

/** The board's document as a reader newly connected sees it. */
async function documentNow(): Promise<Map<string, string>> {
  const reader = connectSocketIoClient(server.url, { boardId, name: 'Reader' });
  await reader.loaded;
  const records = new Map(
    reader.store
      .allRecords()
      .filter((record) => ['document', 'page', 'shape', 'binding', 'asset'].includes(record.typeName))
      .map((record) => [record.id as string, JSON.stringify(record)]),
  );
  reader.close();
  return records;
}

/** The facilitation state, without who is connected (fuzz sockets come and go). */
async function sessionNow(): Promise<unknown> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/session`);
  const {
    revision: _revision,
    participants: _participants,
    ...rest
  } = (await response.json()) as PublicSessionState;
  return rest;
}

function expectServerSound(): void {
  expect(server.child.exitCode).toBeNull();
  expect(server.output()).not.toMatch(/unhandled rejection|uncaught|unhandled request error|FATAL/i);
}

async function inBatches<T>(items: T[], width: number, run: (item: T, lane: number) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async (_, lane) => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item, lane);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Replaces one field of an object (at any depth) with a value of another type. */
function breakOneField(
  value: Record<string, unknown>,
  pick: number,
  replacementSeed: number,
): Record<string, unknown> {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (child === null) continue;
      paths.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(value, []);
  const copy = structuredClone(value);
  const path = paths[pick % paths.length];
  if (!path) return copy;
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  const original = parent[last];
  const wrongTypes: unknown[] = [
    typeof original === 'number' ? 'not a number' : 12345.5,
    typeof original === 'string' ? { not: 'a string' } : 'wrong-type',
    Array.isArray(original) ? 'not an array' : [1, 2, 3],
    typeof original === 'boolean' ? 'yes' : true,
  ].filter(
    (candidate) =>
      typeof candidate !== typeof original || Array.isArray(candidate) !== Array.isArray(original),
  );
  parent[last] = wrongTypes[replacementSeed % wrongTypes.length];
  return copy;
}

function validNote(id: string): TLRecord {
  return noteRecord({ id, text: 'fuzz', x: 10, y: 20, index: 'a5' });
}

/** Pushes that are invalid by construction: every one carries a record with a field of the wrong type. */
function mutatedPushes(existingIds: string[]) {
  return fc
    .record({
      pick: fc.nat(),
      seed: fc.nat(),
      kind: fc.constantFrom('put', 'patch', 'patch-props'),
      n: fc.nat(),
    })
    .map(({ pick, seed, kind, n }) => {
      const target = existingIds[n % existingIds.length] ?? 'shape:none';
      let diff: Record<string, unknown>;
      if (kind === 'put') {
        const id = `shape:fuzz${n}`;
        diff = {
          [id]: ['put', breakOneField(validNote(id) as unknown as Record<string, unknown>, pick, seed)],
        };
      } else {
        const broken = breakOneField(validNote(target) as unknown as Record<string, unknown>, pick, seed);
        const field = Object.keys(broken).find(
          (key) =>
            JSON.stringify(broken[key]) !==
            JSON.stringify((validNote(target) as unknown as Record<string, unknown>)[key]),
        );
        diff =
          kind === 'patch-props' && field === 'props'
            ? { [target]: ['patch', { props: ['put', broken.props] }] }
            : { [target]: ['patch', { [field ?? 'x']: ['put', broken[field ?? 'x'] ?? 'wrong'] }] };
      }
      return {
        kind: 'mutated-push' as const,
        payload: JSON.stringify({ type: 'push', clientClock: n, diff }),
      };
    });
}

function syncPayloads(existingIds: string[]) {
  const json = fc.jsonValue().map((value) => JSON.stringify(value));
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .anything()
        .filter((payload) => typeof payload !== 'string')
        .map((payload) => ({ kind: 'non-string' as const, payload })),
    },
    {
      weight: 2,
      arbitrary: fc
        .string({ minLength: 1 })
        .filter((text) => !text.startsWith('{') && !/^\d+_/.test(text))
        .map((payload) => ({ kind: 'not-json' as const, payload })),
    },
    { weight: 1, arbitrary: json.map((payload) => ({ kind: 'json' as const, payload })) },
    {
      weight: 3,
      arbitrary: fc
        .record({
          type: fc.constantFrom('connect', 'push', 'ping', 'pong', 'nope'),
          extra: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
        })
        .map(({ type, extra }) => ({
          kind: 'random-message' as const,
          payload: JSON.stringify({ ...extra, type }),
        })),
    },
    { weight: 6, arbitrary: mutatedPushes(existingIds) },
    {
      weight: 1,
      arbitrary: fc
        .string()
        .map((text) => ({ kind: 'broken-json' as const, payload: `{${text}` }))
        .filter(({ payload }) => {
          try {
            JSON.parse(payload);
            return false;
          } catch {
            return true;
          }
        }),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Socket helpers

type Event =
  | { type: 'error'; code: string }
  | { type: 'sync-close'; code: number; reason: string }
  | { type: 'sync'; message: { type?: string; action?: unknown } }
  | { type: 'disconnect' };

const PING = JSON.stringify({ type: 'ping' });

/** The end of an answer: the pong of the ping sent after an input, or the end of the session. */
function isBarrier(event: Event): boolean {
  return event.type === 'disconnect' || (event.type === 'sync' && event.message.type === 'pong');
}

function connectRequest(): string {
  return JSON.stringify({
    type: 'connect',
    connectRequestId: 'fuzz',
    lastServerClock: -1,
    protocolVersion: getTlsyncProtocolVersion(),
    schema: createTLSchema().serialize(),
  });
}

/** One fuzzing connection, through tldraw's connect handshake, replaced when an input ends it. */
class FuzzSocket {
  private socket: Socket | null = null;
  private alive = false;
  private events: Event[] = [];
  private onEvent: (() => void) | null = null;

  constructor(private readonly auth: () => Record<string, unknown>) {}

  private record(event: Event): void {
    if (event.type === 'sync-close' || event.type === 'disconnect') this.alive = false;
    this.events.push(event);
    this.onEvent?.();
  }

  async ready(): Promise<void> {
    if (this.alive && this.socket?.connected) return;
    this.socket?.close();
    const socket = io(server.url, { auth: this.auth(), transports: ['websocket'], reconnection: false });
    this.socket = socket;
    socket.on(SocketEvent.error, (error: { code: string }) =>
      this.record({ type: 'error', code: error.code }),
    );
    socket.on(SocketEvent.syncClose, (close: { code: number; reason: string }) =>
      this.record({ type: 'sync-close', ...close }),
    );
    socket.on(SocketEvent.sync, (message: unknown) =>
      this.record({ type: 'sync', message: typeof message === 'string' ? JSON.parse(message) : message }),
    );
    socket.on('disconnect', () => this.record({ type: 'disconnect' }));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    this.alive = true;
    this.events = [];
    socket.emit(SocketEvent.sync, connectRequest());
    await this.until((events) =>
      events.some((event) => event.type === 'sync' && event.message.type === 'connect'),
    );
  }

  private until(done: (events: Event[]) => boolean, ms = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.onEvent = null;
        reject(new Error(`no answer within ${ms} ms; got ${JSON.stringify(this.events).slice(0, 500)}`));
      }, ms);
      const check = () => {
        if (!done(this.events)) return;
        clearTimeout(timer);
        this.onEvent = null;
        resolve();
      };
      this.onEvent = check;
      check();
    });
  }

  /**
   * Sends one input, then a ping as a barrier (a socket's messages are handled in order): what
   * the server said before the pong, or until it ended the session, is its answer to the input.
   */
  async send(payload: unknown): Promise<Event[]> {
    const events = await this.sendOnce(payload);
    // The session an earlier input ended late (after its barrier) may drop this input unanswered: the
    // first thing heard is then the disconnect. Such an input is sent again on a fresh session.
    if (events[0]?.type === 'disconnect') return this.sendOnce(payload);
    return events;
  }

  private async sendOnce(payload: unknown): Promise<Event[]> {
    // Alive right now (an earlier input may have ended the session late), else a fresh one.
    for (;;) {
      await this.ready();
      this.events = [];
      this.socket?.emit(SocketEvent.sync, PING);
      await this.until((events) => events.some(isBarrier));
      if (!this.events.some((event) => event.type === 'disconnect')) break;
      this.alive = false;
    }
    this.events = [];
    this.socket?.emit(SocketEvent.sync, payload as string);
    // Apart, so the server has finished with the input (its rejection included) before the ping.
    await new Promise((resolve) => setTimeout(resolve, 10));
    this.socket?.emit(SocketEvent.sync, PING);
    await this.until((events) => events.some(isBarrier));
    // A rejection can land just after the pong (the room handles a push asynchronously): wait
    // for a quiet moment before reading the answer.
    for (let seen = -1; seen !== this.events.length;) {
      seen = this.events.length;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return this.events.filter((event) => !(event.type === 'sync' && event.message.type === 'pong'));
  }

  close(): void {
    this.socket?.close();
  }
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing every door', () => {
  it('the Socket.IO handshake answers every malformed auth with a code', async () => {
    const valid = { boardId, name: 'Fuzz', clientKey: testClientKey() };
    const auths = fc.sample(
      fc.oneof(
        fc.anything(),
        fc.dictionary(
          fc.constantFrom('boardId', 'name', 'lab', 'facilitatorKey', 'clientKey', 'viewer', 'x'),
          fc.anything(),
        ),
        fc
          .record({ pick: fc.nat(), seed: fc.nat() })
          .map(({ pick, seed }) => breakOneField(valid, pick, seed)),
        fc.string().map((facilitatorKey) => ({ ...valid, facilitatorKey })),
      ),
      { numRuns: 400, seed: SEED },
    );
    await inBatches(auths, 25, async (auth) => {
      count('handshake');
      const socket = io(server.url, {
        auth: auth as Record<string, unknown>,
        transports: ['websocket'],
        reconnection: false,
      });
      const result = await new Promise<{ connected: boolean; code?: string; closed?: boolean }>((resolve) => {
        const timer = setTimeout(() => resolve({ connected: false, code: 'no answer' }), 5000);
        const done = (outcome: { connected: boolean; code?: string; closed?: boolean }) => {
          clearTimeout(timer);
          resolve(outcome);
        };
        socket.once('connect', () => done({ connected: true }));
        socket.once('connect_error', (error: Error & { data?: { code: string } }) =>
          done({ connected: false, ...(error.data ? { code: error.data.code } : {}) }),
        );
        // Socket.IO's own parser drops a CONNECT whose auth is not an object, with the transport.
        // (A refusal closes the transport too, just before `connect_error`: let that one win.)
        socket.io.once('close', () => setTimeout(() => done({ connected: false, closed: true }), 20));
      });
      socket.close();
      const isObject = Object.prototype.toString.call(auth) === '[object Object]';
      const shown = JSON.stringify(auth)?.slice(0, 300);
      if (!isObject) expect(result.connected, shown).toBe(false);
      else if (!connectAuthSchema.safeParse(auth).success)
        expect(result, shown).toEqual({ connected: false, code: 'invalid_payload' });
      if (!result.connected && !result.closed)
        expect(CODES.has(result.code ?? ''), String(result.code)).toBe(true);
    });
    expectServerSound();
  }, 60_000);

  it('`sync`: random and mutated messages change nothing and are answered with codes', async () => {
    const before = await documentNow();
    const noteIds = [...before.keys()].filter((id) => id.startsWith('shape:'));
    const inputs = fc.sample(syncPayloads(noteIds), { numRuns: 2000, seed: SEED });
    const outcomes: Record<string, number> = {};
    const lanes = Array.from(
      { length: 40 },
      () => new FuzzSocket(() => ({ boardId, name: 'Fuzz', clientKey: testClientKey() })),
    );
    await inBatches(inputs, lanes.length, async (input, lane) => {
      const fuzz = lanes[lane] as FuzzSocket;
      count('sync');
      const events = await fuzz.send(input.payload);
      const label = `${input.kind}→${events.map((event) => (event.type === 'sync' ? `sync:${event.message.type}` : event.type)).join('+') || 'nothing'}`;
      outcomes[label] = (outcomes[label] ?? 0) + 1;
      if (input.kind === 'non-string' || input.kind === 'not-json') {
        expect(events, `${label} ${JSON.stringify(input.payload)?.slice(0, 200)}`).toContainEqual({
          type: 'error',
          code: 'invalid_payload',
        });
      }
      for (const event of events) {
        if (event.type === 'error') expect(CODES.has(event.code)).toBe(true);
        if (event.type === 'sync-close') expect(event.code).toBe(4099);
        // Invalid records are never committed (at most discarded, when tldraw skips the op).
        if (input.kind === 'mutated-push' && event.type === 'sync') {
          const batch =
            event.message.type === 'data' ? (event.message as { data: unknown[] }).data : [event.message];
          for (const message of batch)
            expect(message).not.toMatchObject({ type: 'push_result', action: 'commit' });
        }
      }
      // Whatever ended a session said why first.
      if (events.some((event) => event.type === 'disconnect'))
        expect(events.some((event) => event.type === 'sync-close' || event.type === 'error')).toBe(true);
    });
    for (const fuzz of lanes) fuzz.close();
    console.log(`fuzz: sync outcomes ${JSON.stringify(outcomes)}`);
    expect(await documentNow()).toEqual(before);
    expectServerSound();
  }, 60_000);

  it('`session:command` and `time:sync`: every invalid command is refused with a code, nothing changes', async () => {
    const before = await sessionNow();
    const validCommands = [
      { type: 'timer.start' },
      { type: 'timer.extend', ms: 60_000 },
      { type: 'step.goto', stepId: 'clarify', start: true },
      { type: 'vote.open', dotsPerPerson: 3, title: 'x' },
      { type: 'groups.split', count: 2, mode: 'balanced' },
      { type: 'camera.summon', bounds: { x: 0, y: 0, w: 10, h: 10 } },
      { type: 'question.set', text: 'Q' },
      { type: 'vote.cast', itemId: 'shape:x' },
      { type: 'profile.set', name: 'Nom' },
    ];
    const commands = fc.sample(
      fc.oneof(
        fc.anything(),
        fc.record({ type: fc.string(), extra: fc.jsonValue() }).map(({ type, extra }) => ({ type, extra })),
        fc
          .record({ pick: fc.nat(), seed: fc.nat(), n: fc.nat() })
          .map(({ pick, seed, n }) =>
            breakOneField(validCommands[n % validCommands.length] as Record<string, unknown>, pick, seed),
          ),
      ),
      { numRuns: 1200, seed: SEED },
    );
    // Half as the facilitator (powers, so only validation stands in the way), half as a participant.
    const sockets = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const socket = io(server.url, {
          auth: {
            boardId,
            name: `Cmd ${i}`,
            clientKey: testClientKey(),
            ...(i % 2 ? { facilitatorKey } : {}),
          },
          transports: ['websocket'],
          reconnection: false,
        });
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        // A connection that never joins the canvas is dropped by tldraw's room after 10 s.
        socket.emit(SocketEvent.sync, connectRequest());
        return socket;
      }),
    );
    await inBatches(commands, sockets.length, async (command, lane) => {
      const socket = sockets[lane] as Socket;
      count('session:command');
      const ack = (await socket
        .timeout(5000)
        .emitWithAck(SocketEvent.sessionCommand, command)
        .catch((error: Error) => {
          throw new Error(`${error.message} after ${JSON.stringify(command)?.slice(0, 300)}`);
        })) as { ok: boolean; error?: { code: string } };
      if (!sessionCommandSchema.safeParse(command).success) {
        expect(ack.ok).toBe(false);
        expect(CODES.has(ack.error?.code ?? '')).toBe(true);
      }
      // The server's own limit is 20 commands a second per connection.
      await new Promise((resolve) => setTimeout(resolve, 55));
    });
    const probes = fc.sample(fc.anything(), { numRuns: 300, seed: SEED });
    await inBatches(probes, sockets.length, async (probe, lane) => {
      const socket = sockets[lane] as Socket;
      count('time:sync');
      socket.emit(SocketEvent.timeSync, probe); // no acknowledgement asked: must not throw either
      const answer = (await socket
        .timeout(5000)
        .emitWithAck(SocketEvent.timeSync, probe)
        .catch((error: Error) => {
          throw new Error(`${error.message} after ${JSON.stringify(probe)?.slice(0, 300)}`);
        })) as { serverTime: unknown };
      expect(typeof answer.serverTime).toBe('number');
    });
    for (const socket of sockets) socket.close();
    expect(await sessionNow()).toEqual(before);
    expectServerSound();
  }, 60_000);

  it('REST: random methods, paths, headers and bodies never get a 5xx, refusals carry a code', async () => {
    const before = await documentNow();
    const segment = fc.oneof(
      fc.constant(boardId),
      fc.constant('AAAAAAAAAAAAAAAAAAAAAA'),
      fc.constantFrom('%E0%A4%A', '..', '%00', 'a'.repeat(300), 'session', 'commands', 'assets'),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    );
    const paths = fc.oneof(
      fc.constantFrom('/api/boards', '/api/templates', '/api/config', '/healthz'),
      segment.map((id) => `/api/boards/${id}`),
      segment.map((id) => `/api/boards/${id}/session`),
      segment.map((id) => `/api/boards/${id}/session/commands`),
      fc.tuple(segment, segment).map(([id, asset]) => `/api/boards/${id}/assets/${asset}`),
      fc.array(segment, { maxLength: 4 }).map((parts) => `/api/${parts.join('/')}`),
    );
    const requests = fc.sample(
      fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        path: paths,
        contentType: fc.constantFrom(
          'application/json',
          'text/plain',
          'image/png',
          'image/svg+xml',
          'multipart/form-data',
          '',
        ),
        authorization: fc.oneof(
          fc.constant(undefined),
          fc.string(),
          fc.string().map((key) => `Bearer ${key}`),
        ),
        body: fc.oneof(
          fc.constant(undefined),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.string(),
          fc
            .record({ title: fc.anything(), template: fc.anything(), groups: fc.anything() })
            .map((value) => JSON.stringify(value)),
          fc.record({ type: fc.string(), ms: fc.anything() }).map((value) => JSON.stringify(value)),
        ),
      }),
      { numRuns: 1500, seed: SEED },
    );
    const statuses: Record<number, number> = {};
    await inBatches(requests, 20, async (request) => {
      count('rest');
      const headers: Record<string, string> = {};
      if (request.contentType) headers['Content-Type'] = request.contentType;
      if (request.authorization !== undefined)
        headers.Authorization = request.authorization.replace(/[^\t\x20-\x7e]/g, '');
      const hasBody = request.body !== undefined && !['GET', 'OPTIONS'].includes(request.method);
      const response = await fetch(`${server.url}${request.path}`, {
        method: request.method,
        headers,
        ...(hasBody ? { body: request.body } : {}),
      });
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const text = await response.text();
      expect(response.status, `${request.method} ${request.path}`).toBeLessThan(500);
      if (response.status >= 400 && request.path.startsWith('/api/')) {
        const body = JSON.parse(text) as { error?: { code: string } };
        expect(CODES.has(body.error?.code ?? '')).toBe(true);
      }
    });
    console.log(`fuzz: REST statuses ${JSON.stringify(statuses)}`);
    expect(await documentNow()).toEqual(before);
    expectServerSound();
  }, 60_000);

  it('native /sync: random paths and frames close cleanly', async () => {
    const inputs = fc.sample(
      fc.record({
        path: fc.oneof(
          fc.constant(`${boardId}?sessionId=fuzz`),
          fc.constantFrom(
            '%E0%A4%A?sessionId=x',
            'AAAAAAAAAAAAAAAAAAAAAA?sessionId=x',
            `${boardId}`,
            `${boardId}?sessionId=${'x'.repeat(100)}`,
          ),
          fc
            .string({ maxLength: 40 })
            .map((text) => `${encodeURIComponent(text)}?sessionId=${encodeURIComponent(text)}`),
        ),
        frames: fc.array(
          fc.oneof(
            fc.string(),
            fc.jsonValue().map((value) => JSON.stringify(value)),
          ),
          { maxLength: 5 },
        ),
      }),
      { numRuns: 200, seed: SEED },
    );
    const wsUrl = server.url.replace(/^http/, 'ws');
    await inBatches(inputs, 20, async ({ path, frames }) => {
      count('native sync');
      const ws = new WebSocket(`${wsUrl}/sync/${path}`);
      await new Promise<void>((resolve) => {
        ws.once('open', () => {
          for (const frame of frames) ws.send(frame);
          setTimeout(() => ws.close(), 50);
        });
        ws.once('close', () => resolve());
        ws.once('error', () => resolve());
      });
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expectServerSound();
  }, 60_000);
});
