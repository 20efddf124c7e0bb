// Several server processes, one room per board: the process holding a board's lease runs its
// TLSocketRoom; a client connected anywhere else is served through it. Its sync messages travel
// over Redis pub/sub to the owner, which runs the session with a proxy socket whose `send`
// publishes back to the client's process. Any load balancer works, sticky or not.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { WebSocketMinimal } from '@tldraw/sync-core';
import type { Logger } from '../logger';
import { BoardLeases } from './board-lease';
import { decodeRelayBatch, encodeRelayBatch, SEP } from './relay-batch';
import type {
  ConnectedSession,
  RoomRegistry,
  SessionLink,
  SyncSession,
  SyncSessionMeta,
} from './room-registry';

/** Frames on a process's relay channel: `kind NUL sessionId NUL payload`. */
const Frame = {
  /** client process → owner: a session joins (payload: JSON OpenRequest). */
  open: 'o',
  /** client process → owner: one sync message from the client. */
  message: 'm',
  /** client process → owner: the client left. */
  end: 'e',
  /** owner → client process: sync messages for its clients (payload: batch, see relay-batch.ts). */
  send: 's',
  /** owner → client process: the room ended the session (payload: JSON { code?, reason? }). */
  close: 'c',
} as const;
type Frame = (typeof Frame)[keyof typeof Frame];

interface OpenRequest {
  boardId: string;
  from: string;
  isReadonly: boolean;
  meta: SyncSessionMeta;
}

/** A session of one of our clients, run by the board's owner elsewhere. */
interface RemoteSession {
  boardId: string;
  owner: string;
  socket: WebSocketMinimal;
  detach: () => void;
}

/** A session we run in our room for a client connected to another process. */
interface HostedSession {
  from: string;
  link: SessionLink | null;
  pending: string[];
  ended: boolean;
  closed: boolean;
}

export interface BoardClusterOptions {
  /** Commands and publishing. */
  redis: Redis;
  /** A dedicated connection in subscriber mode. */
  subscriber: Redis;
  keyPrefix: string;
  logger: Logger;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
  /** How often the owners of boards served remotely are checked. */
  ownerCheckMs?: number;
}

export class BoardCluster {
  readonly processId = randomUUID();
  readonly leases: BoardLeases;
  private registry: RoomRegistry | null = null;
  private readonly remote = new Map<string, RemoteSession>();
  private readonly hosted = new Map<string, HostedSession>();
  private readonly ownerCheck: NodeJS.Timeout;
  /** Messages for remote clients, per process, sent at the end of the current tick. */
  private outbox = new Map<string, [string, string][]>();
  private outboxScheduled = false;
  private subscription: Promise<unknown> | null = null;
  private closed = false;

  constructor(private readonly options: BoardClusterOptions) {
    const { keyPrefix } = options;
    this.leases = new BoardLeases(options.redis, {
      owner: this.processId,
      keyOf: (boardId) => `${keyPrefix}board:{${boardId}}:owner`,
      ttlMs: options.leaseTtlMs ?? 10_000,
      renewEveryMs: options.leaseRenewMs ?? 3000,
      logger: options.logger,
      onLost: (boardId) => void this.registry?.closeRoom(boardId, { force: true }),
    });
    options.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    // Pub/sub does not replay: a dropped subscriber connection (Redis restart, output buffer limit)
    // may have lost messages, so every relayed session starts over with a fresh sync.
    options.subscriber.on('close', () => this.dropAllRelayed());
    this.ensureSubscribed().catch(() => {});
    this.ownerCheck = setInterval(() => void this.checkOwners(), options.ownerCheckMs ?? 2000);
    this.ownerCheck.unref();
  }

  /** Called once by the registry that this cluster routes for. */
  bind(registry: RoomRegistry): void {
    this.registry = registry;
  }

  /** Subscribes to our relay channel (once; again after a failure). ioredis resubscribes on reconnect. */
  private ensureSubscribed(): Promise<unknown> {
    this.subscription ??= this.options.subscriber
      .subscribe(this.channelOf(this.processId))
      .catch((error: unknown) => {
        this.subscription = null;
        throw error;
      });
    return this.subscription;
  }

  /** A process is alive while it listens on its relay channel. */
  private async isAlive(processId: string): Promise<boolean> {
    const reply = (await this.options.redis.pubsub('NUMSUB', this.channelOf(processId))) as unknown[];
    return Number(reply[1] ?? 0) > 0;
  }

  private channelOf(processId: string): string {
    return `${this.options.keyPrefix}relay:${processId}`;
  }

