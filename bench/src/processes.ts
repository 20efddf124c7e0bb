// The processes a bench run drives: the built Atelier server, a private Redis, and /proc readings.
// Adapted from apps/server/test/support/processes.ts (paths differ once bundled).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const serverEntry = path.join(repoRoot, 'apps/server/dist/main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  /** DevTools endpoint of the server process (started with --inspect). */
  inspectorUrl: Promise<string>;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  redisUrl?: string;
  port?: number;
  dataDir?: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/** Starts `apps/server/dist/main.js` and resolves once it prints its URL. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir ?? tempDir('atelier-bench-data-'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Every simulated participant comes from 127.0.0.1: lift the per-IP limits meant for the Internet.
    MAX_CONNECTIONS_PER_IP: '100000',
    MAX_BOARDS_PER_IP_PER_HOUR: '100000',
    // The join scenario builds boards bigger than the default shape limit (5000).
    MAX_SHAPES_PER_BOARD: '100000',
    ...options.env,
  };
  delete env.REDIS_URL;
  delete env.PUBLIC_URL;
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--inspect=127.0.0.1:0', serverEntry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const inspectorUrl = new Promise<string>((resolve) => {
    const check = () => {
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stderr?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', check);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const check = () => {
      if (/Atelier is running: /.test(output)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    inspectorUrl,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await waitForExit(child, 20_000);
    },
  };
}

export interface RunningRedis {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A private redis-server on a free port, persisting nothing. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const dir = tempDir('atelier-bench-redis-');
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', () => {
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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
