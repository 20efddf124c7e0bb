// The measured scenarios. Each takes running servers and a worker pool and returns plain numbers.
import fs from 'node:fs';
import path from 'node:path';
import { Histogram, type LatencySummary } from './histogram';
import { Inspector, ProcSampler, readProc, type BenchServer } from './processes';
import type { ClientSpec, StopResult, Transport, VerifyResult, WorkerMetrics } from './protocol';
import type { WorkerPool } from './worker-pool';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let nextClientIndex = 1;

export async function createBoard(baseUrl: string, title: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { board?: { id: string }; id?: string };
  const id = body.board?.id ?? body.id;
  if (!id) throw new Error(`create board: no id in ${JSON.stringify(body)}`);
  return id;
}

/** Deals clients to workers round-robin; returns one list per worker. */
function deal(specs: ClientSpec[], workers: number): ClientSpec[][] {
  const lists: ClientSpec[][] = Array.from({ length: workers }, () => []);
  specs.forEach((spec, i) => lists[i % workers]!.push(spec));
  return lists;
}

export interface FanoutOptions {
  transport: Transport;
  servers: BenchServer[];
  boards: string[];
  clients: number;
  editors: number;
  movers: number;
  seconds: number;
  editRate: number;
  moveHz: number;
  /** Writes a CPU profile of the first server over the load window to this file. */
  profilePath?: string;
}

export interface FanoutResult {
  transport: Transport;
  clients: number;
  boards: number;
  servers: number;
  connectSeconds: number;
  edit: LatencySummary;
  cursor: LatencySummary;
  editsSent: number;
  editDeliveries: number;
  expectedEditDeliveries: number;
  /** (client, note) pairs missing the note's last edit after the run settled. */
  lostEdits: number;
  messagesPerSecond: number;
  reconnects: number;
  serverCpuCores: number;
  serverPeakCpuCores: number;
  serverPeakRssMb: number;
  workersCpuCores: number;
}

