// `pnpm bench`: starts the built server (embedded store and Redis), simulated participants in worker
// processes, and prints each figure over Socket.IO next to tldraw's native WebSocket endpoint.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, startRedis, type RunningRedis } from '@atelier/testkit';
import { type Row, table } from './report';
import { startBenchServer, startReferenceServer, type BenchServer } from './processes';
import type { Transport } from './protocol';
import {
  createBoard,
  fanout,
  idleMemory,
  joinTimes,
  reconnectStorm,
  type FanoutResult,
  type IdleResult,
  type JoinResult,
  type StormResult,
} from './scenarios';
import { WorkerPool } from './worker-pool';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string' },
    editors: { type: 'string' },
    movers: { type: 'string' },
    boards: { type: 'string' },
    shapes: { type: 'string' },
    seconds: { type: 'string' },
    workers: { type: 'string' },
    idle: { type: 'string' },
    joins: { type: 'string' },
    'edit-rate': { type: 'string' },
    'move-hz': { type: 'string' },
    store: { type: 'string' },
    transports: { type: 'string' },
    only: { type: 'string' },
    rounds: { type: 'string' },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(
    'pnpm bench [--quick] [--clients 200] [--editors 50] [--movers 5] [--boards 1] [--shapes 1000,5000,10000]\n' +
      '           [--seconds 20] [--workers 3] [--idle 500] [--joins 10] [--edit-rate 0.3] [--move-hz 30]\n' +
      '           [--store sqlite|redis|both] [--transports socketio,native,reference] [--only fanout,join,idle,storm,multi]\n' +
      '           [--rounds 3]  (fan-out and two-process runs repeated, order alternating; the table shows medians)\n' +
      '           [--profile]   (CPU profile of the server during each fan-out, in bench/results)\n',
  );
  process.exit(0);
}

const quick = flags.quick;
const int = (value: string | undefined, fallback: number) =>
  value === undefined ? fallback : Number.parseInt(value, 10);
const clients = int(flags.clients, quick ? 50 : 200);
const config = {
  clients,
  editors: Math.min(clients, int(flags.editors, quick ? 10 : 50)),
  movers: Math.min(clients, int(flags.movers, 5)),
  boards: int(flags.boards, 1),
  shapes: (flags.shapes ?? (quick ? '1000,5000' : '1000,5000,10000')).split(',').map(Number),
  seconds: int(flags.seconds, quick ? 8 : 20),
  workers: int(flags.workers, 3),
  idle: int(flags.idle, quick ? 100 : 500),
  joins: int(flags.joins, quick ? 5 : 10),
  editRate: Number(flags['edit-rate'] ?? 0.3),
  rounds: Math.max(1, int(flags.rounds, quick ? 1 : 3)),
  moveHz: Number(flags['move-hz'] ?? 30),
  stores: flags.store === 'both' ? ['sqlite', 'redis'] : [flags.store ?? 'sqlite'],
  /** `reference` is tldraw's bare TLSocketRoom behind `ws` (fan-out only), with native clients. */
  targets: (flags.transports ?? 'socketio,native,reference').split(',') as Target[],
  only: new Set((flags.only ?? 'fanout,join,idle,storm,multi').split(',')),
  profile: flags.profile,
};

/** Client transports to Atelier, for the scenarios other than the fan-out. */
const clientTransports = config.targets.filter((target): target is Transport => target !== 'reference');

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = path.join(repoRoot, 'bench/results');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function withServer<T>(store: string, run: (server: BenchServer) => Promise<T>): Promise<T> {
  let redis: RunningRedis | null = null;
  if (store === 'redis') redis = await startRedis();
  const server = await startBenchServer(redis ? { redisUrl: redis.url } : {});
  try {
    return await run(server);
  } finally {
    await server.stop();
    await redis?.stop();
  }
}

const pool = WorkerPool.start(
  config.workers,
  config.profile ? path.join(resultsDir, `${stamp}-workers`) : undefined,
);
type Target = Transport | 'reference';
const fanouts: (FanoutResult & { store: string; round: number; target: Target })[] = [];
const joins: JoinResult[] = [];
const idles: IdleResult[] = [];
const storms: StormResult[] = [];
const scaled: { round: number; oneProcess: FanoutResult; twoProcesses: FanoutResult }[] = [];
const errors: string[] = [];
const started = performance.now();

