// Chunk floods (issue 12, row 2): tldraw's room keeps every chunk of a message until its last one
// arrives, so a client sending `999999_…`, `999998_…` without end used to grow the server's memory
// without bound. Two processes over one Redis, the attacker on the process that does not own the
// board: each transport refuses past MAX_MESSAGE_BYTES of pending chunks, before anything is
// relayed, and bystanders on both processes carry on.
import { readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  connectNativeClient,
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  testClientKey,
  type RunningRedis,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

const MAX_MESSAGE_BYTES = 1024 * 1024;
const CHUNK_BYTES = 300 * 1024;
const CHUNKS_PER_ATTACKER = 60;
const ATTACKERS = 4;
const WAVES = 5;
const HEAP_MIB = 192;
/** One wave of attackers. */
const FLOOD_BYTES = ATTACKERS * CHUNKS_PER_ATTACKER * CHUNK_BYTES;

let redis: RunningRedis;
let owner: RunningServer;
let other: RunningServer;
const clients: Array<{ close(): void }> = [];

beforeAll(async () => {
  redis = await startRedis();
  // A heap smaller than what the flood sends: kept, the flood would end the process.
  const options = {
    redisUrl: redis.url,
    env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) },
    nodeArgs: ['--enable-source-maps', `--max-old-space-size=${HEAP_MIB}`],
  };
  [owner, other] = await Promise.all([startServer(options), startServer(options)]);
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all([owner?.stop(), other?.stop()]);
  await redis?.stop();
});

function track<T extends { close(): void }>(client: T): T {
  clients.push(client);
  return client;
}

/** Resident memory of a server process, in MiB. */
function rssMiB(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

function chunkFlood(): string[] {
  const body = 'x'.repeat(CHUNK_BYTES);
  return Array.from({ length: CHUNKS_PER_ATTACKER }, (_, i) => `${999_999 - i}_${body}`);
}

/** A board opened on `owner` (its room runs there) with a bystander on each process. */
async function boardWithBystanders(): Promise<{
  boardId: string;
  onOwner: TestSyncClient;
  onOther: TestSyncClient;
}> {
  const board = await createBoard(owner.url, { title: 'Inondation' });
  const onOwner = track(connectSocketIoClient(owner.url, { boardId: board.id, name: 'Awa' }));
  await onOwner.loaded;
  const onOther = track(connectSocketIoClient(other.url, { boardId: board.id, name: 'Bruno' }));
  await onOther.loaded;
  return { boardId: board.id, onOwner, onOther };
}

/** Both bystanders still edit together, a message in several chunks included. */
async function expectBystandersCarryOn(onOwner: TestSyncClient, onOther: TestSyncClient, tag: string) {
  // Long enough for tldraw's client to send it in chunks (it splits at 256 Ki characters).
  const long = `${tag} ${'long '.repeat(80_000)}`;
  onOther.addNote(long);
  onOwner.addNote(`${tag} court`);
  for (const client of [onOwner, onOther]) {
    await client.waitFor(
      () => client.hasNoteWithText(long) && client.hasNoteWithText(`${tag} court`),
      10_000,
      `both notes (${tag})`,
    );
  }
}

/** One attacker over Socket.IO: floods, and resolves with the error code it got before being cut. */
async function socketIoAttacker(boardId: string): Promise<string> {
  const socket: Socket = io(other.url, {
    auth: { boardId, name: 'Inondeur', clientKey: testClientKey() },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise((resolve) => socket.once('connect', () => resolve(null)));
  const refused = new Promise<{ code: string }>((resolve) => socket.once('atelier:error', resolve));
  const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
  for (const chunk of chunkFlood()) socket.emit('sync', chunk);
  const [error] = await Promise.all([refused, disconnected]);
  socket.close();
  return error.code;
}

/** One attacker on /sync: floods, and resolves with the close code and reason it got. */
async function webSocketAttacker(boardId: string): Promise<string> {
  const ws = new WebSocket(
    `${other.url.replace(/^http/, 'ws')}/sync/${boardId}?sessionId=flood-${testClientKey()}`,
    { headers: { Origin: other.url } },
  );
  await new Promise((resolve) => ws.once('open', resolve));
  const closed = new Promise<string>((resolve) =>
    ws.once('close', (code, reason) => resolve(`${code} ${reason.toString()}`)),
  );
  for (const chunk of chunkFlood()) ws.send(chunk);
  return closed;
}

/**
 * A first wave brings both processes to their working size (buffers, parsed frames awaiting the
 * garbage collector); more waves, sending more than the whole heap may hold, then show whether
 * memory keeps growing with what is sent.
 */
async function floodAndMeasure(label: string, attack: () => Promise<string>, expected: string) {
  const wave = async () => {
    const outcomes = await Promise.all(Array.from({ length: ATTACKERS }, attack));
    expect(outcomes).toEqual(Array(ATTACKERS).fill(expected));
  };
  await wave();
  const before = { owner: rssMiB(owner), other: rssMiB(other) };
  for (let i = 0; i < WAVES; i++) await wave();
  const after = { owner: rssMiB(owner), other: rssMiB(other) };
  const sentMiB = (WAVES * FLOOD_BYTES) / 2 ** 20;
  const line = (['owner', 'other'] as const)
    .map((name) => `${name} ${before[name].toFixed(0)} → ${after[name].toFixed(0)} MiB`)
    .join(', ');
  console.log(`[chunk flood, ${label}] ${sentMiB.toFixed(0)} MiB sent after a first wave; RSS ${line}`);
  // Kept, all of it would stay in memory (over 300 times the bound, more than the heap).
  expect(after.owner - before.owner).toBeLessThan(sentMiB / 4);
  expect(after.other - before.other).toBeLessThan(sentMiB / 4);
}

describe('a flood of in-order chunks from a client on the non-owner process', () => {
  it('over Socket.IO: message_too_large, disconnected, memory flat, bystanders carry on', async () => {
    const { boardId, onOwner, onOther } = await boardWithBystanders();
    await floodAndMeasure('Socket.IO', () => socketIoAttacker(boardId), 'message_too_large');
    await expectBystandersCarryOn(onOwner, onOther, 'après Socket.IO');
  });

  it('over /sync: closed with 1009 message_too_large, memory flat, bystanders carry on', async () => {
    const { boardId, onOwner, onOther } = await boardWithBystanders();
    const native = track(connectNativeClient(other.url, boardId));
    await native.loaded;
    await floodAndMeasure('/sync', () => webSocketAttacker(boardId), '1009 message_too_large');
    await expectBystandersCarryOn(onOwner, onOther, 'après /sync');
    await native.waitFor(() => native.hasNoteWithText('après /sync court'), 10_000, 'native bystander');
  });
});
