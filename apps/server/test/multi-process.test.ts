// Two server processes sharing one Redis: a board's room runs in exactly one of them (its lease
// holder); clients connected to the other are served through it, and a dead holder is replaced.
import { readZone, WriteRule } from '@atelier/board-schema';
import { ErrorCode, SocketEvent, type SocketError } from '@atelier/protocol';
import type { TLFrameShape, TLRecord } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import {
  connectNativeClient,
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  type TestSyncClient,
} from '@atelier/testkit';
import { clusterHarness, ownerOf } from './cluster-support';
import { connectCuttableClient, until } from './faults/support';

describe('several server processes on one Redis', () => {
  const { twoProcesses, track } = clusterHarness();

  it('R-RELAY-5: clients on different processes edit one board and see each other', async () => {
    const { redis, a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Deux processus' });
    const onA = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await onA.loaded;
    const onB = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }));
    const nativeOnB = track(connectNativeClient(b.url, board.id));
    await Promise.all([onB.loaded, nativeOnB.loaded]);
    // One lease, one room: the process that opened the board first holds it.
    expect(await ownerOf(redis, board.id)).toBeTruthy();

    onA.addNote('écrit sur A');
    onB.addNote('écrit sur B');
    nativeOnB.addNote('écrit en natif sur B');
    for (const client of [onA, onB, nativeOnB]) {
      await client.waitFor(
        () =>
          client.hasNoteWithText('écrit sur A') &&
          client.hasNoteWithText('écrit sur B') &&
          client.hasNoteWithText('écrit en natif sur B'),
        10_000,
        'every note on every process',
      );
    }
  });

  it("a facilitator's command on one process reaches participants on the other", async () => {
    const { a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Animation' });
    const facilitator = track(
      connectSessionClient(a.url, { boardId: board.id, name: 'Fanny', facilitatorKey: board.facilitatorKey }),
    );
    const participant = track(connectSessionClient(b.url, { boardId: board.id, name: 'Paul' }));
    await Promise.all([facilitator.connected(), participant.connected()]);
    await participant.waitForState(() => true, 'an initial state');
    expect(await facilitator.command({ type: 'timer.start' })).toEqual({ ok: true });
    const seen = await participant.waitForState(
      (state) => state.timer.status === 'running',
      'a running timer',
    );
    expect(seen.timer.status).toBe('running');
  });

  it('R-LEASE-3: when the holding process is killed, the board goes on in the other with everything saved', async () => {
    const { redis, a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Reprise' });
    const first = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await first.loaded;
    const owner = await ownerOf(redis, board.id);
    const survivor: TestSyncClient = track(
      connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }),
    );
    await survivor.loaded;
    first.addNote('avant la panne (A)');
    survivor.addNote('avant la panne (B)');
    await survivor.waitFor(
      () => survivor.hasNoteWithText('avant la panne (A)') && survivor.hasNoteWithText('avant la panne (B)'),
      10_000,
      'both notes',
    );
    // Saved: the Redis store writes within its debounce (250 ms).
    await new Promise((resolve) => setTimeout(resolve, 1000));

    await a.stop('SIGKILL');
    // B sees A gone (or its lease expire) and reloads the saved board; the client resyncs alone.
    const deadline = Date.now() + 20_000;
    let holder = owner;
    while (holder === owner || holder === null) {
      if (Date.now() > deadline) throw new Error('no process took the board over');
      await new Promise((resolve) => setTimeout(resolve, 200));
      holder = await ownerOf(redis, board.id);
    }
    survivor.addNote('après la panne');
    const late = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Chloé' }));
    await late.loaded;
    await late.waitFor(
      () =>
        late.hasNoteWithText('avant la panne (A)') &&
        late.hasNoteWithText('avant la panne (B)') &&
        late.hasNoteWithText('après la panne'),
      15_000,
      'the notes from before and after the crash',
    );
  }, 60_000);

  it('R-NOTICE-1: a limit_exceeded raised by the owner reaches a writer connected to the other process', async () => {
    const { a, b } = await twoProcesses({ MAX_SHAPES_PER_BOARD: '30' });
    const board = await createBoard(a.url, { title: 'Limite relayée' });
    // A opens the board: its room enforces the limit, B only relays.
    const owner = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await owner.loaded;
    const writer = track(connectCuttableClient(b.url, { boardId: board.id, name: 'Bruno' }));
    const errors: SocketError[] = [];
    writer.io.on(SocketEvent.error, (error: SocketError) => errors.push(error));
    await writer.loaded;
    const shapes = (client: TestSyncClient) =>
      client.store.allRecords().filter((record) => record.typeName === 'shape').length;
    const room = 30 - shapes(writer);
    expect(room).toBeGreaterThan(0);
    for (let i = 0; i < room + 5; i++) writer.addNote(`n${i}`, { x: i * 20, y: 0 });
    await until(() => errors.some((error) => error.code === 'limit_exceeded'), 10_000, 'limit_exceeded on B');
    expect(errors.find((error) => error.code === 'limit_exceeded')).toMatchObject({
      message: expect.stringMatching(/30 shapes/) as unknown,
      event: SocketEvent.sync,
    });
    await owner.waitFor(() => shapes(owner) === 30, 10_000, '30 shapes at the owner');
    await writer.waitFor(() => shapes(writer) === 30, 10_000, "the writer's canvas corrected");
  });

  it('R-WRITE-RULES R-NOTICE-1: the owner judges relayed writes by the role decided where they connected, and tells a relayed participant why', async () => {
    const { a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Échafaudage relayé', template: 'pgo' });
    // A opens the board: its room judges every write, B only relays.
    const opener = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await opener.loaded;
    const participant = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }));
    const facilitator = track(
      connectSocketIoClient(b.url, {
        boardId: board.id,
        name: 'Fanny',
        facilitatorKey: board.facilitatorKey,
      }),
    );
    const errors: SocketError[] = [];
    participant.io.on(SocketEvent.error, (error: SocketError) => errors.push(error));
    await Promise.all([participant.loaded, facilitator.loaded]);
    const isIntro = (record: TLRecord): record is TLFrameShape =>
      record.typeName === 'shape' && record.type === 'frame' && readZone(record)?.stepId === 'intro';
    const intro = participant.store.allRecords().find(isIntro)!;

    const moved = { ...intro, x: intro.x + 200 };
    expect(await participant.push(() => participant.store.put([moved]))).toBe('discard');
    await until(() => errors.some((error) => error.code === ErrorCode.protected), 10_000, 'protected on B');
    expect(errors.find((error) => error.code === ErrorCode.protected)).toMatchObject({
      event: SocketEvent.sync,
      rule: WriteRule.scaffolding,
    });
    expect(participant.store.get(intro.id)).toEqual(intro);

    expect(await facilitator.push(() => facilitator.store.put([moved]))).toBe('commit');
    await opener.waitFor(() => opener.store.get(intro.id)?.x === moved.x, 10_000, 'the move at the owner');
  });
});
