// Several server processes, one room per board: the process holding a board's lease runs its
// TLSocketRoom; a client connected anywhere else is served through it over the relay (its messages
// go to the owner over Redis pub/sub; the owner runs the session with a proxy socket whose sends
// come back). Any load balancer works, sticky or not. Rules: SPEC.md (R-LEASE, R-RELAY).
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { BoardLeases, type LeaseKeys } from './board-lease';
import type { BoardRouter } from './board-router';
import { RelayBus } from './relay-bus';
import { RelayClient } from './relay-client';
import type { RelayFrame } from './relay-codec';
import { RelayHost } from './relay-host';
import { RelayLookups } from './relay-lookup';
import type { RoomRegistry, ShapeChain } from './room-registry';
import type { SessionLink, SyncSession } from './sync-session';

export interface ClusterRouterOptions {
  /** Commands and publishing. */
  redis: Redis;
  /** A dedicated connection in subscriber mode. */
  subscriber: Redis;
  keyPrefix: string;
  /** This process's identity: its lease value, its relay channel, the writer its saves are fenced by. */
  processId: string;
  /** Where a board's lease lives (the store's key layout). */
  leaseKeys: (boardId: string) => LeaseKeys;
  logger: Logger;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
  /** How often the owners of boards served remotely are checked. */
  ownerCheckMs?: number;
}

/** How many times routing looks again when the lease changes hands between two reads. */
const ROUTING_ATTEMPTS = 5;

export class ClusterBoardRouter implements BoardRouter {
  readonly processId: string;
  readonly leases: BoardLeases;
  private readonly bus: RelayBus;
  private readonly client: RelayClient;
  private readonly host: RelayHost;
  private readonly lookups: RelayLookups;
  private readonly logger: Logger;
  private closed = false;

  constructor(
    private readonly rooms: RoomRegistry,
    options: ClusterRouterOptions,
  ) {
    const { redis, logger, processId } = options;
    this.processId = processId;
    this.logger = logger;
    this.leases = new BoardLeases(redis, {
      owner: processId,
      keysOf: options.leaseKeys,
      ttlMs: options.leaseTtlMs ?? 10_000,
      renewEveryMs: options.leaseRenewMs ?? 3000,
      logger,
      onLost: (boardId) => void rooms.closeRoom(boardId, { force: true }).catch(() => {}),
    });
    this.bus = new RelayBus({
      redis,
      subscriber: options.subscriber,
      keyPrefix: options.keyPrefix,
      processId,
      logger,
      onFrame: (frame) => this.dispatch(frame),
      onConnectionLost: () => {
        this.client.dropAll('relay connection lost');
        this.host.dropAll();
      },
    });
    this.client = new RelayClient({
      bus: this.bus,
      processId,
      logger,
      ownerOf: (boardId) => this.leases.ownerOf(boardId),
      ownerCheckMs: options.ownerCheckMs ?? 2000,
    });
    this.host = new RelayHost({
      bus: this.bus,
      logger,
      connectHere: async (boardId, session) =>
        (await this.claim(boardId)) ? this.rooms.connect(boardId, session) : null,
    });
    this.lookups = new RelayLookups({
      bus: this.bus,
      processId,
      logger,
      chainHere: (boardId, shapeId) => this.rooms.shapeChain(boardId, shapeId),
    });
    rooms.on('roomClosed', (boardId) => this.release(boardId));
  }

  async shapeChain(boardId: string, shapeId: string): Promise<ShapeChain | undefined> {
    const here = await this.rooms.shapeChain(boardId, shapeId);
    if (here !== undefined) return here;
    const owner = await this.leases.ownerOf(boardId);
    if (!owner || owner === this.processId) return undefined;
    await this.bus.ensureSubscribed();
    return this.lookups.ask(owner, boardId, shapeId);
  }

  async connect(boardId: string, session: SyncSession): Promise<SessionLink> {
    // A process that others cannot reach must hold no board (they would take it over).
    await this.bus.ensureSubscribed();
    for (let attempt = 0; attempt < ROUTING_ATTEMPTS; attempt++) {
      if (await this.claim(boardId)) return this.rooms.connect(boardId, session);
      const owner = await this.leases.ownerOf(boardId);
      if (owner === this.processId) return this.rooms.connect(boardId, session);
      if (owner) {
        if (await this.bus.isAlive(owner)) return this.client.connect(owner, boardId, session);
        // The holder no longer listens on Redis (killed, or cut off, in which case its next renewal
        // fails and it closes the room): waiting for its lease to expire would only stall the board.
        if (await this.leases.takeOver(boardId, owner)) {
          this.logger.warn({ boardId }, 'took over a board whose process is gone');
          return this.rooms.connect(boardId, session);
        }
      }
      // The lease changed hands between two reads: look again.
    }
    throw new Error(`no process could take board ${boardId}`);
  }

  /** True when the board's room is (or may now be) here: open here, or its lease just taken. */
  private async claim(boardId: string): Promise<boolean> {
    return (this.rooms.isOpen(boardId) && this.leases.holds(boardId)) || this.leases.tryAcquire(boardId);
  }

  private dispatch(frame: RelayFrame): void {
    switch (frame.kind) {
      case 'open':
      case 'message':
      case 'end':
        return this.host.receive(frame);
      case 'send':
      case 'close':
        return this.client.receive(frame);
      case 'lookup':
      case 'found':
        return this.lookups.receive(frame);
    }
  }

  /** A room closed here: the board is free for any process. */
  private release(boardId: string): void {
    if (this.rooms.isOpen(boardId) || !this.leases.holds(boardId)) return;
    this.leases.release(boardId).catch(() => {});
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.leases.close();
    this.client.close();
    this.lookups.close();
    await this.bus.close();
  }
}
