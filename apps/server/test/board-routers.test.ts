// Two cluster routers in this test process, each with its own registry and store, against a real
// redis-server: the lease, the relay and the takeover of a dead owner (rooms/SPEC.md R-LEASE,
// R-RELAY), and the fence that keeps a process that lost a board from writing over its new holder.
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createSession } from '@atelier/session';
import * as syncCore from '@tldraw/sync-core';
import {
  DEFAULT_INITIAL_SNAPSHOT,
  type RoomSnapshot,
  type TLPersistentClientSocket,
  type TLSocketStatusChangeEvent,
  type WebSocketMinimal,
} from '@tldraw/sync-core';
import { createTLSchema, toRichText, type TLNoteShape, type TLShapeId } from '@tldraw/tlschema';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, TestSyncClient, type RunningRedis } from '@atelier/testkit';
import type { BoardRouter } from '../src/rooms/board-router';
import { ClusterBoardRouter } from '../src/rooms/cluster-router';
import { RoomRegistry } from '../src/rooms/room-registry';
import type { SessionLink } from '../src/rooms/sync-session';
import { LeaseLostError } from '../src/store/board-store';
import { RedisBoardStore } from '../src/store/redis-board-store';

const { getTlsyncProtocolVersion } = syncCore as unknown as { getTlsyncProtocolVersion: () => number };

let redis: RunningRedis;
let inspector: Redis;
beforeAll(async () => {
  redis = await startRedis();
  inspector = new Redis(redis.url);
});
afterAll(async () => {
  inspector?.disconnect();
  await redis?.stop();
});

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let prefixCounter = 0;

/** One server process's board machinery, minus HTTP: store, registry, cluster router. */
interface Node {
  processId: string;
  store: RedisBoardStore;
  rooms: RoomRegistry;
  router: ClusterBoardRouter;
  /** What it logged (pino lines). */
  logs: string[];
}

function startNode(keyPrefix: string, { saveDelayMs = 20 } = {}): Node {
  const logs: string[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  );
  const processId = randomUUID();
  const store = new RedisBoardStore({ url: redis.url, keyPrefix, saveDelayMs, logger });
  const rooms = new RoomRegistry(store, logger, { idleCloseMs: 200, leaseOwner: processId });
  const subscriber = store.redis.duplicate();
  subscriber.on('error', () => {});
  const router = new ClusterBoardRouter(rooms, {
    redis: store.redis,
    subscriber,
    keyPrefix,
    processId,
    leaseKeys: (boardId) => store.boardKeys(boardId),
    logger,
    leaseRenewMs: 100,
    ownerCheckMs: 100,
  });
  let stopped = false;
  cleanups.push(async () => {
    if (stopped) return;
    stopped = true;
    await rooms.closeAll().catch(() => {});
    await router.close();
    await store.close();
  });
  return { processId, store, rooms, router, logs };
}

async function twoNodes(options: { saveDelayMs?: number } = {}) {
  prefixCounter += 1;
  const keyPrefix = `routers${prefixCounter}:`;
  const a = startNode(keyPrefix, options);
  const b = startNode(keyPrefix);
  const boardId = await newBoard(a);
  return { a, b, boardId, keys: a.store.boardKeys(boardId) };
}

async function newBoard(node: Node): Promise<string> {
  const boardId = randomBytes(16).toString('base64url');
  await node.store.createBoard(
    {
      meta: { id: boardId, title: 'Routeurs', template: 'blank', createdAt: new Date(0).toISOString() },
      facilitatorKeyHash: 'a'.repeat(64),
    },
    structuredClone(DEFAULT_INITIAL_SNAPSHOT) as RoomSnapshot,
    createSession({ steps: [], now: 0 }),
  );
  return boardId;
}

/**
 * A tldraw client whose socket is a direct line into a router (no network: the rooms, the relay
 * and Redis are real). Both ways are asynchronous and in order, as on a socket. When the server
 * ends its session it reconnects, and is routed again.
 */
class RouterSocket implements TLPersistentClientSocket<object, object> {
  connectionStatus: 'online' | 'offline' | 'error' = 'offline';
  private generation = 0;
  private current: { sessionId: string; link: SessionLink } | null = null;
  private readonly listeners = new Set<(message: object) => void>();
  private readonly statusListeners = new Set<(event: TLSocketStatusChangeEvent) => void>();
  private closed = false;
  /** How many sessions it opened: 1 until the server ends one. */
  opened = 0;