  private publish(processId: string, kind: Frame, sessionId: string, payload = ''): Promise<number> {
    return this.options.redis.publish(this.channelOf(processId), `${kind}${SEP}${sessionId}${SEP}${payload}`);
  }

  private sendToClient(processId: string, sessionId: string, data: string): void {
    let queue = this.outbox.get(processId);
    if (!queue) this.outbox.set(processId, (queue = []));
    queue.push([sessionId, data]);
    if (this.outboxScheduled) return;
    this.outboxScheduled = true;
    setImmediate(() => this.flushOutbox());
  }

  private flushOutbox(): void {
    this.outboxScheduled = false;
    const outbox = this.outbox;
    this.outbox = new Map();
    for (const [processId, messages] of outbox) {
      void this.publish(processId, Frame.send, '', encodeRelayBatch(messages)).catch(() => {});
    }
  }

  /** Joins a session to its board's room, here if we hold (or can take) the lease, else at the owner. */
  async connect(boardId: string, session: SyncSession): Promise<ConnectedSession> {
    const registry = this.requireRegistry();
    // A process that others cannot reach must hold no board (they would take it over).
    await this.ensureSubscribed();
    for (let attempt = 0; attempt < 5; attempt++) {
      if (registry.isOpenHere(boardId) || (await this.leases.tryAcquire(boardId))) {
        return registry.connectLocal(boardId, session);
      }
      const owner = await this.leases.ownerOf(boardId);
      if (owner === this.processId) return registry.connectLocal(boardId, session);
      if (owner) {
        if (await this.isAlive(owner)) return this.connectRemote(owner, boardId, session);
        // The holder no longer listens on Redis (killed, or cut off, in which case its next renewal
        // fails and it closes the room): waiting for its lease to expire would only stall the board.
        if (await this.leases.takeOver(boardId, owner)) {
          this.options.logger.warn({ boardId }, 'took over a board whose process is gone');
          return registry.connectLocal(boardId, session);
        }
      }
      // The lease changed hands between two reads: look again.
    }
    throw new Error(`no process could take board ${boardId}`);
  }

  private connectRemote(owner: string, boardId: string, session: SyncSession): ConnectedSession {
    const { sessionId, socket } = session;
    const link: SessionLink = {
      handleSocketMessage: (id, message) => {
        void this.publish(owner, Frame.message, id, String(message)).then(
          (receivers) => receivers === 0 && this.dropRemote(id, 'owner gone'),
          () => this.dropRemote(id, 'redis unavailable'),
        );
      },
      handleSocketClose: (id) => {
        const remote = this.remote.get(id);
        if (!remote) return;
        this.remote.delete(id);
        remote.detach();
        void this.publish(owner, Frame.end, id).catch(() => {});
      },
    };
    // A raw WebSocket (the native endpoint) is listened to here, as TLSocketRoom would do itself.
    const onMessage = (event: { data: unknown }) => link.handleSocketMessage(sessionId, String(event.data));
    const onClose = () => link.handleSocketClose(sessionId);
    socket.addEventListener?.('message', onMessage);
    socket.addEventListener?.('close', onClose);
    this.remote.set(sessionId, {
      boardId,
      owner,
      socket,
      detach: () => {
        socket.removeEventListener?.('message', onMessage);
        socket.removeEventListener?.('close', onClose);
      },
    });
    const request: OpenRequest = {
      boardId,
      from: this.processId,
      isReadonly: session.isReadonly,
      meta: session.meta,
    };
    void this.publish(owner, Frame.open, sessionId, JSON.stringify(request)).then(
      (receivers) => receivers === 0 && this.dropRemote(sessionId, 'owner gone'),
      () => this.dropRemote(sessionId, 'redis unavailable'),
    );
    return { room: link };
  }

  /** Ends a remote session without a fatal reason: the client reconnects and is routed again. */
  private dropRemote(sessionId: string, why: string): void {
    const remote = this.remote.get(sessionId);
    if (!remote) return;
    this.remote.delete(sessionId);
    remote.detach();
    this.options.logger.debug({ boardId: remote.boardId, why }, 'remote sync session dropped');
    remote.socket.close();
  }

