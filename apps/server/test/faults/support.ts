// Fault-injection helpers: a Redis that keeps its data across restarts, clients whose network can
// be cut, and an observer that timestamps what the server committed.
import type { ChildProcess } from 'node:child_process';
import { SocketIoSyncSocket, type BoardClientSocket } from '@atelier/sync-transport';
import type { TLRecord } from '@tldraw/tlschema';
import {
  connectBoardSocket,
  freePort,
  spawnRedis,
  tempDir,
  TestSyncClient,
  type SocketIoClientOptions,
} from '@atelier/testkit';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export interface PersistentRedis {
  url: string;
  port: number;
  dir: string;
  /** Graceful stop (SIGTERM: Redis writes its append-only file and exits). */
  stop(): Promise<void>;
  /** Same port, same directory: back with its data. */
  start(): Promise<void>;
}

/**
 * A private Redis the test can stop and start again on the same port. With `persist` it keeps an
 * append-only file (fsync at every write) in its own directory, as a production Redis would;
 * without, a restart comes back empty.
 */
export async function startControllableRedis(persist: boolean): Promise<PersistentRedis> {
  const port = await freePort();
  const dir = tempDir('atelier-fault-redis-');
  let child: ChildProcess | null = await spawnRedis(port, dir, persist);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: async () => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    start: async () => {
      child = await spawnRedis(port, dir, persist);
    },
  };
}

/** A tldraw client over Socket.IO whose connection the test can cut and restore. */
export class CuttableClient extends TestSyncClient {
  /** Handshakes the server refused, by code. */
  readonly refusals: string[] = [];

  constructor(readonly io: BoardClientSocket) {
    super(new SocketIoSyncSocket(io), () => io.disconnect());
    // What the web client should do too: a refusal for a passing reason is retried, not final.
    io.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code;
      if (!code) return;
      this.refusals.push(code);
      if (code === 'store_unavailable' || code === 'rate_limited') setTimeout(() => io.connect(), 500);
    });
  }

  /** Offline: the socket closes and does not come back until `reconnect`; the store stays editable. */
  goOffline(): void {
    this.io.disconnect();
  }

  reconnect(): void {
    this.io.connect();
  }
}

export function connectCuttableClient(baseUrl: string, options: SocketIoClientOptions): CuttableClient {
  return new CuttableClient(connectBoardSocket(baseUrl, options));
}

/** Notes another client has seen arrive from the server, with when: seen = committed. */
export class CommitLog {
  readonly seenAt = new Map<string, number>();

  constructor(observer: TestSyncClient) {
    const record = (entry: TLRecord) => {
      if (entry.typeName === 'shape' && entry.type === 'note' && !this.seenAt.has(entry.id))
        this.seenAt.set(entry.id, Date.now());
    };
    for (const existing of observer.store.allRecords()) record(existing);
    observer.store.listen(
      ({ changes }) => {
        for (const added of Object.values(changes.added)) record(added);
      },
      { source: 'remote', scope: 'document' },
    );
  }

  /** Ids committed before `time`. */
  committedBefore(time: number): string[] {
    return [...this.seenAt].filter(([, at]) => at < time).map(([id]) => id);
  }
}
