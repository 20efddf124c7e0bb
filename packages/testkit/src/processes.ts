// Real processes for cross-process tests and the benchmark: the built Atelier server and throwaway
// Redis servers, each on a free port of 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The workspace root, found upwards from this file (which may be bundled elsewhere, as in bench/dist). */
export const repoRoot = findRepoRoot(import.meta.dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

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

export function tempDir(prefix = 'atelier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Resolves with the exit code; past the timeout the process is killed outright and this rejects. */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms (killed)`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr. */
  output: () => string;
  /** Sends a signal and waits for the process to end; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServerOptions {
  dataDir?: string;
  redisUrl?: string;
  port?: number;
  /** Set over the defaults below; `undefined` removes a variable (the server's own default applies). */
  env?: Record<string, string | undefined>;
  /** Node flags before the entry point; replace the default `--enable-source-maps`. */
  nodeArgs?: string[];
}

/** Starts `apps/server/dist/main.js` and resolves once it prints its URL. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  // The machine's own REDIS_URL or PUBLIC_URL must not leak in; a caller sets them explicitly.
  const { REDIS_URL: _redis, PUBLIC_URL: _public, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir ?? tempDir(),
    LOG_LEVEL: 'warn',
    ROOM_IDLE_CLOSE_MS: '200',
    // No balancer to wait for: a stopped test server saves and exits at once.
    DRAIN_DELAY_MS: '0',
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  return startNodeService(serverEntry, {
    port,
    env,
    nodeArgs: options.nodeArgs ?? ['--enable-source-maps'],
    ready: /Atelier is running: /,
  });
}

/**
 * Runs a Node script serving on `port` of 127.0.0.1 and resolves once its output matches `ready`
 * (or rejects with that output if it exits or stays silent for 20 s).
 */
export async function startNodeService(
  entry: string,
  options: { port: number; env: NodeJS.ProcessEnv; nodeArgs: string[]; ready: RegExp },
): Promise<RunningServer> {
  const { port } = options;
  const child = spawn(process.execPath, [...options.nodeArgs, entry], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 20_000);
    const check = () => {
      if (options.ready.test(output)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    child,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return waitForExit(child, 20_000);
    },
  };
}

/**
 * Starts a server that can be killed and started again on the same port and data directory (its
 * clients reconnect by themselves); `started` sees each process, to stop it after the test.
 */
export function restartableServer(
  options: Omit<ServerOptions, 'port'>,
  started: (server: RunningServer) => void,
): () => Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDir();
  let port: number | undefined;
  return async () => {
    const server = await startServer({ ...options, dataDir, ...(port ? { port } : {}) });
    port = server.port;
    started(server);
    return server;
  };
}

/**
 * Spawns `redis-server` on `port`, saving in `dir` only with `persist` (an append-only file synced
 * at every write, as a production Redis would); resolves once it accepts connections.
 */
export function spawnRedis(port: number, dir: string, persist = false): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push(...(persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', () => {
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('error', (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis exited with ${code}: ${output}`)));
  });
}

export interface RunningRedis {
  url: string;
  port: number;
  pid: number;
  dir: string;
  /** Kills the server and removes its directory. */
  stop(): Promise<void>;
}

/** A private redis-server on a free port, persisting nothing, in its own temp dir. */
export async function startRedis(port?: number): Promise<RunningRedis> {
  const chosen = port ?? (await freePort());
  const dir = tempDir('atelier-redis-');
  const child = await spawnRedis(chosen, dir);
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    pid: child.pid!,
    dir,
    stop: async () => {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OidcProviderOptions {
  /** Where the provider sends people back (the Atelier server's `/auth/callback`). */
  redirectUri: string;
  postLogoutRedirectUri: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of an authorization code, in seconds (60 by default). */
  codeTtlSeconds?: number;
}

export interface RunningOidcProvider extends RunningServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The environment an Atelier server needs to sign in with this provider. */
  serverEnv: Record<string, string>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) in its own process, on a free port: one client,
 * accounts named by the e-mail typed on its sign-in page (`/interaction/<uid>`), consent at once.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const port = await freePort();
  const clientId = options.clientId ?? 'atelier-test';
  const clientSecret = options.clientSecret ?? 'atelier-test-secret-0123456789';
  const running = await startNodeService(path.join(repoRoot, 'packages/testkit/oidc/provider-process.mjs'), {
    port,
    env: {
      ...process.env,
      PORT: String(port),
      CLIENT_ID: clientId,
      CLIENT_SECRET: clientSecret,
      REDIRECT_URI: options.redirectUri,
      POST_LOGOUT_REDIRECT_URI: options.postLogoutRedirectUri,
      CODE_TTL_SECONDS: String(options.codeTtlSeconds ?? 60),
    },
    nodeArgs: [],
    ready: /oidc provider ready/,
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    ...running,
    issuer,
    clientId,
    clientSecret,
    serverEnv: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret },
  };
}