  private receive(raw: string): void {
    const first = raw.indexOf(SEP);
    const second = raw.indexOf(SEP, first + 1);
    if (first < 0 || second < 0) return;
    const kind = raw.slice(0, first) as Frame;
    const sessionId = raw.slice(first + 1, second);
    const payload = raw.slice(second + 1);
    switch (kind) {
      case Frame.send:
        for (const [id, data] of decodeRelayBatch(payload)) this.remote.get(id)?.socket.send(data);
        return;
      case Frame.close: {
        const remote = this.remote.get(sessionId);
        if (!remote) return;
        this.remote.delete(sessionId);
        remote.detach();
        const { code, reason } = JSON.parse(payload || '{}') as { code?: number; reason?: string };
        return remote.socket.close(code, reason);
      }
      case Frame.open:
        return void this.host(sessionId, JSON.parse(payload) as OpenRequest);
      case Frame.message: {
        const hosted = this.hosted.get(sessionId);
        if (!hosted) return;
        if (hosted.link) hosted.link.handleSocketMessage(sessionId, payload);
        else hosted.pending.push(payload);
        return;
      }
      case Frame.end: {
        const hosted = this.hosted.get(sessionId);
        if (!hosted) return;
        hosted.ended = true;
        this.hosted.delete(sessionId);
        hosted.link?.handleSocketClose(sessionId);
        return;
      }
    }
  }

  /** Runs a session for a client connected to another process, in our room. */
  private async host(sessionId: string, request: OpenRequest): Promise<void> {
    const registry = this.requireRegistry();
    const hosted: HostedSession = {
      from: request.from,
      link: null,
      pending: [],
      ended: false,
      closed: false,
    };
    this.hosted.set(sessionId, hosted);
    const proxy: WebSocketMinimal = {
      send: (data: string) => {
        if (!hosted.closed) this.sendToClient(hosted.from, sessionId, data);
      },
      close: (code?: number, reason?: string) => {
        if (hosted.closed) return;
        hosted.closed = true;
        this.hosted.delete(sessionId);
        // After the messages already queued for this client, so it gets them before the close.
        this.flushOutbox();
        void this.publish(hosted.from, Frame.close, sessionId, JSON.stringify({ code, reason })).catch(
          () => {},
        );
      },
      get readyState() {
        return hosted.closed ? 3 : 1;
      },
    };
    try {
      const mine = registry.isOpenHere(request.boardId) || (await this.leases.tryAcquire(request.boardId));
      if (!mine) return proxy.close();
      const { room } = await registry.connectLocal(request.boardId, {
        sessionId,
        socket: proxy,
        isReadonly: request.isReadonly,
        meta: request.meta,
      });
      hosted.link = room;
      for (const message of hosted.pending.splice(0)) room.handleSocketMessage(sessionId, message);
      if (hosted.ended) room.handleSocketClose(sessionId);
    } catch (error) {
      this.options.logger.error(
        { boardId: request.boardId, err: (error as Error).message },
        'could not host a remote session',
      );
      proxy.close();
    }
  }

  private dropAllRelayed(): void {
    if (this.closed) return;
    for (const sessionId of [...this.remote.keys()]) this.dropRemote(sessionId, 'relay connection lost');
    for (const [sessionId, hosted] of [...this.hosted]) {
      this.hosted.delete(sessionId);
      hosted.ended = true;
      hosted.link?.handleSocketClose(sessionId);
    }
  }

  /** Sessions served by an owner that no longer holds the board are dropped, to be routed again. */
  private async checkOwners(): Promise<void> {
    const byBoard = new Map<string, string[]>();
    for (const [sessionId, remote] of this.remote) {
      byBoard.set(remote.boardId, [...(byBoard.get(remote.boardId) ?? []), sessionId]);
    }
    for (const [boardId, sessionIds] of byBoard) {
      try {
        const owner = await this.leases.ownerOf(boardId);
        const alive = owner !== null && (await this.isAlive(owner));
        for (const sessionId of sessionIds) {
          if (!alive || this.remote.get(sessionId)?.owner !== owner)
            this.dropRemote(sessionId, 'board changed owner');
        }
      } catch {
        // Redis unreachable: look again next time.
      }
    }
  }

  /** Called by the registry once a room closed here: the board is free for any process. */
  roomClosed(boardId: string): void {
    if (this.registry?.isOpenHere(boardId) || !this.leases.holds(boardId)) return;
    void this.leases.release(boardId).catch(() => {});
  }

  private requireRegistry(): RoomRegistry {
    if (!this.registry) throw new Error('BoardCluster used before a RoomRegistry was bound to it');
    return this.registry;
  }

  /** After the rooms closed: the remaining remote sessions end, the connections close. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ownerCheck);
    this.leases.close();
    for (const sessionId of [...this.remote.keys()]) this.dropRemote(sessionId, 'shutting down');
    await this.options.subscriber.quit().catch(() => this.options.subscriber.disconnect());
  }
}