/** N participants on B boards; E of them edit their note, M move their cursor; fan-out latencies. */
export async function fanout(pool: WorkerPool, options: FanoutOptions): Promise<FanoutResult> {
  const specs: ClientSpec[] = Array.from({ length: options.clients }, (_, i) => ({
    index: nextClientIndex++,
    url: options.servers[i % options.servers.length]!.url,
    boardId: options.boards[i % options.boards.length]!,
    transport: options.transport,
    withPresence: true,
  }));
  const perWorker = deal(specs, pool.workers.length);
  const connectStarted = performance.now();
  await pool.each(
    perWorker.map((clients) => ({ op: 'connect', clients, concurrency: 8, timeoutMs: 60_000 }) as const),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await sleep(1500);

  const editors = specs.slice(0, options.editors).map((spec) => spec.index);
  const movers = specs.slice(0, options.movers).map((spec) => spec.index);
  const samplers = options.servers.map((server) => new ProcSampler(server.pid));
  const workerSamplers = pool.pids.map((pid) => new ProcSampler(pid));
  let inspector: Inspector | null = null;
  if (options.profilePath) {
    inspector = await Inspector.open(await options.servers[0]!.inspectorUrl);
    await inspector.call('Profiler.enable');
    await inspector.call('Profiler.start');
  }
  await pool.all({
    op: 'start',
    plan: { editors, movers, editRate: options.editRate, moveHz: options.moveHz },
  });
  await sleep(options.seconds * 1000);
  const stops = await pool.all<StopResult>({ op: 'stop' });
  const serverStats = samplers.map((sampler) => sampler.stop());
  const workerStats = workerSamplers.map((sampler) => sampler.stop());
  if (inspector && options.profilePath) {
    const { profile } = await inspector.call<{ profile: unknown }>('Profiler.stop');
    fs.mkdirSync(path.dirname(options.profilePath), { recursive: true });
    fs.writeFileSync(options.profilePath, JSON.stringify(profile));
    inspector.close();
  }
  // Let in-flight messages land before reading the histograms and checking the boards.
  await sleep(2000);
  const metrics = await pool.all<WorkerMetrics>({ op: 'collect' });
  const expected: StopResult['finalSeqs'] = Object.assign({}, ...stops.map((stop) => stop.finalSeqs));
  const verified = await pool.all<VerifyResult>({ op: 'verify', expected });
  await pool.all({ op: 'closeAll' });

  const edit = new Histogram();
  const cursor = new Histogram();
  for (const metric of metrics) {
    edit.merge(metric.edit);
    cursor.merge(metric.cursor);
  }
  const clientsPerBoard = new Map<string, number>();
  for (const spec of specs) clientsPerBoard.set(spec.boardId, (clientsPerBoard.get(spec.boardId) ?? 0) + 1);
  let expectedEditDeliveries = 0;
  for (const { boardId, seq } of Object.values(expected)) {
    expectedEditDeliveries += seq * ((clientsPerBoard.get(boardId) ?? 1) - 1);
  }
  const windowSeconds = Math.max(...metrics.map((metric) => metric.windowMs)) / 1000;
  return {
    transport: options.transport,
    clients: options.clients,
    boards: options.boards.length,
    servers: options.servers.length,
    connectSeconds,
    edit: edit.summary(),
    cursor: cursor.summary(),
    editsSent: stops.reduce((sum, stop) => sum + stop.editsSent, 0),
    editDeliveries: edit.count,
    expectedEditDeliveries,
    lostEdits: verified.reduce((sum, result) => sum + result.missing, 0),
    messagesPerSecond: metrics.reduce((sum, metric) => sum + metric.messages, 0) / windowSeconds,
    reconnects: metrics.reduce((sum, metric) => sum + metric.reconnects, 0),
    serverCpuCores: serverStats.reduce((sum, stat) => sum + stat.cpuCores, 0),
    serverPeakCpuCores: Math.max(...serverStats.map((stat) => stat.peakCpuCores)),
    serverPeakRssMb: Math.max(...serverStats.map((stat) => stat.peakRssBytes)) / 2 ** 20,
    workersCpuCores: workerStats.reduce((sum, stat) => sum + stat.cpuCores, 0),
  };
}

export interface JoinResult {
  shapes: number;
  byTransport: Record<Transport, LatencySummary>;
}

/** Time to join a board of `shapes` notes (first sync complete), the room already open. */
export async function joinTimes(
  pool: WorkerPool,
  server: BenchServer,
  shapes: number,
  joins: number,
  transports: Transport[],
): Promise<JoinResult> {
  const boardId = await createBoard(server.url, `Join ${shapes}`);
  const spec = (transport: Transport, withPresence = false): ClientSpec => ({
    index: nextClientIndex++,
    url: server.url,
    boardId,
    transport,
    withPresence,
  });
  // Someone is already on the board: the room is open, as during a workshop.
  await pool.one({ op: 'connect', clients: [spec('socketio', true)], concurrency: 1, timeoutMs: 30_000 });
  const seeded = await pool.one<number>({ op: 'seed', client: spec('socketio'), shapes }, 1);
  const times = new Map<Transport, number[]>(transports.map((transport) => [transport, []]));
  for (let i = 0; i < joins; i++) {
    for (const transport of transports) {
      const ms = await pool.one<number>(
        { op: 'join', client: spec(transport), expectShapes: seeded, timeoutMs: 30_000 },
        i + 1,
      );
      times.get(transport)!.push(ms);
    }
  }
  await pool.all({ op: 'closeAll' });
  const byTransport = Object.fromEntries(
    transports.map((transport) => [transport, Histogram.of(times.get(transport)!).summary()]),
  ) as Record<Transport, LatencySummary>;
  return { shapes, byTransport };
}

export interface IdleResult {
  transport: Transport;
  connections: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  bytesPerConnection: number;
}

async function settledRss(server: BenchServer): Promise<number> {
  const inspector = await Inspector.open(await server.inspectorUrl);
  try {
    for (let i = 0; i < 3; i++) {
      await inspector.collectGarbage();
      await sleep(300);
    }
  } finally {
    inspector.close();
  }
  await sleep(500);
  return readProc(server.pid).rssBytes;
}

/** Server memory held per idle, joined connection (garbage collected before each reading). */
export async function idleMemory(
  pool: WorkerPool,
  server: BenchServer,
  transport: Transport,
  connections: number,
): Promise<IdleResult> {
  const spec = (boardId: string) => (): ClientSpec => ({
    index: nextClientIndex++,
    url: server.url,
    boardId,
    transport,
    withPresence: false,
  });
  // Warm up on a board of its own: the code paths and the buffers exist before the first reading, and
  // the measured board keeps room for `connections` people (a board admits 500 at most).
  await pool.one({
    op: 'connect',
    clients: Array.from({ length: 10 }, spec(await createBoard(server.url, 'Warm-up'))),
    concurrency: 4,
    timeoutMs: 30_000,
  });
  const boardId = await createBoard(server.url, 'Idle');
  await sleep(1000);
  const before = await settledRss(server);
  const specs = Array.from({ length: connections }, spec(boardId));
  await pool.each(
    deal(specs, pool.workers.length).map(
      (clients) => ({ op: 'connect', clients, concurrency: 8, timeoutMs: 60_000 }) as const,
    ),
  );
  await sleep(2000);
  const after = await settledRss(server);
  await pool.all({ op: 'closeAll' });
  return {
    transport,
    connections,
    rssBeforeMb: before / 2 ** 20,
    rssAfterMb: after / 2 ** 20,
    bytesPerConnection: (after - before) / connections,
  };
}

export interface StormResult {
  transport: Transport;
  clients: number;
  resync: LatencySummary;
  unresynced: number;
  serverPeakCpuCores: number;
}

/** Every client's connection dropped at once; time until each has resynced with its room. */
export async function reconnectStorm(
  pool: WorkerPool,
  server: BenchServer,
  transport: Transport,
  clients: number,
): Promise<StormResult> {
  const boardId = await createBoard(server.url, 'Storm');
  const specs: ClientSpec[] = Array.from({ length: clients }, () => ({
    index: nextClientIndex++,
    url: server.url,
    boardId,
    transport,
    withPresence: true,
  }));
  await pool.each(
    deal(specs, pool.workers.length).map(
      (list) => ({ op: 'connect', clients: list, concurrency: 8, timeoutMs: 60_000 }) as const,
    ),
  );
  await sleep(1500);
  const sampler = new ProcSampler(server.pid, 250);
  await pool.all({ op: 'drop' });
  const times = (await pool.all<number[]>({ op: 'awaitResync', timeoutMs: 60_000 })).flat();
  const stats = sampler.stop();
  await pool.all({ op: 'closeAll' });
  const finite = times.filter((ms) => Number.isFinite(ms));
  return {
    transport,
    clients,
    resync: Histogram.of(finite).summary(),
    unresynced: times.length - finite.length,
    serverPeakCpuCores: stats.peakCpuCores,
  };
}
