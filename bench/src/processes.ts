// What a bench run needs beyond @atelier/testkit's processes: the server with a DevTools inspector
// and limits lifted for one machine, and CPU and memory readings from /proc.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startNodeService, startServer, tempDir, type RunningServer } from '@atelier/testkit';

export interface BenchServer extends RunningServer {
  /** DevTools endpoint of the server process (started with --inspect). */
  inspectorUrl: Promise<string>;
}

/** Starts the built server as the bench measures it: production mode, inspectable, no per-IP limits. */
export async function startBenchServer(options: { redisUrl?: string } = {}): Promise<BenchServer> {
  const server = await startServer({
    ...options,
    dataDir: tempDir('atelier-bench-data-'),
    nodeArgs: ['--inspect=127.0.0.1:0'],
    env: {
      // The server's own idle delay (or this shell's), not the tests' short one.
      ROOM_IDLE_CLOSE_MS: process.env.ROOM_IDLE_CLOSE_MS,
      NODE_ENV: 'production',
      // Every simulated participant comes from 127.0.0.1: lift the per-IP limits meant for the Internet.
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_BOARDS_PER_IP_PER_HOUR: '100000',
      MAX_NEWCOMERS_PER_IP_PER_BOARD_PER_HOUR: '100000',
      // `--shapes` may build boards bigger than the default shape limit (20,000).
      MAX_SHAPES_PER_BOARD: '100000',
    },
  });
  return { ...server, inspectorUrl: inspectorUrlOf(server) };
}

/** tldraw's bare TLSocketRoom behind `ws` (src/reference-server.ts), inspectable like the server. */
export async function startReferenceServer(): Promise<BenchServer> {
  const port = await freePort();
  const server = await startNodeService(fileURLToPath(new URL('./reference-server.mjs', import.meta.url)), {
    port,
    env: { ...process.env, PORT: String(port) },
    nodeArgs: ['--inspect=127.0.0.1:0'],
    ready: /listening on /,
  });
  return { ...server, inspectorUrl: inspectorUrlOf(server) };
}

/** Node prints the inspector's address on stderr at start-up, usually before the server's own line. */
function inspectorUrlOf(server: RunningServer): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(server.output());
      if (!match?.[1]) return;
      server.child.stderr?.off('data', check);
      resolve(match[1]);
    };
    server.child.stderr?.on('data', check);
    check();
  });
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

export interface ProcReading {
  at: number;
  /** CPU time used so far (user + system), in seconds. */
  cpuSeconds: number;
  rssBytes: number;
}

/** CPU time and resident memory of a process, from /proc. */
export function readProc(pid: number): ProcReading {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { at: performance.now(), cpuSeconds: (utime + stime) / ticksPerSecond(), rssBytes: rssKb * 1024 };
}

/** Samples a process every `everyMs`: mean and peak CPU (in cores) and peak RSS over a window. */
export class ProcSampler {
  private readonly readings: ProcReading[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 500,
  ) {
    this.readings.push(readProc(pid));
    this.timer = setInterval(() => {
      try {
        this.readings.push(readProc(pid));
      } catch {
        // The process ended; keep what was read.
      }
    }, everyMs);
  }

  stop(): { cpuCores: number; peakCpuCores: number; peakRssBytes: number; endRssBytes: number } {
    clearInterval(this.timer);
    try {
      this.readings.push(readProc(this.pid));
    } catch {
      // ended
    }
    const first = this.readings[0]!;
    const last = this.readings[this.readings.length - 1]!;
    let peak = 0;
    for (let i = 1; i < this.readings.length; i++) {
      const a = this.readings[i - 1]!;
      const b = this.readings[i]!;
      if (b.at - a.at > 200) peak = Math.max(peak, (b.cpuSeconds - a.cpuSeconds) / ((b.at - a.at) / 1000));
    }
    return {
      cpuCores: (last.cpuSeconds - first.cpuSeconds) / Math.max(0.001, (last.at - first.at) / 1000),
      peakCpuCores: peak,
      peakRssBytes: Math.max(...this.readings.map((reading) => reading.rssBytes)),
      endRssBytes: last.rssBytes,
    };
  }
}

/** A DevTools protocol session on a server process: garbage collection and CPU profiles. */
export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
    });
  }

  static async open(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('inspector unreachable')), { once: true });
    });
    return new Inspector(socket);
  }

  call<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.pending.set(id, (result) => resolve(result as T)));
  }

  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
  }

  close(): void {
    this.socket.close();
  }
}
