// Exports are built in worker threads (piscina): a 20k-note report takes the better part of a second
// of CPU, which on the main thread would hold every board's sync traffic. The main thread hands the
// records over in slices, then copies the worker's output to the response as it comes, streaming
// uploaded assets into a `.tldr` one at a time instead of building the whole file in memory.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { MessageChannel } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Piscina } from 'piscina';
import type { ExportJob, ExportTask, OutputPart, RecordsMessage } from './export-job';

/** Where the output goes, and where the uploaded assets come from. */
export interface ExportSink {
  write(bytes: Uint8Array | string): Promise<void>;
  asset(assetId: string): Promise<{ contentType: string; bytes: Buffer } | null>;
}

export class ExportQueueFull extends Error {}

const RECORDS_PER_SLICE = 500;
/** A multiple of 3, so each slice's base64 joins the next without padding. */
const BASE64_SLICE_BYTES = 3 * 64 * 1024;

export interface ExportPoolOptions {
  /** The bundled worker (`dist/export-worker.js`). */
  filename: string;
  workers: number;
  /** Exports waiting for a worker; past it `run` throws `ExportQueueFull`. */
  queueSize: number;
}

export class ExportPool {
  private readonly pool: Piscina<ExportTask, void>;
  /** Exports running or waiting for a worker (the export queue of /metrics). */
  private running = 0;

  get inFlight(): number {
    return this.running;
  }

  constructor(private readonly options: ExportPoolOptions) {
    this.pool = new Piscina({
      filename: options.filename,
      minThreads: 0,
      maxThreads: options.workers,
      // Bounded by `run` itself (running + waiting); piscina's own queue never refuses first.
      maxQueue: options.workers + options.queueSize + 1,
      idleTimeout: 60_000,
    });
  }

  async run(job: ExportJob, records: readonly unknown[], sink: ExportSink): Promise<void> {
    if (this.running >= this.options.workers + this.options.queueSize) throw new ExportQueueFull();
    this.running += 1;
    try {
      await this.runTask(job, records, sink);
    } finally {
      this.running -= 1;
    }
  }

  private async runTask(job: ExportJob, records: readonly unknown[], sink: ExportSink): Promise<void> {
    const { port1, port2 } = new MessageChannel();
    const parts: OutputPart[] = [];
    let wake: (() => void) | null = null;
    port1.on('message', (part: OutputPart) => {
      parts.push(part);
      wake?.();
    });
    const next = async (): Promise<OutputPart> => {
      while (parts.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      return parts.shift()!;
    };
    const task = this.pool.run({ job, port: port2 }, { transferList: [port2] });
    try {
      const first = await Promise.race([next(), task.then(() => ({ error: 'the worker ended early' }))]);
      if (!('ready' in first)) throw new Error('error' in first ? first.error : 'unexpected export message');
      // Slices, each posted in its own turn: other requests and sync messages run in between.
      for (let start = 0; start < records.length; start += RECORDS_PER_SLICE) {
        port1.postMessage({
          records: records.slice(start, start + RECORDS_PER_SLICE),
        } satisfies RecordsMessage);
        await nextTurn();
      }
      port1.postMessage({ end: true } satisfies RecordsMessage);
      for (;;) {
        const part = await next();
        if ('done' in part) break;
        if ('error' in part) throw new Error(part.error);
        if ('text' in part) await sink.write(part.text);
        else if ('asset' in part) await streamAsset(sink, part.asset, part.fallback);
      }
      await task;
    } finally {
      port1.close();
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** An uploaded asset as a data URL, written in slices: never the whole file as one base64 string. */
async function streamAsset(sink: ExportSink, assetId: string, fallback: string): Promise<void> {
  const asset = await sink.asset(assetId);
  if (!asset) return sink.write(fallback);
  await sink.write(`data:${JSON.stringify(asset.contentType).slice(1, -1)};base64,`);
  for (let start = 0; start < asset.bytes.length; start += BASE64_SLICE_BYTES) {
    await sink.write(asset.bytes.subarray(start, start + BASE64_SLICE_BYTES).toString('base64'));
  }
}

/** A sink writing to an HTTP response, waiting for it to drain when the client reads slowly. */
export function responseSink(response: ServerResponse, asset: ExportSink['asset']): ExportSink {
  return {
    asset,
    async write(bytes) {
      if (response.destroyed) throw new Error('the client went away');
      if (response.write(bytes)) return;
      await Promise.race([once(response, 'drain'), once(response, 'close')]);
    },
  };
}
