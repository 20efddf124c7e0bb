// What an IT team runs the server with: /metrics scraped and parsed, /healthz (alive) apart from
// /readyz (store reachable, not draining) with a real Redis stopped, the drain on SIGTERM with two
// processes, and a backup of the embedded store taken while it runs, restored elsewhere.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, SocketEvent, type SocketError } from '@atelier/protocol';
import {
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  repoRoot,
  startRedis,
  startServer,
  tempDir,
  type RunningRedis,
  type RunningServer,
} from '@atelier/testkit';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(server: Promise<RunningServer>): Promise<RunningServer> {
  const running = await server;
  cleanups.push(() => running.stop());
  return running;
}

async function until(predicate: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, as a scraper reads it. */
function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, v]) => sample.labels[key] === v),
  )?.value;
}

describe('/metrics', () => {
  it('is off without METRICS_TOKEN, needs the token with it, and says what the process is doing', async () => {
    const off = await started(startServer());
    expect((await fetch(`${off.url}/metrics`)).status).toBe(404);

    const token = 'metrics-token-0123456789';
    const server = await started(
      startServer({ env: { METRICS_TOKEN: token, MAX_BOARDS_PER_IP_PER_HOUR: '2' } }),
    );
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: 'Bearer nope-nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);

    const board = await createBoard(server.url);
    await createBoard(server.url);
    const refused = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Un de trop' }),
    });
    expect(refused.status).toBe(429);
    const client = connectSocketIoClient(server.url, { boardId: board.id });
    cleanups.push(() => client.close());
    await client.loaded;
    const noteId = client.addNote('Mesurée');
    await client.waitFor(() => client.store.get(noteId) !== undefined);
    expect((await fetch(`${server.url}/api/boards/${board.id}/export/report.md`)).status).toBe(200);

    const scrape = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    const samples = parsePrometheus(await scrape.text());
    expect(value(samples, 'atelier_connections', { transport: 'socket.io' })).toBe(1);
    expect(value(samples, 'atelier_connections', { transport: 'sync' })).toBe(0);
    expect(value(samples, 'atelier_open_boards')).toBe(1);
    expect(
      value(samples, 'atelier_sync_messages_total', { transport: 'socket.io', direction: 'in' }),
    ).toBeGreaterThan(0);
    expect(
      value(samples, 'atelier_sync_messages_total', { transport: 'socket.io', direction: 'out' }),
    ).toBeGreaterThan(0);
    expect(value(samples, 'atelier_sync_handle_seconds_count', { transport: 'socket.io' })).toBeGreaterThan(
      0,
    );
    expect(value(samples, 'atelier_store_operation_seconds_count', { operation: 'createBoard' })).toBe(2);
    expect(value(samples, 'atelier_store_operation_seconds_count', { operation: 'openRoom' })).toBe(1);
    expect(value(samples, 'atelier_store_errors_total', { operation: 'createBoard' }) ?? 0).toBe(0);
    expect(value(samples, 'atelier_rate_limit_refusals_total', { limit: 'http' })).toBe(1);
    expect(value(samples, 'atelier_export_queue')).toBe(0);
    expect(value(samples, 'atelier_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('/healthz and /readyz', () => {
  it('/readyz answers 503 while Redis is down; /healthz still says the process is alive', async () => {
    const redis: RunningRedis = await startRedis();
    let redisUp = true;
    cleanups.push(() => (redisUp ? redis.stop() : undefined));
    const server = await started(startServer({ redisUrl: redis.url }));
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, store: 'redis' });

    await redis.stop();
    redisUp = false;
    await until(async () => (await fetch(`${server.url}/readyz`)).status === 503, '/readyz to answer 503');
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ok: false, store: 'redis' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('draining on SIGTERM', () => {
  it('says 503 on /readyz, saves, then tells its clients to reconnect elsewhere; another process has it all', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const leaving = await startServer({ redisUrl: redis.url, env: { DRAIN_DELAY_MS: '1500' } });
    cleanups.push(() => leaving.stop());
    const staying = await started(startServer({ redisUrl: redis.url }));
    const board = await createBoard(leaving.url);
    const writer = connectSocketIoClient(leaving.url, { boardId: board.id });
    const listener = connectSessionClient(leaving.url, { boardId: board.id });
    cleanups.push(
      () => writer.close(),
      () => listener.close(),
    );
    await writer.loaded;
    const told: SocketError[] = [];
    listener.socket.on(SocketEvent.error, (error) => told.push(error));
    const noteId = writer.addNote('Écrite avant l’arrêt');
    await writer.waitFor(() => writer.store.get(noteId) !== undefined);

    const exited = leaving.stop('SIGTERM');
    await until(
      async () => (await fetch(`${leaving.url}/readyz`)).status === 503,
      '/readyz 503 while draining',
    );
    expect(await (await fetch(`${leaving.url}/readyz`)).json()).toEqual({
      ok: false,
      store: 'redis',
      draining: true,
    });
    expect((await fetch(`${leaving.url}/healthz`)).status).toBe(200);
    // Still serving while the balancer takes note; then the clients are sent away.
    await until(() => told.some((error) => error.code === ErrorCode.serverDraining), 'the drain notice');
    expect(await exited).toBe(0);

    const reader = connectSocketIoClient(staying.url, { boardId: board.id });
    cleanups.push(() => reader.close());
    await reader.loaded;
    expect(reader.hasNoteWithText('Écrite avant l’arrêt')).toBe(true);
  });
});

describe('pnpm atelier backup and restore (embedded store)', () => {
  const cli = path.join(repoRoot, 'apps/server/dist/cli.js');
  const atelier = (args: string[], dataDir: string) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: '' },
    });

  it('backs up a running server consistently and restores the board whole elsewhere', async () => {
    const dataDir = tempDir();
    const server = await startServer({ dataDir });
    cleanups.push(() => server.stop());
    const board = await createBoard(server.url, { title: 'Sauvegardé', template: 'ideation' });
    const writer = connectSocketIoClient(server.url, { boardId: board.id });
    cleanups.push(() => writer.close());
    await writer.loaded;
    const noteId = writer.addNote('Dans la sauvegarde');
    await writer.waitFor(() => writer.store.get(noteId) !== undefined);
    const facilitator = connectSessionClient(server.url, {
      boardId: board.id,
      facilitatorKey: board.facilitatorKey,
    });
    cleanups.push(() => facilitator.close());
    await facilitator.connected();
    expect(await facilitator.command({ type: 'timer.start' })).toEqual({ ok: true });

    // While the server runs, its room open and its files in WAL mode.
    const backupDir = path.join(tempDir(), 'backup');
    const backedUp = atelier(['backup', backupDir], dataDir);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.stdout).toMatch(/backed up 1 boards/);
    expect(fs.existsSync(path.join(backupDir, 'atelier-backup.json'))).toBe(true);
    expect(atelier(['backup', backupDir], dataDir).status).toBe(1); // never over a backup

    const restoredDir = tempDir();
    const restored = atelier(['restore', backupDir], restoredDir);
    expect(restored.stdout).toMatch(/restored 1 boards/);
    expect(atelier(['restore', backupDir], restoredDir).stderr).toMatch(/--replace/);
    expect(atelier(['restore', backupDir, '--replace'], restoredDir).status).toBe(0);

    const elsewhere = await started(startServer({ dataDir: restoredDir }));
    expect(await (await fetch(`${elsewhere.url}/api/boards/${board.id}`)).json()).toMatchObject({
      title: 'Sauvegardé',
    });
    const session = (await (await fetch(`${elsewhere.url}/api/boards/${board.id}/session`)).json()) as {
      timer: { status: string };
    };
    expect(session.timer.status).toBe('running');
    const reader = connectSocketIoClient(elsewhere.url, { boardId: board.id });
    cleanups.push(() => reader.close());
    await reader.loaded;
    expect(reader.hasNoteWithText('Dans la sauvegarde')).toBe(true);
    expect((await fetch(`${elsewhere.url}/api/view/${board.viewerUrl.split('/').pop()}`)).status).toBe(200);
  });

  it('with REDIS_URL, points to Redis’s own tools', () => {
    const result = spawnSync(process.execPath, [cli, 'backup', tempDir()], {
      encoding: 'utf8',
      env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/redis-cli/);
  });
});
