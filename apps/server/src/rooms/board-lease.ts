// Which process holds a board's room: a Redis lease per board, taken with SET NX PX, renewed by its
// holder with a compare-and-extend, released (compare-and-delete) when the room closes. A holder
// that stops renewing (crash, freeze) loses the board when the lease expires.
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

// Extends our lease, only if it is still ours. A vanished lease (expired while we were frozen, or
// Redis restarted empty) is not silently re-taken: the room reloads, in case someone wrote meanwhile.
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const TAKE_OVER = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface BoardLeaseOptions {
  /** This process's identity, also the name of its relay channel. */
  owner: string;
  keyOf: (boardId: string) => string;
  ttlMs: number;
  renewEveryMs: number;
  logger: Logger;
  /** The lease was found taken by someone else (or gone) at renewal: stop serving the board. */
  onLost: (boardId: string) => void;
}

export class BoardLeases {
  /** Boards held, with when each lease was last confirmed. */
  private readonly held = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly options: BoardLeaseOptions,
  ) {
    this.timer = setInterval(() => void this.renewAll(), options.renewEveryMs);
    this.timer.unref();
  }

  get owner(): string {
    return this.options.owner;
  }

  holds(boardId: string): boolean {
    return this.held.has(boardId);
  }

  /** Takes the board's lease if nobody holds it (or we already do). */
  async tryAcquire(boardId: string): Promise<boolean> {
    const key = this.options.keyOf(boardId);
    const taken = await this.redis.set(key, this.options.owner, 'PX', this.options.ttlMs, 'NX');
    if (taken === 'OK') {
      this.held.set(boardId, Date.now());
      return true;
    }
    // Ours already (a room reopened before its lease was released): extend it.
    const extended = await this.redis.eval(EXTEND, 1, key, this.options.owner, String(this.options.ttlMs));
    if (extended === 1) this.held.set(boardId, Date.now());
    return extended === 1;
  }

  /** Takes the lease from `formerOwner`, known to be gone, if it still names it. */
  async takeOver(boardId: string, formerOwner: string): Promise<boolean> {
    const key = this.options.keyOf(boardId);
    const taken = await this.redis.eval(
      TAKE_OVER,
      1,
      key,
      formerOwner,
      this.options.owner,
      String(this.options.ttlMs),
    );
    if (taken === 1) this.held.set(boardId, Date.now());
    return taken === 1;
  }

  ownerOf(boardId: string): Promise<string | null> {
    return this.redis.get(this.options.keyOf(boardId));
  }

  async release(boardId: string): Promise<void> {
    this.held.delete(boardId);
    await this.redis.eval(RELEASE, 1, this.options.keyOf(boardId), this.options.owner);
  }

  private async renewAll(): Promise<void> {
    await Promise.all(
      [...this.held.keys()].map(async (boardId) => {
        try {
          const extended = await this.redis.eval(
            EXTEND,
            1,
            this.options.keyOf(boardId),
            this.options.owner,
            String(this.options.ttlMs),
          );
          if (!this.held.has(boardId)) return;
          if (extended === 1) {
            this.held.set(boardId, Date.now());
            return;
          }
          this.lose(boardId, 'board lease lost; handing the board over');
        } catch (error) {
          // Redis unreachable: nobody else can take the lease through it either, and the room keeps
          // the board going in memory meanwhile (saves resume with Redis). If only we were cut off
          // and another process took over, the first renewal after reconnecting says so.
          this.options.logger.warn({ boardId, err: (error as Error).message }, 'board lease renewal failed');
        }
      }),
    );
  }

  private lose(boardId: string, why: string): void {
    this.held.delete(boardId);
    this.options.logger.warn({ boardId }, why);
    this.options.onLost(boardId);
  }

  /** Stops renewing; leases still held are released by the room closes that follow. */
  close(): void {
    clearInterval(this.timer);
  }
}
