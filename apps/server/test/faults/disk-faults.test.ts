// The embedded store's disk fills up, or turns read-only, while a board is in use. The server says
// so clearly (503 on creation and on /readyz, a coded error to the writer whose change could not
// be saved, an error in its log), corrupts nothing, and carries on by itself once the disk is fixed.
//
// How the fault is made: a small tmpfs mounted as DATA_DIR (tests run as root, and root ignores
// file modes, so chmod cannot make a directory read-only for it). "Full" is a filler file taking
// every free byte; "read-only" is `mount -o remount,ro`. Where mounting is not permitted (an
// unprivileged container) the tests are skipped, and say so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SocketEvent, type SocketError } from '@atelier/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSocketIoClient, startServer, tempDir, type RunningServer } from '@atelier/testkit';
import { connectCuttableClient, sleep, until, type CuttableClient } from './support';

function tryMount(): string | null {
  const dir = tempDir('atelier-tmpfs-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
const cannotMount = tryMount();
if (cannotMount) console.log(`faults: disk faults skipped: cannot mount a tmpfs here (${cannotMount})`);

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function mountSmallDisk(): string {
  const dir = tempDir('atelier-small-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
  cleanups.push(() => execFileSync('umount', ['-l', dir]));
  return dir;
}

/** Takes every free byte of the filesystem; returns how to give them back. */
function fillDisk(dir: string): () => void {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  for (const size of [1 << 20, 1 << 16, 1 << 12, 1]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
  fs.closeSync(fd);
  return () => fs.rmSync(filler);
}

function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir]);
}

async function createBoardStatus(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Pendant la panne' }),
  });
  return { status: response.status, body: await response.json() };
}

async function healthStatus(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

interface Scene {
  server: RunningServer;
  dataDir: string;
  boardId: string;
  writer: CuttableClient;
  observer: CuttableClient;
  errors: SocketError[];
  written: string[];
}

async function scene(): Promise<Scene> {
  const dataDir = mountSmallDisk();
  const server = await startServer({ dataDir });
  cleanups.push(() => server.stop('SIGKILL'));
  const created = await createBoardStatus(server.url);
  expect(created.status).toBe(201);
  const boardId = (created.body as { id: string }).id;
  const writer = connectCuttableClient(server.url, { boardId, name: 'Writer' });
  const observer = connectCuttableClient(server.url, { boardId, name: 'Observer' });
  cleanups.push(
    () => writer.close(),
    () => observer.close(),
  );
  const errors: SocketError[] = [];
  writer.io.on(SocketEvent.error, (error: SocketError) => errors.push(error));
  await Promise.all([writer.loaded, observer.loaded]);
  const written: string[] = [];
  for (let i = 0; i < 5; i++) written.push(writer.addNote(`avant ${i}`, { x: i * 150, y: 0 }));
  await observer.waitFor(() => observer.notes().length === 5, 10_000, 'the first notes');
  return { server, dataDir, boardId, writer, observer, errors, written };
}

/** Writes notes until the server says it cannot save them; returns how many it had to try. */
async function writeUntilRefused(s: Scene): Promise<number> {
  for (let i = 0; i < 200; i++) {
    s.written.push(s.writer.addNote(`pendant ${i} ${'x'.repeat(2000)}`, { x: i * 10, y: 300 }));
    await sleep(50);
    if (s.errors.some((error) => error.code === 'store_unavailable')) return i + 1;
  }
  throw new Error('the server never refused a change');
}

async function expectRecoveredAndIntact(s: Scene): Promise<void> {
  await until(async () => (await healthStatus(s.server.url)) === 200, 10_000, '/readyz back to 200');
  // The writer kept its refused changes and sends them again on its own.
  await s.observer
    .waitFor(
      () => s.written.every((id) => s.observer.store.has(id as never)),
      20_000,
      'every note, the refused ones included, at the observer',
    )
    .catch((error: Error) => {
      throw new Error(`${error.message}\nserver output:\n${s.server.output().slice(-3000)}`);
    });
  expect((await createBoardStatus(s.server.url)).status).toBe(201);
  expect(await s.server.stop('SIGTERM')).toBe(0);

  const file = path.join(s.dataDir, 'boards', `${s.boardId}.sqlite`);
  const db = new DatabaseSync(file, { readOnly: true });
  expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
  db.close();
  const again = await startServer({ dataDir: s.dataDir });
  cleanups.push(() => again.stop('SIGKILL'));
  const reader = connectSocketIoClient(again.url, { boardId: s.boardId, name: 'Reader' });
  cleanups.push(() => reader.close());
  await reader.loaded;
  expect(new Set(reader.notes().map((note) => note.id))).toEqual(new Set(s.written));
}

describe.skipIf(cannotMount !== null)('embedded store on a failing disk', () => {
  it('disk full: 503 and a coded error, no corruption, recovery once space is freed', async () => {
    const s = await scene();
    const freeSpace = fillDisk(s.dataDir);
    const refusedCreation = await createBoardStatus(s.server.url);
    expect(refusedCreation.status).toBe(503);
    expect(refusedCreation.body).toMatchObject({ error: { code: 'store_unavailable' } });
    expect(await healthStatus(s.server.url)).toBe(503);
    const tries = await writeUntilRefused(s);
    const message = s.errors.find((error) => error.code === 'store_unavailable')?.message;
    expect(message).toMatch(/cannot be saved/);
    expect(s.server.output()).toMatch(/store unavailable|could not be saved/);

    freeSpace();
    await expectRecoveredAndIntact(s);
    console.log(`faults: disk full: refused after ${tries} note(s), 0 lost, integrity ok after recovery`);
  });

  it('read-only data directory: 503 and a coded error, no corruption, recovery once writable', async () => {
    const s = await scene();
    // A mount with files open for writing cannot be made read-only: the server is restarted on the
    // read-only volume (as after a mount gone wrong), on the same port so clients come back alone.
    expect(await s.server.stop('SIGTERM')).toBe(0);
    remount(s.dataDir, 'ro');
    let readOnly: RunningServer;
    try {
      readOnly = await startServer({ dataDir: s.dataDir, port: s.server.port });
      cleanups.push(() => readOnly.stop('SIGKILL'));
      s.server = readOnly;
      const refusedCreation = await createBoardStatus(readOnly.url);
      expect(refusedCreation.status).toBe(503);
      expect(refusedCreation.body).toMatchObject({ error: { code: 'store_unavailable' } });
      expect(await healthStatus(readOnly.url)).toBe(503);
      // Offline edits meanwhile; the writer is refused, with the reason.
      for (let i = 0; i < 3; i++)
        s.written.push(s.writer.addNote(`lecture seule ${i}`, { x: i * 150, y: 600 }));
      await until(
        () =>
          s.writer.refusals.includes('store_unavailable') ||
          s.errors.some((error) => error.code === 'store_unavailable'),
        10_000,
        'the writer told the store is unavailable',
      );
      expect(readOnly.output()).toMatch(/store unavailable|could not be saved/);
    } finally {
      remount(s.dataDir, 'rw');
    }
    await expectRecoveredAndIntact(s);
    console.log(
      'faults: read-only data dir: refused with store_unavailable, 0 lost, integrity ok after recovery',
    );
  });
});
