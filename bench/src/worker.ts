// A worker process hosting many simulated participants; driven by the orchestrator over IPC.
import { BenchClient, noteIdFor } from './bench-client';
import { Histogram } from './histogram';
import type {
  ClientSpec,
  LoadPlan,
  StopResult,
  VerifyResult,
  WorkerEnvelope,
  WorkerMetrics,
  WorkerReply,
  WorkerRequest,
} from './protocol';

const metrics = {
  measuring: false,
  edit: new Histogram(),
  cursor: new Histogram(),
  messages: 0,
  reconnects: 0,
};
let windowStartedAt = 0;
const clients: BenchClient[] = [];
const timers: NodeJS.Timeout[] = [];
let plan: LoadPlan | null = null;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function connect(specs: ClientSpec[], concurrency: number, timeoutMs: number): Promise<number[]> {
  const joinMs: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < specs.length) {
      const spec = specs[next++]!;
      const client = new BenchClient(spec, metrics);
      clients.push(client);
      joinMs.push(await withTimeout(client.loaded, timeoutMs, `client ${spec.index} join`));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return joinMs;
}

function resetMetrics(): void {
  metrics.edit = new Histogram();
  metrics.cursor = new Histogram();
  metrics.messages = 0;
  metrics.reconnects = 0;
  windowStartedAt = performance.now();
}

function start(loadPlan: LoadPlan): void {
  plan = loadPlan;
  const editors = new Set(loadPlan.editors);
  const movers = new Set(loadPlan.movers);
  resetMetrics();
  metrics.measuring = true;
  for (const client of clients) {
    if (editors.has(client.spec.index) && loadPlan.editRate > 0) {
      const period = 1000 / loadPlan.editRate;
      // Random phase and jitter: people do not type in step.
      const tick = () => {
        client.edit();
        timers.push(setTimeout(tick, period * (0.5 + Math.random())));
      };
      timers.push(setTimeout(tick, Math.random() * period));
    }
    if (movers.has(client.spec.index) && loadPlan.moveHz > 0) {
      const period = 1000 / loadPlan.moveHz;
      timers.push(
        setTimeout(() => timers.push(setInterval(() => client.moveCursor(), period)), Math.random() * period),
      );
    }
  }
}

function stop(): StopResult {
  for (const timer of timers.splice(0)) clearTimeout(timer);
  const finalSeqs: StopResult['finalSeqs'] = {};
  let editsSent = 0;
  let movesSent = 0;
  for (const client of clients) {
    if (client.editSeq > 0)
      finalSeqs[noteIdFor(client.spec.index)] = { boardId: client.spec.boardId, seq: client.editSeq };
    editsSent += client.editSeq;
    movesSent += client.movesSent;
  }
  plan = null;
  return { finalSeqs, editsSent, movesSent };
}

function collect(): WorkerMetrics {
  metrics.measuring = false;
  return {
    edit: metrics.edit.toData(),
    cursor: metrics.cursor.toData(),
    messages: metrics.messages,
    reconnects: metrics.reconnects,
    windowMs: performance.now() - windowStartedAt,
  };
}

function verify(expected: StopResult['finalSeqs']): VerifyResult {
  let missing = 0;
  for (const client of clients) {
    for (const [noteId, { boardId, seq }] of Object.entries(expected)) {
      if (boardId === client.spec.boardId && client.seqOf(noteId) !== seq) missing += 1;
    }
  }
  return { clientsChecked: clients.length, missing };
}

async function awaitResync(timeoutMs: number): Promise<number[]> {
  const started = Date.now();
  while (clients.some((client) => client.resyncMs === null)) {
    if (Date.now() - started > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return clients.map((client) => client.resyncMs ?? Number.POSITIVE_INFINITY);
}

async function join(spec: ClientSpec, expectShapes: number, timeoutMs: number): Promise<number> {
  const client = new BenchClient(spec, metrics);
  try {
    const ms = await withTimeout(client.loaded, timeoutMs, 'join');
    const shapes = client.shapeCount();
    if (shapes < expectShapes) throw new Error(`joined with ${shapes} shapes, expected ${expectShapes}`);
    return ms;
  } finally {
    client.close();
  }
}

async function seed(spec: ClientSpec, shapes: number): Promise<number> {
  const client = new BenchClient(spec, metrics);
  try {
    await withTimeout(client.loaded, 30_000, 'seeding client join');
    await client.seed(shapes);
    return client.shapeCount();
  } finally {
    client.close();
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'connect':
      return connect(request.clients, request.concurrency, request.timeoutMs);
    case 'start':
      return start(request.plan);
    case 'stop':
      return stop();
    case 'collect':
      return collect();
    case 'verify':
      return verify(request.expected);
    case 'drop':
      for (const client of clients) client.drop();
      return null;
    case 'awaitResync':
      return awaitResync(request.timeoutMs);
    case 'join':
      return join(request.client, request.expectShapes, request.timeoutMs);
    case 'seed':
      return seed(request.client, request.shapes);
    case 'closeAll':
      if (plan) stop();
      for (const client of clients.splice(0)) client.close();
      return null;
    case 'exit':
      for (const client of clients.splice(0)) client.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (envelope: WorkerEnvelope) => {
  handle(envelope.request).then(
    (result) => process.send?.({ id: envelope.id, ok: true, result } satisfies WorkerReply),
    (error: Error) =>
      process.send?.({
        id: envelope.id,
        ok: false,
        error: error.stack ?? error.message,
      } satisfies WorkerReply),
  );
});
// tldraw logs reconnect chatter through console.warn; keep the report readable.
console.warn = () => {};