  constructor(
    private readonly router: BoardRouter,
    private readonly boardId: string,
    private readonly name: string,
  ) {}

  open(): void {
    if (this.closed) return;
    const generation = ++this.generation;
    this.opened += 1;
    const sessionId = `mem-${randomUUID()}`;
    let serverClosed = false;
    const socket: WebSocketMinimal = {
      send: (data: string) =>
        queueMicrotask(() => {
          if (generation !== this.generation) return;
          for (const listener of this.listeners) listener(JSON.parse(data) as object);
        }),
      close: () => {
        serverClosed = true;
        if (generation !== this.generation) return;
        this.current = null;
        this.setStatus('offline');
        setTimeout(() => this.open(), 50);
      },
      get readyState() {
        return serverClosed ? 3 : 1;
      },
    };
    this.router
      .connect(this.boardId, {
        sessionId,
        socket,
        isReadonly: false,
        meta: { userId: this.name, name: this.name, role: 'participant' },
      })
      .then(
        (link) => {
          if (generation !== this.generation || serverClosed) return link.handleSocketClose(sessionId);
          this.current = { sessionId, link };
          this.setStatus('online');
        },
        () => setTimeout(() => this.open(), 100),
      );
  }

  private setStatus(status: 'online' | 'offline'): void {
    if (this.connectionStatus === status) return;
    this.connectionStatus = status;
    for (const listener of this.statusListeners) listener({ status });
  }

  sendMessage(message: object): void {
    const current = this.current;
    const data = JSON.stringify(message);
    if (current) queueMicrotask(() => current.link.handleSocketMessage(current.sessionId, data));
  }

  onReceiveMessage(callback: (message: object) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  onStatusChange(callback: (event: TLSocketStatusChangeEvent) => void): () => void {
    this.statusListeners.add(callback);
    return () => this.statusListeners.delete(callback);
  }

  restart(): void {
    this.disconnect();
    this.open();
  }

  private disconnect(): void {
    this.generation += 1;
    if (this.current) this.current.link.handleSocketClose(this.current.sessionId);
    this.current = null;
    this.setStatus('offline');
  }

  close(): void {
    this.closed = true;
    this.disconnect();
  }
}

function connectThrough(node: Node, boardId: string, name: string): TestSyncClient {
  const socket = new RouterSocket(node.router, boardId, name);
  const client = new TestSyncClient(socket, () => socket.close());
  cleanups.push(() => client.close());
  socket.open();
  return client;
}

/** A holds the board with a client of its own, B relays a client to it, and a note of A's is saved. */
async function relayedBoard(note: string) {
  const nodes = await twoNodes();
  const onA = connectThrough(nodes.a, nodes.boardId, 'awa');
  await onA.loaded;
  const onB = connectThrough(nodes.b, nodes.boardId, 'bruno');
  await onB.loaded;
  const before = onA.addNote(note);
  await onB.waitFor(() => onB.store.has(before), 10_000, 'the note on B');
  await nodes.a.rooms.flushAll();
  return { ...nodes, onA, onB, before };
}

function noteText(client: TestSyncClient, id: TLShapeId): string | undefined {
  const note = client.store.get(id) as TLNoteShape | undefined;
  return note ? JSON.stringify(note.props.richText) : undefined;
}

function rewrite(client: TestSyncClient, id: TLShapeId, text: string): void {
  const note = client.store.get(id) as TLNoteShape;
  client.store.put([{ ...note, props: { ...note.props, richText: toRichText(text) } }]);
}

/** The note's text as Redis holds it. */
async function savedText(docsKey: string, id: TLShapeId): Promise<string | undefined> {
  const raw = await inspector.hget(docsKey, id);
  return raw ? JSON.stringify((JSON.parse(raw) as { state: TLNoteShape }).state.props.richText) : undefined;
}

const text = (value: string) => JSON.stringify(toRichText(value));

async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two cluster routers on one Redis', () => {
  it('R-LEASE-1, R-RELAY-5: the first router takes the lease and runs the room; the other relays to it', async () => {
    const { a, b, boardId, keys } = await twoNodes();
    const onA = connectThrough(a, boardId, 'awa');
    await onA.loaded;
    expect(await inspector.get(keys.owner)).toBe(a.processId);
    expect(await inspector.get(keys.lastOwner)).toBe(a.processId);
    const onB = connectThrough(b, boardId, 'bruno');
    await onB.loaded;
    // One room: A's. B holds no lease and opened nothing.
    expect(a.rooms.isOpen(boardId)).toBe(true);
    expect(b.rooms.isOpen(boardId)).toBe(false);
    expect(b.router.leases.holds(boardId)).toBe(false);

    const fromA = onA.addNote('de A');
    const fromB = onB.addNote('de B');
    for (const client of [onA, onB]) {
      await client.waitFor(() => client.store.has(fromA) && client.store.has(fromB), 10_000, 'both notes');
    }
    // The relayed client's note is in A's room, hence saved by A.
    await until(async () => (await savedText(keys.docs, fromB)) === text('de B'), "B's note saved");
  });