/** One scenario failing (a timeout, a refused connection) is reported; the others still run. */
async function attempt(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = `${name}: ${(error as Error).message.split('\n')[0]}`;
    errors.push(message);
    log(`FAILED ${message}`);
    await pool.all({ op: 'closeAll' }).catch(() => {});
  }
}

function fanoutOptions(transport: Transport, servers: BenchServer[], boards: string[], profileName?: string) {
  return {
    transport,
    servers,
    boards,
    clients: config.clients,
    editors: config.editors,
    movers: config.movers,
    seconds: config.seconds,
    editRate: config.editRate,
    moveHz: config.moveHz,
    ...(config.profile && profileName
      ? { profilePath: path.join(resultsDir, `${stamp}-${profileName}.cpuprofile`) }
      : {}),
  };
}

async function withReferenceServer<T>(run: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startReferenceServer();
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** The reference server opens a room for any id. */
function referenceBoards(): string[] {
  return Array.from({ length: config.boards }, (_, i) => `reference-${stamp}-${i}`);
}

async function boardsOn(server: BenchServer): Promise<string[]> {
  const boards: string[] = [];
  for (let i = 0; i < config.boards; i++) boards.push(await createBoard(server.url, `Bench ${i}`));
  return boards;
}

try {
  if (config.only.has('fanout')) {
    for (const store of config.stores) {
      for (let round = 1; round <= config.rounds; round++) {
        // Alternating the order spreads any drift of the machine (heat, page cache) over both sides.
        // The bare reference has no store: it runs once per round, with the first store.
        const targets = config.targets.filter(
          (target) => target !== 'reference' || store === config.stores[0],
        );
        const order = round % 2 === 1 ? targets : [...targets].reverse();
        for (const target of order) {
          await attempt(`fan-out ${target} ${store} round ${round}`, async () => {
            log(
              `fan-out: ${config.clients} clients, ${config.boards} board(s), ${target}${target === 'reference' ? '' : `, ${store} store`}, round ${round}/${config.rounds}`,
            );
            const profileName = `${target}-${store}-${round}`;
            const result =
              target === 'reference'
                ? await withReferenceServer((server) =>
                    fanout(pool, fanoutOptions('native', [server], referenceBoards(), profileName)),
                  )
                : await withServer(store, async (server) =>
                    fanout(pool, fanoutOptions(target, [server], await boardsOn(server), profileName)),
                  );
            fanouts.push({ ...result, store, round, target });
            log(
              `  edit p99 ${result.edit.p99.toFixed(1)} ms, cursor p99 ${result.cursor.p99.toFixed(1)} ms, server CPU ${result.serverCpuCores.toFixed(2)}`,
            );
          });
        }
      }
    }
  }
  if (config.only.has('join')) {
    await withServer(config.stores[0]!, async (server) => {
      for (const shapes of config.shapes) {
        await attempt(`join ${shapes}`, async () => {
          log(`join: board of ${shapes} shapes`);
          joins.push(await joinTimes(pool, server, shapes, config.joins, clientTransports));
        });
      }
    });
  }
  if (config.only.has('idle')) {
    for (const transport of clientTransports) {
      await attempt(`idle ${transport}`, async () => {
        log(`idle memory: ${config.idle} connections, ${transport}`);
        idles.push(
          await withServer(config.stores[0]!, (server) => idleMemory(pool, server, transport, config.idle)),
        );
      });
    }
  }
  if (config.only.has('storm')) {
    for (const transport of clientTransports) {
      await attempt(`storm ${transport}`, async () => {
        log(`reconnect storm: ${config.clients} clients, ${transport}`);
        storms.push(
          await withServer(config.stores[0]!, (server) =>
            reconnectStorm(pool, server, transport, config.clients),
          ),
        );
      });
    }
  }
  if (config.only.has('multi')) {
    const transport = clientTransports[0]!;
    const oneProcess = async (redisUrl: string, round: number) => {
      const single = await startBenchServer({ redisUrl });
      try {
        return await fanout(
          pool,
          fanoutOptions(transport, [single], await boardsOn(single), `one-process-${round}`),
        );
      } finally {
        await single.stop();
      }
    };
    const twoProcesses = async (redisUrl: string, round: number) => {
      const [a, b] = await Promise.all([startBenchServer({ redisUrl }), startBenchServer({ redisUrl })]);
      try {
        return await fanout(
          pool,
          fanoutOptions(transport, [a, b], await boardsOn(a), `two-processes-${round}`),
        );
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    };
    for (let round = 1; round <= config.rounds; round++) {
      await attempt(`two processes round ${round}`, async () => {
        log(
          `two processes: ${config.clients} clients over Redis, ${transport}, 1 process and 2, round ${round}/${config.rounds}`,
        );
        const redis = await startRedis();
        try {
          let one: FanoutResult;
          let two: FanoutResult;
          if (round % 2 === 1) {
            one = await oneProcess(redis.url, round);
            two = await twoProcesses(redis.url, round);
          } else {
            two = await twoProcesses(redis.url, round);
            one = await oneProcess(redis.url, round);
          }
          scaled.push({ round, oneProcess: one, twoProcesses: two });
          log(`  edit p99 ${one.edit.p99.toFixed(1)} → ${two.edit.p99.toFixed(1)} ms`);
        } finally {
          await redis.stop();
        }
      });
    }
  }
} finally {
  await pool.stop();
}

/** The median of a figure over the rounds that ran (null when none did). */
function median<T>(runs: T[], get: (run: T) => number): number | null {
  if (runs.length === 0) return null;
  const values = runs.map(get).sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}
/** Rows comparing two sides (the table's two columns), each the median of its runs of a figure. */
function rowsOf<T>(left: T[], right: T[]) {
  return (get: (run: T) => number, figure: string, unit: string, extra: Partial<Row> = {}): Row => ({
    figure,
    socketio: median(left, get),
    native: median(right, get),
    unit,
    ...extra,
  });
}
const byTransport = <T extends { transport: Transport }>(list: T[]) =>
  rowsOf(
    list.filter((item) => item.transport === 'socketio'),
    list.filter((item) => item.transport === 'native'),
  );
const roundsNote = (count: number) => (count > 1 ? `, median of ${count} rounds` : '');
const output: string[] = [];
for (const store of config.stores) {
  const runs = fanouts.filter((run) => run.store === store);
  if (!runs.length) continue;
  const sio = runs.filter((run) => run.target === 'socketio');
  const nat = runs.filter((run) => run.target === 'native');
  const both = rowsOf(sio, nat);
  output.push(
    table(
      `Fan-out: ${config.clients} clients on ${config.boards} board(s), ${config.editors} editing (${config.editRate}/s), ${config.movers} moving cursors (${config.moveHz} Hz), ${config.seconds} s, ${store} store${roundsNote(Math.max(sio.length, nat.length))}`,
      [
        both((r) => r.edit.p50, 'edit p50', 'ms'),
        both((r) => r.edit.p95, 'edit p95', 'ms'),
        both(
          (r) => r.edit.p99,
          'edit p99',
          'ms',
          config.boards === 1 ? { goal: '<= 100', ratioGoal: 1.15 } : {},
        ),
        both((r) => r.edit.max, 'edit max', 'ms'),
        both((r) => r.cursor.p50, 'cursor p50', 'ms'),
        both((r) => r.cursor.p95, 'cursor p95', 'ms'),
        both((r) => r.cursor.p99, 'cursor p99', 'ms', config.boards === 1 ? { goal: '<= 150' } : {}),
        both((r) => r.cursor.max, 'cursor max', 'ms'),
        both((r) => r.editsSent, 'edits sent', ''),
        both(
          (r) => (100 * r.editDeliveries) / Math.max(1, r.expectedEditDeliveries),
          'edit deliveries seen',
          '%',
        ),
        both((r) => r.lostEdits, 'edits lost (final state)', '', { goal: '<= 0' }),
        both((r) => r.messagesPerSecond, 'messages delivered / s', ''),
        both((r) => r.serverCpuCores, 'server CPU (mean)', 'cores', { goal: '<= 1' }),
        both((r) => r.serverPeakCpuCores, 'server CPU (peak 0.5 s)', 'cores'),
        both((r) => r.serverPeakRssMb, 'server RSS (peak)', 'MB'),
        both((r) => r.workersCpuCores, 'client workers CPU', 'cores'),
        both((r) => r.connectSeconds, 'all clients joined in', 's'),
        both((r) => r.reconnects, 'unplanned reconnects', ''),
      ],
    ),
  );
}
const referenceRuns = fanouts.filter((run) => run.target === 'reference');
if (referenceRuns.length) {
  const ours = fanouts.filter((run) => run.target === 'socketio' && run.store === config.stores[0]);
  const row = rowsOf(ours, referenceRuns);
  output.push(
    table(
      `Same load against tldraw's bare reference (a TLSocketRoom behind ws, in-memory, nothing else; the goal's "bare reference", on this machine)${roundsNote(referenceRuns.length)}`,
      [
        row((r) => r.edit.p50, 'edit p50', 'ms'),
        row((r) => r.edit.p95, 'edit p95', 'ms'),
        row((r) => r.edit.p99, 'edit p99', 'ms'),
        row((r) => r.cursor.p99, 'cursor p99', 'ms'),
        row((r) => r.serverCpuCores, 'server CPU (mean)', 'cores'),
        row((r) => r.workersCpuCores, 'client workers CPU', 'cores'),
      ],
      ['Atelier SIO', 'bare room', 'ratio'],
    ),
  );
}
if (joins.length) {
  const rows: Row[] = [];
  for (const join of joins) {
    const { socketio, native } = join.byTransport;
    const row = rowsOf(socketio ? [socketio] : [], native ? [native] : []);
    const label = `${join.shapes / 1000}k shapes`;
    const goal = join.shapes === 5000 ? '<= 500' : join.shapes === 10000 ? '<= 1000' : undefined;
    rows.push(row((r) => r.p50, `join ${label} p50`, 'ms'));
    rows.push(row((r) => r.p95, `join ${label} p95`, 'ms', goal ? { goal } : {}));
  }
  output.push(table(`Join (first sync complete, room open, ${config.joins} joins each)`, rows));
}
if (idles.length) {
  const row = byTransport(idles);
  output.push(
    table(`Idle connections (${config.idle}, after GC)`, [
      row((r) => r.bytesPerConnection / 1024, 'server RSS per connection', 'KB', { goal: '<= 32' }),
      row((r) => r.rssBeforeMb, 'server RSS before', 'MB'),
      row((r) => r.rssAfterMb, 'server RSS after', 'MB'),
    ]),
  );
}
if (scaled.length) {
  const row = rowsOf(
    scaled.map((pair) => pair.twoProcesses),
    scaled.map((pair) => pair.oneProcess),
  );
  output.push(
    table(
      `Two server processes behind any balancer (clients alternate), Redis store, ${scaled[0]!.oneProcess.transport}; ratio = 2 processes / 1${roundsNote(scaled.length)}`,
      [
        row((r) => r.edit.p50, 'edit p50', 'ms'),
        row((r) => r.edit.p99, 'edit p99', 'ms'),
        {
          // Paired within each round, so that drift between rounds does not count as relay cost.
          figure: 'extra edit p99 (2 − 1)',
          socketio: median(scaled, (pair) => pair.twoProcesses.edit.p99 - pair.oneProcess.edit.p99),
          native: null,
          unit: 'ms',
          goal: '<= 10',
        },
        row((r) => r.cursor.p50, 'cursor p50', 'ms'),
        row((r) => r.cursor.p99, 'cursor p99', 'ms'),
        row((r) => r.lostEdits, 'edits lost (final state)', '', { goal: '<= 0' }),
        row((r) => r.serverCpuCores, 'server CPU (all processes)', 'cores'),
        row((r) => r.messagesPerSecond, 'messages delivered / s', ''),
      ],
      ['2 processes', '1 process', 'ratio'],
    ),
  );
}
if (storms.length) {
  const row = byTransport(storms);
  output.push(
    table(`Reconnect storm (${config.clients} clients dropped at once; client back-off included)`, [
      row((r) => r.resync.p50, 'resync p50', 'ms'),
      row((r) => r.resync.p95, 'resync p95', 'ms'),
      row((r) => r.resync.max, 'all resynced (max)', 'ms'),
      row((r) => r.unresynced, 'not resynced after 60 s', '', { goal: '<= 0' }),
      row((r) => r.serverPeakCpuCores, 'server CPU (peak)', 'cores'),
    ]),
  );
}
if (errors.length) output.push(`\nFailed scenarios:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
const elapsed = (performance.now() - started) / 1000;
output.push(
  `\n${os.cpus().length} cores, Node ${process.version}, ${config.workers} client workers on the same machine; ${elapsed.toFixed(0)} s.`,
);
process.stdout.write(`${output.join('\n')}\n`);

fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${stamp}.json`);
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      startedAt: new Date().toISOString(),
      machine: { cores: os.cpus().length, node: process.version },
      config: { ...config, only: [...config.only] },
      fanouts,
      joins,
      idles,
      storms,
      scaled,
      errors,
    },
    null,
    2,
  ),
);
process.stdout.write(`Results: ${path.relative(process.cwd(), file)}\n`);
