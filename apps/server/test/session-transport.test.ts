// The Socket.IO session transport across two Socket.IO servers linked by the Redis adapter over a
// real redis-server, as two server processes are: a person, a connection, a board's audience and
// the state announcements reach the other server (rooms/SPEC.md R-NOTICE-1).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SocketEvent, type SessionState, type SocketError } from '@atelier/protocol';
import { createSession } from '@atelier/session';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RunningRedis } from '@atelier/testkit';
import { SocketIoSessionTransport } from '../src/session/socketio-session-transport';
import type { BoardServer } from '../src/socket-types';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Socket.IO server on the Redis adapter whose connections say who they are in their auth. */
async function startSocketServer(): Promise<{ url: string; transport: SocketIoSessionTransport }> {
  const httpServer = http.createServer();
  const io: BoardServer = new Server(httpServer, { transports: ['websocket'] });
  const publisher = new Redis(redis.url);
  const subscriber = new Redis(redis.url);
  io.adapter(createAdapter(publisher, subscriber));
  const transport = new SocketIoSessionTransport(io, true);
  io.use((socket, next) => {
    const { boardId, userId } = socket.handshake.auth as { boardId: string; userId: string };
    socket.data = { boardId, userId, name: userId, role: 'participant' };
    transport.join(socket);
    next();
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
    publisher.disconnect();
    subscriber.disconnect();
  });
  return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, transport };
}

async function client(url: string, boardId: string, userId: string): Promise<Socket> {
  const socket = connect(url, { auth: { boardId, userId }, transports: ['websocket'], reconnection: false });
  cleanups.push(() => socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

function received(socket: Socket): SocketError[] {
  const errors: SocketError[] = [];
  socket.on(SocketEvent.error, (error: SocketError) => errors.push(error));
  return errors;
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const notice = (message: string): SocketError => ({ code: 'limit_exceeded', message });

describe('Socket.IO session transport across two servers', () => {
  it('R-NOTICE-1: a notice to one connection reaches it on the other server, and only it', async () => {
    const [one, two] = await Promise.all([startSocketServer(), startSocketServer()]);
    const target = await client(two.url, 'board-1', 'ana');
    const sameBoard = await client(two.url, 'board-1', 'ben');
    const [toTarget, toOther] = [received(target), received(sameBoard)];
    one.transport.sendToSession(target.id as string, SocketEvent.error, notice('pour Ana seule'));
    await until(() => toTarget.length === 1, 'the notice');
    expect(toTarget).toEqual([notice('pour Ana seule')]);
    // A later notice to the other one, in order, proves the first was never sent to it.
    one.transport.sendToSession(sameBoard.id as string, SocketEvent.error, notice('pour Ben'));
    await until(() => toOther.length === 1, 'the second notice');
    expect(toOther).toEqual([notice('pour Ben')]);
  });

  it('a person is reached on every connection on every server, nobody else', async () => {
    const [one, two] = await Promise.all([startSocketServer(), startSocketServer()]);
    const tabs = [await client(one.url, 'board-1', 'ana'), await client(two.url, 'board-1', 'ana')];
    const elsewhere = await client(two.url, 'board-2', 'ana');
    const someoneElse = await client(two.url, 'board-1', 'ben');
    const [tab1, tab2, otherBoard, other] = [...tabs, elsewhere, someoneElse].map(received);
    one.transport.sendToPerson('board-1', 'ana', SocketEvent.error, notice('à Ana sur ce tableau'));
    await until(() => tab1?.length === 1 && tab2?.length === 1, 'both tabs');
    one.transport.sendToSession(someoneElse.id as string, SocketEvent.error, notice('barrière'));
    one.transport.sendToSession(elsewhere.id as string, SocketEvent.error, notice('barrière'));
    await until(() => other?.length === 1 && otherBoard?.length === 1, 'the barriers');
    expect(other).toEqual([notice('barrière')]);
    expect(otherBoard).toEqual([notice('barrière')]);
  });

  it('who is connected counts every server; announcements reach the other server', async () => {
    const [one, two] = await Promise.all([startSocketServer(), startSocketServer()]);
    await client(one.url, 'board-1', 'ana');
    await client(two.url, 'board-1', 'ben');
    await client(two.url, 'board-2', 'chloe');
    const people = await one.transport.connectedPeople('board-1');
    expect(people.map((person) => person.userId).sort()).toEqual(['ana', 'ben']);
    const announced: Array<[string, SessionState]> = [];
    two.transport.onAnnouncedState((boardId, state) => announced.push([boardId, state]));
    const state = createSession({ steps: [], now: 42 });
    one.transport.announceState('board-1', state);
    await until(() => announced.length === 1, 'the announcement');
    expect(announced).toEqual([['board-1', state]]);
  });
});