  it('R-LEASE-2: a room closed everywhere releases the lease; the next router to need the board takes it', async () => {
    const { a, b, boardId, keys } = await twoNodes();
    const onA = connectThrough(a, boardId, 'awa');
    await onA.loaded;
    onA.close();
    await until(async () => (await inspector.get(keys.owner)) === null, 'the lease released');
    expect(a.rooms.isOpen(boardId)).toBe(false);
    const onB = connectThrough(b, boardId, 'bruno');
    await onB.loaded;
    expect(await inspector.get(keys.owner)).toBe(b.processId);
  });

  it('R-LEASE-3, R-RELAY-6: when the owner dies, its relayed clients are routed again and the other router takes the board over', async () => {
    const { a, b, boardId, keys, onA, onB, before } = await relayedBoard('avant la panne');

    // A dies: no more relay channel, no more renewals. Its lease still names it (no expiry wait).
    onA.close();
    await a.router.close();
    expect(await inspector.get(keys.owner)).toBe(a.processId);
    await until(async () => (await inspector.get(keys.owner)) === b.processId, 'B took the board over');
    expect(b.rooms.isOpen(boardId)).toBe(true);
    await onB.waitFor(
      () => onB.socket.connectionStatus === 'online' && onB.store.has(before),
      10_000,
      'B back',
    );
    const after = onB.addNote('après la panne');
    await until(async () => (await savedText(keys.docs, after)) === text('après la panne'), 'saved by B');
    expect(await savedText(keys.docs, before)).toBe(text('avant la panne'));
  });

  it('R-LEASE-3: a holder whose renewal finds its lease taken closes its room; every client goes to the new holder', async () => {
    const { a, b, boardId, keys, onA, onB, before } = await relayedBoard('chez A');

    // B takes the board, as it would from a holder it saw gone.
    expect(await b.router.leases.takeOver(boardId, a.processId)).toBe(true);
    await until(() => !a.rooms.isOpen(boardId), "A's room closed");
    for (const client of [onA, onB]) {
      await client.waitFor(
        () => (client.socket as RouterSocket).opened === 2 && client.socket.connectionStatus === 'online',
        10_000,
        'routed again',
      );
    }
    expect(await inspector.get(keys.owner)).toBe(b.processId);
    expect(b.rooms.isOpen(boardId)).toBe(true);
    const after = onA.addNote('chez B');
    await onB.waitFor(() => onB.store.has(after) && onB.store.has(before), 10_000, 'both notes on B');
  });

