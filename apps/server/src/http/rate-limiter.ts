/**
 * Fixed-window counters per key (an IP, a connection…). Small and in-process: good enough to stop
 * one client from flooding one process; a shared limit would need Redis.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; false when the key is over its limit for the current window. */
  take(key: string): boolean {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.prune(now);
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  /** True when the key has used up its current window, without counting a hit. */
  exceeded(key: string): boolean {
    const window = this.windows.get(key);
    return (
      window !== undefined && this.now() - window.startedAt < this.windowMs && window.count >= this.limit
    );
  }

  retryAfterSeconds(key: string): number {
    const window = this.windows.get(key);
    if (!window) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now()) / 1000));
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
