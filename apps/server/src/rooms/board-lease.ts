// Which process holds a board's room: a Redis lease per board, taken when free (rule R-LEASE-1 in
// SPEC.md), renewed by its holder with a compare-and-extend, released (compare-and-delete) when
// the room closes. A holder that stops renewing (crash, freeze) loses the board when the lease
// expires. Every taking also records the taker as the board's last owner, which the store's
// fenced writes read (R-LEASE-4).
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

// KEYS: owner, lastOwner. ARGV: us, ttl. Free: ours. Ours already (a room reopened before its
// lease was released): extended.
const ACQUIRE = `
local current = redis.call('get', KEYS[1])
if current == false then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
  redis.call('set', KEYS[2], ARGV[1])
  return 1
end
if current == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;
// Extends our lease, only if it is still ours. A vanished lease (expired while we were frozen, or
// Redis restarted empty) is not silently re-taken: the room reloads, in case someone wrote meanwhile.
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
// KEYS: owner, lastOwner. ARGV: the gone owner, us, ttl.
const TAKE_OVER = `
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('set', KEYS[2], ARGV[2])
return 1`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** A board's lease in Redis: who holds it now (expires) and who took it last (kept). */
export interface LeaseKeys {
  owner: string;
  lastOwner: string;
}

export interface BoardLeaseOptions {
  /** This process's identity, also the name of its relay channel. */
  owner: string;
  keysOf: (boardId: string) => LeaseKeys;
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
    const { owner, lastOwner } = this.options.keysOf(boardId);
    const taken = await this.redis.eval(
      ACQUIRE,
      2,
      owner,
      lastOwner,
      this.options.owner,
      String(this.options.ttlMs),
    );
    if (taken === 1) this.held.set(boardId, Date.now());
    return taken === 1;
  }

  /** Takes the lease from `formerOwner`, known to be gone, if it still names it. */
  async takeOver(boardId: string, formerOwner: string): Promise<boolean> {
    const { owner, lastOwner } = this.options.keysOf(boardId);
    const taken = await this.redis.eval(
      TAKE_OVER,
      2,
      owner,
      lastOwner,
      formerOwner,
      this.options.owner,
      String(this.options.ttlMs),
    );
    if (taken === 1) this.held.set(boardId, Date.now());
    return taken === 1;
  }

  ownerOf(boardId: string): Promise<string | null> {
    return this.redis.get(this.options.keysOf(boardId).owner);
  }

  async release(boardId: string): Promise<void> {
    this.held.delete(boardId);
    await this.redis.eval(RELEASE, 1, this.options.keysOf(boardId).owner, this.options.owner);
  }

  private async renewAll(): Promise<void> {
    await Promise.all(
      [...this.held.keys()].map(async (boardId) => {
        try {
          const extended = await this.redis.eval(
            EXTEND,
            1,
            this.options.keysOf(boardId).owner,
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
