// Boards without activity for BOARD_RETENTION_DAYS are deleted with everything of it (P-RET-1), on
// each store, with the clock injected: the sweep, the board service and the store run for real in
// this process, the days pass on the injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { SocketError } from '@atelier/protocol';
import { startRedis, tempDir, type RunningRedis } from '@atelier/testkit';
import { AccountBoards } from '../src/auth/account-boards';
import { BoardDeletion } from '../src/boards/board-deletion';
import { BoardService } from '../src/boards/board-service';
import { RetentionSweep } from '../src/boards/retention-sweep';
import { RoomRegistry } from '../src/rooms/room-registry';
import type { BoardStore } from '../src/store/board-store';
import { RedisBoardStore } from '../src/store/redis-board-store';
import { SqliteBoardStore } from '../src/store/sqlite-board-store';
import { redisLeftovers, sqliteLeftovers } from './store-leftovers';

const logger = pino({ level: 'silent' });
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-05T09:00:00Z');

/** The registry records activity without waiting: look until it has. */
async function until(predicate: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await predicate()); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const stores: { name: string; open(): { store: BoardStore; leftovers(id: string): Promise<string[]> } }[] = [
  {
    name: 'sqlite',
    open: () => {
      const dataDir = tempDir();
      return { store: new SqliteBoardStore(dataDir), leftovers: async (id) => sqliteLeftovers(dataDir, id) };
    },
  },
  {
    name: 'redis',
    open: () => {
      const keyPrefix = `retention${Math.random().toString(36).slice(2)}:`;
      return {
        store: new RedisBoardStore({ url: redis.url, keyPrefix, saveDelayMs: 20, logger }),
        leftovers: (id) => redisLeftovers(redis.url, keyPrefix, id),
      };
    },
  },
];

describe.each(stores)('retention on the $name store (P-RET-1)', ({ open }) => {
  it('deletes the boards idle past BOARD_RETENTION_DAYS, keeps the others, and an open one is active', async () => {
    const { store, leftovers } = open();
    let now = T0;
    const clock = () => now;
    const boards = new BoardService(store, Infinity, clock);
    const rooms = new RoomRegistry(store, logger, { idleCloseMs: 60_000, now: clock });
    const told: { boardId: string; error: SocketError }[] = [];
    const deletion = new BoardDeletion({
      store,
      rooms,
      people: { endBoard: (boardId, error) => told.push({ boardId, error }) },
      logger,
    });
    const sweep = new RetentionSweep({
      store,
      deletion,
      isOpenHere: (boardId) => rooms.isOpen(boardId),
      retentionDays: 180,
      logger,
      now: clock,
    });
    const accountBoards = new AccountBoards(store, 180);
    try {
      const idle = await boards.create({ title: 'Oublié' }, 'http://atelier.test');
      const live = await boards.create({ title: 'Ouvert' }, 'http://atelier.test');
      // Someone opens `live` the next day and stays on it: its room is open here from then on.
      now = T0 + DAY;
      const room = await rooms.connect(live.id, {
        sessionId: 'session-1',
        isReadonly: false,
        meta: { userId: 'u1', name: 'Camille', role: 'participant' },
        socket: { send: () => {}, close: () => {}, readyState: 1 },
      });
      await until(async () => (await store.lastActivity(live.id)) === T0 + DAY);
      now = T0 + 100 * DAY;
      const recent = await boards.create({ title: 'Récent' }, 'http://atelier.test');
      // Shown to the facilitator: 180 days after the last activity (P-RET-2 warns two weeks before).
      expect(await accountBoards.retention(idle.id)).toEqual({
        lastActivityAt: T0,
        deletesAt: T0 + 180 * DAY,
      });

      // The last day: nothing goes.
      now = T0 + 180 * DAY - 1;
      expect(await sweep.sweep()).toBe(0);

      // Past it: the idle board goes with everything of it; the open one is active, its clock moved on.
      now = T0 + 182 * DAY;
      expect(await sweep.sweep()).toBe(1);
      expect(await store.getBoard(idle.id)).toBeNull();
      expect(await leftovers(idle.id)).toEqual([]);
      expect(told).toEqual([
        { boardId: idle.id, error: expect.objectContaining({ code: 'board_not_found' }) },
      ]);
      expect(await store.lastActivity(live.id)).toBe(T0 + 182 * DAY);
      expect(await store.getBoard(recent.id)).not.toBeNull();

      // Left on day 200: the live board goes 180 days after that; the recent one, 180 after its creation.
      now = T0 + 200 * DAY;
      room.handleSocketClose('session-1');
      await rooms.closeRoom(live.id, { force: true });
      expect(await store.lastActivity(live.id)).toBe(T0 + 200 * DAY);
      now = T0 + 281 * DAY;
      expect(await sweep.sweep()).toBe(1);
      expect(await store.getBoard(recent.id)).toBeNull();
      expect(await store.getBoard(live.id)).not.toBeNull();
      now = T0 + 380 * DAY + 1;
      expect(await sweep.sweep()).toBe(1);
      expect(await store.getBoard(live.id)).toBeNull();
      expect(await leftovers(live.id)).toEqual([]);
    } finally {
      await rooms.closeAll().catch(() => {});
      await store.close();
    }
  });

  it('keeps every board forever with BOARD_RETENTION_DAYS=0', async () => {
    const { store } = open();
    const boards = new BoardService(store, Infinity, () => T0);
    const board = await boards.create({ title: 'Pour toujours' }, 'http://atelier.test');
    const sweep = new RetentionSweep({
      store,
      deletion: new BoardDeletion({
        store,
        rooms: new RoomRegistry(store, logger, { idleCloseMs: 0 }),
        people: { endBoard: () => {} },
        logger,
      }),
      isOpenHere: () => false,
      retentionDays: 0,
      logger,
      now: () => T0 + 10_000 * DAY,
    });
    expect(await sweep.sweep()).toBe(0);
    expect(await store.getBoard(board.id)).not.toBeNull();
    expect(await new AccountBoards(store, 0).retention(board.id)).toEqual({
      lastActivityAt: T0,
      deletesAt: null,
    });
    await store.close();
  });
});