  it('R-LEASE-4: a router that lost its lease cannot write its pending save over the new holder', async () => {
    // A saves late (a debounce it never reaches before it freezes); B saves at once.
    const { a, b, boardId, keys } = await twoNodes({ saveDelayMs: 60_000 });
    const onA = connectThrough(a, boardId, 'awa');
    await onA.loaded;
    const note = onA.addNote('v1');
    await a.rooms.flushAll();
    expect(await savedText(keys.docs, note)).toBe(text('v1'));
    const onB = connectThrough(b, boardId, 'bruno');
    await onB.loaded;

    // A acknowledges v2 (B sees it through A's room) but has not saved it yet.
    rewrite(onA, note, 'v2 (A, jamais enregistrée)');
    await onB.waitFor(() => noteText(onB, note) === text('v2 (A, jamais enregistrée)'), 10_000, 'v2 on B');
    expect(await savedText(keys.docs, note)).toBe(text('v1'));

    // A freezes: its renewals stop and its lease runs out. It still listens on Redis.
    a.router.leases.close();
    await inspector.pexpire(keys.owner, 1);
    // B's client sees the owner gone, is routed again, and B opens the board from what Redis holds.
    await until(async () => (await inspector.get(keys.owner)) === b.processId, 'B holds the board');
    await onB.waitFor(
      () =>
        onB.socket.connectionStatus === 'online' &&
        noteText(onB, note) === text('v1') &&
        b.rooms.isOpen(boardId),
      10_000,
      "B's room, from Redis",
    );
    rewrite(onB, note, 'v3 (B)');
    await until(async () => (await savedText(keys.docs, note)) === text('v3 (B)'), 'v3 saved by B');
    const markerBefore = await inspector.get(keys.open);
    expect(markerBefore).not.toBeNull();

    // A wakes up: its pending save, then its final one, are refused; Redis keeps B's data.
    const pendingSave = await a.rooms.flushAll().then(
      () => 'written',
      (error: unknown) => error,
    );
    expect(await savedText(keys.docs, note)).toBe(text('v3 (B)'));
    expect(pendingSave).toBeInstanceOf(LeaseLostError);
    onA.close();
    await a.rooms.closeAll();
    expect(a.rooms.isOpen(boardId)).toBe(false);
    expect(await savedText(keys.docs, note)).toBe(text('v3 (B)'));
    // B's open marker (its crash detector) is B's: A's close leaves it.
    expect(await inspector.get(keys.open)).toBe(markerBefore);
    expect(a.logs.join('')).toMatch(/another process took this board over/);
    // B carries on.
    const later = onB.addNote('plus tard (B)');
    await until(async () => (await savedText(keys.docs, later)) === text('plus tard (B)'), 'B still saves');
  });

  it('R-RELAY-7: a failure while delivering to one board ends that board’s relayed sessions, nothing else', async () => {
    const { a, b, boardId: broken } = await twoNodes();
    const healthy = await newBoard(a);
    const owners = [connectThrough(a, broken, 'awa'), connectThrough(a, healthy, 'awa')];
    await Promise.all(owners.map((client) => client.loaded));
    const onBroken = connectThrough(b, broken, 'bruno');
    const onHealthy = connectThrough(b, healthy, 'bruno');
    await Promise.all([onBroken.loaded, onHealthy.loaded]);

    // A transport on B whose sends throw, on one board: A's answer to its connect request fails there.
    const faulty: WebSocketMinimal = {
      send: () => {
        throw new Error('transport bug');
      },
      close: () => {},
      readyState: 1,
    };
    const link = await b.router.connect(broken, {
      sessionId: 'faulty-session',
      socket: faulty,
      isReadonly: false,
      meta: { userId: 'faulty', name: 'Faulty', role: 'participant' },
    });
    link.handleSocketMessage(
      'faulty-session',
      JSON.stringify({
        type: 'connect',
        connectRequestId: 'faulty',
        lastServerClock: -1,
        protocolVersion: getTlsyncProtocolVersion(),
        schema: createTLSchema().serialize(),
      }),
    );
    await until(() => b.logs.join('').includes('relay delivery failed'), 'the failure logged');
    expect(b.logs.join('')).toContain(broken);
    // The broken board's relayed client was cut and came back by itself; the other never noticed.
    await onBroken.waitFor(() => (onBroken.socket as RouterSocket).opened === 2, 10_000, 'a reconnection');
    expect((onHealthy.socket as RouterSocket).opened).toBe(1);
    for (const [owner, relayed, tag] of [
      [owners[0], onBroken, 'cassé'],
      [owners[1], onHealthy, 'sain'],
    ] as const) {
      const note = relayed.addNote(`après (${tag})`);
      await owner?.waitFor(() => owner.store.has(note), 10_000, `the ${tag} board syncing`);
    }
  });
});
