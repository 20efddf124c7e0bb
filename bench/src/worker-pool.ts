// Forks the worker processes that host the simulated participants and talks to them.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { WorkerEnvelope, WorkerReply, WorkerRequest } from './protocol';

const workerEntry = path.join(import.meta.dirname, 'worker.mjs');

class WorkerHandle {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  constructor(readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`worker ${child.pid}: ${reply.error}`));
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`worker exited with ${code}`));
      this.pending.clear();
    });
  }

  call<T>(request: WorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, request } satisfies WorkerEnvelope);
    });
  }
}

export class WorkerPool {
  private constructor(readonly workers: WorkerHandle[]) {}

  /** `profileDir`: each worker writes a CPU profile there when the pool stops. */
  static start(count: number, profileDir?: string): WorkerPool {
    const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const workers = Array.from(
      { length: count },
      () =>
        new WorkerHandle(
          fork(workerEntry, [], {
            execArgv,
            serialization: 'advanced',
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          }),
        ),
    );
    return new WorkerPool(workers);
  }

  get pids(): number[] {
    return this.workers.map((worker) => worker.child.pid ?? 0);
  }

  /** Same request to every worker. */
  all<T>(request: WorkerRequest): Promise<T[]> {
    return Promise.all(this.workers.map((worker) => worker.call<T>(request)));
  }

  /** A different request per worker (index-aligned). */
  each<T>(requests: (WorkerRequest | null)[]): Promise<(T | null)[]> {
    return Promise.all(
      this.workers.map((worker, i) => {
        const request = requests[i];
        return request ? worker.call<T>(request) : Promise.resolve(null);
      }),
    );
  }

  one<T>(request: WorkerRequest, index = 0): Promise<T> {
    return this.workers[index % this.workers.length]!.call<T>(request);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.child.exitCode !== null) return resolve();
            worker.child.once('exit', () => resolve());
            // A clean exit, so a worker started with --cpu-prof writes its profile.
            worker.child.send({ id: 0, request: { op: 'exit' } } satisfies WorkerEnvelope);
            setTimeout(() => worker.child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }
}
