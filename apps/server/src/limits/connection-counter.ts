// Open connections per address with a ceiling, counted from the first byte of a connection. With
// Redis the count is shared by every process: each process keeps its own field in the address's hash
// and a liveness key it refreshes, so the connections of a crashed process stop counting once its
// liveness key expires (a few seconds), without anybody cleaning up after it.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface ConnectionSlot {
  /** Past the limit, a connection may be let in only to be told why (a coded refusal), then closed. */
  readonly over: boolean;
  /** Frees the place; idempotent. */
  release(): void;
}

export interface ConnectionCounter {
  /** Counts a new connection; null when even the slots for telling the refusal are used up. */
  acquire(key: string): Promise<ConnectionSlot | null>;
  close(): Promise<void>;
}

export interface ConnectionCounterOptions {
  limit: number;
  /** Connections let in past the limit at once, so that a client hears `rate_limited` (not a bare 403). */
  overflow: number;
}

/** This process's connections per key, the part every implementation keeps locally. */
class LocalCounts {
  readonly open = new Map<string, number>();

  add(key: string, delta: number): void {
    const count = (this.open.get(key) ?? 0) + delta;
    if (count > 0) this.open.set(key, count);
    else this.open.delete(key);
  }

  slot(key: string, over: boolean, onRelease: () => void): ConnectionSlot {
    this.add(key, 1);
    let released = false;
    return {
      over,
      release: () => {
        if (released) return;
        released = true;
        this.add(key, -1);
        onRelease();
      },
    };
  }
}

export class MemoryConnectionCounter implements ConnectionCounter {
  private readonly local = new LocalCounts();

  constructor(private readonly options: ConnectionCounterOptions) {}

  acquire(key: string): Promise<ConnectionSlot | null> {
    const count = this.local.open.get(key) ?? 0;
    if (count >= this.options.limit + this.options.overflow) return Promise.resolve(null);
    return Promise.resolve(this.local.slot(key, count >= this.options.limit, () => {}));
  }

  count(key: string): number {
    return this.local.open.get(key) ?? 0;
  }

  async close(): Promise<void> {}
}

// KEYS[1]: the address's hash (process id → open connections). ARGV: liveness key prefix, this
// process, ceiling, hash TTL (s), liveness TTL (ms). Fields of processes whose liveness key is gone
// are dropped; this process says it is alive first, so nobody drops it before its first heartbeat.
const ACQUIRE = `
redis.call('SET', ARGV[1] .. ARGV[2], '1', 'PX', ARGV[5])
local fields = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #fields, 2 do
  local process = fields[i]
  if process == ARGV[2] or redis.call('EXISTS', ARGV[1] .. process) == 1 then
    total = total + tonumber(fields[i + 1])
  else
    redis.call('HDEL', KEYS[1], process)
  end
end
if total >= tonumber(ARGV[3]) then return -1 end
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
redis.call('EXPIRE', KEYS[1], ARGV[4])
return total
`;
const RELEASE = `
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1
`;

export interface RedisConnectionCounterOptions extends ConnectionCounterOptions {
  redis: Redis;
  keyPrefix: string;
  /** How long the connections of a process that stopped refreshing keep counting. */
  livenessMs?: number;
}

export class RedisConnectionCounter implements ConnectionCounter {
  private readonly processId = randomUUID();
  private readonly local = new LocalCounts();
  /** Keys with a change on its way to Redis: the heartbeat leaves their count alone meanwhile. */
  private readonly pending = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly livenessMs: number;

  constructor(private readonly options: RedisConnectionCounterOptions) {
    this.livenessMs = options.livenessMs ?? 15_000;
    this.heartbeat = setInterval(() => void this.refresh(), this.livenessMs / 3);
    this.heartbeat.unref();
    void this.refresh();
  }

  private hashKey(key: string): string {
    return `${this.options.keyPrefix}connections:${key}`;
  }

  private get livenessPrefix(): string {
    return `${this.options.keyPrefix}connections-process:`;
  }

  private track(key: string, delta: number): void {
    const count = (this.pending.get(key) ?? 0) + delta;
    if (count > 0) this.pending.set(key, count);
    else this.pending.delete(key);
  }

  async acquire(key: string): Promise<ConnectionSlot | null> {
    const { redis, limit, overflow } = this.options;
    const ceiling = limit + overflow;
    this.track(key, 1);
    let before: number;
    try {
      before = (await redis.eval(
        ACQUIRE,
        1,
        this.hashKey(key),
        this.livenessPrefix,
        this.processId,
        ceiling,
        24 * 60 * 60,
        this.livenessMs,
      )) as number;
    } catch {
      return this.acquireLocally(key, ceiling);
    } finally {
      this.track(key, -1);
    }
    if (before < 0) return null;
    return this.local.slot(key, before >= limit, () => this.releaseInRedis(key));
  }

  /** Redis unreachable: this process's own connections against the limit, as without Redis. */
  private acquireLocally(key: string, ceiling: number): ConnectionSlot | null {
    const count = this.local.open.get(key) ?? 0;
    if (count >= ceiling) return null;
    return this.local.slot(key, count >= this.options.limit, () => this.releaseInRedis(key));
  }

  private releaseInRedis(key: string): void {
    this.track(key, 1);
    this.options.redis
      .eval(RELEASE, 1, this.hashKey(key), this.processId)
      .catch(() => {})
      .finally(() => this.track(key, -1));
  }

  /** Says this process is alive and writes its own counts again (healing a lost release or a flushed Redis). */
  private async refresh(): Promise<void> {
    const { redis } = this.options;
    if (redis.status !== 'ready') return;
    const pipeline = redis.multi();
    pipeline.set(`${this.livenessPrefix}${this.processId}`, '1', 'PX', this.livenessMs);
    for (const [key, count] of this.local.open) {
      if (this.pending.has(key)) continue;
      pipeline.hset(this.hashKey(key), this.processId, count);
      pipeline.expire(this.hashKey(key), 24 * 60 * 60);
    }
    await pipeline.exec().catch(() => {});
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    const { redis } = this.options;
    if (redis.status !== 'ready') return;
    // The other processes stop counting this one's connections at once.
    await redis.del(`${this.livenessPrefix}${this.processId}`).catch(() => {});
  }
}
