// What an IT team scrapes at `/metrics` (Prometheus text format, prom-client): connections by
// transport, open boards, sync messages in and out, how long a room takes to handle one, store
// operations' latency and errors, rate-limit refusals, exports under way, and Node's own metrics.
import client from 'prom-client';
import type { BoardStore } from '../store/board-store';

export type Transport = 'socket.io' | 'sync';

export interface MetricSources {
  connections(): Record<Transport, number>;
  openBoards(): number;
  exportsInProgress(): number;
}

export class Metrics {
  readonly registry = new client.Registry();
  readonly messages: client.Counter<'transport' | 'direction'>;
  readonly syncSeconds: client.Histogram<'transport'>;
  readonly storeSeconds: client.Histogram<'operation'>;
  readonly storeErrors: client.Counter<'operation'>;
  readonly refusals: client.Counter<'limit'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    client.collectDefaultMetrics({ register: this.registry, prefix: 'atelier_' });
    new client.Gauge({
      name: 'atelier_connections',
      help: 'Open connections to boards on this process, by transport',
      labelNames: ['transport'],
      registers,
      collect() {
        for (const [transport, count] of Object.entries(sources.connections()))
          this.set({ transport }, count);
      },
    });
    new client.Gauge({
      name: 'atelier_open_boards',
      help: 'Boards whose room is open on this process',
      registers,
      collect() {
        this.set(sources.openBoards());
      },
    });
    new client.Gauge({
      name: 'atelier_export_queue',
      help: 'Exports being built on this process',
      registers,
      collect() {
        this.set(sources.exportsInProgress());
      },
    });
    this.messages = new client.Counter({
      name: 'atelier_sync_messages_total',
      help: 'tldraw sync messages handled by the rooms of this process (rate() gives messages per second)',
      labelNames: ['transport', 'direction'],
      registers,
    });
    this.syncSeconds = new client.Histogram({
      name: 'atelier_sync_handle_seconds',
      help: 'Time a room takes to handle one incoming sync message (embedded store: its write included)',
      labelNames: ['transport'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.storeSeconds = new client.Histogram({
      name: 'atelier_store_operation_seconds',
      help: 'Board store operations (saves, loads, session updates, Redis room writes), by operation',
      labelNames: ['operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    });
    this.storeErrors = new client.Counter({
      name: 'atelier_store_errors_total',
      help: 'Board store operations that failed, by operation',
      labelNames: ['operation'],
      registers,
    });
    this.refusals = new client.Counter({
      name: 'atelier_rate_limit_refusals_total',
      help: 'Requests and connections refused by a limit, by where they were refused',
      labelNames: ['limit'],
      registers,
    });
  }

  /** Times one store operation, counting it as an error if it rejects. */
  observeStore(operation: string, seconds: number, ok: boolean): void {
    this.storeSeconds.observe({ operation }, seconds);
    if (!ok) this.storeErrors.inc({ operation });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Which transport a room session came through: `/sync` sessions are named `ws:…` (websocket-sync.ts). */
export function transportOf(sessionId: string): Transport {
  return sessionId.startsWith('ws:') ? 'sync' : 'socket.io';
}

/**
 * The store with each asynchronous operation timed and its failures counted. A Proxy, so the
 * adapter's own fields and `instanceof` stay as they are.
 */
export function instrumentStore<S extends BoardStore>(store: S, metrics: Metrics): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor')
        return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        const started = performance.now();
        return result.then(
          (resolved: unknown) => {
            metrics.observeStore(property, (performance.now() - started) / 1000, true);
            return resolved;
          },
          (error: unknown) => {
            metrics.observeStore(property, (performance.now() - started) / 1000, false);
            throw error;
          },
        );
      };
    },
  });
}
