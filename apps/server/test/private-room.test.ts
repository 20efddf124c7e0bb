// Private writing, then reveal, on real servers with real clients and both stores (issue 14, item 2):
// during PGO's private reflection three people write notes; a fourth person and the facilitator record
// every frame they receive, on the Socket.IO tunnel and on tldraw's native /sync, and never see a
// note's text before "Révéler"; then every note appears on the board in one change. Notes survive a
// server restart. With two processes (Redis), help requests, the banner, reactions and a reveal reach
// people connected to the other process.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { noteMetaKey, richTextToPlainText, WriteRule } from '@atelier/board-schema';
import {
  RoomLimits,
  SocketEvent,
  type CreatedBoard,
  type Reaction,
  type SocketError,
} from '@atelier/protocol';
import { revealMetaKey } from '@atelier/templates';
import type { TLNoteShape } from '@tldraw/tlschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectNativeClient,
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  restartableServer,
  startRedis,
  tempDir,
  testClientKey,
  userIdFromClientKey,
  type RunningRedis,
  type RunningServer,
  type TestSessionClient,
  type TestSyncClient,
} from '@atelier/testkit';
import type { BoardClientSocket } from '@atelier/sync-transport';
import { clusterHarness } from './cluster-support';

const artifacts = path.resolve('test-results/private-room');

/** Every frame a connection receives, as text: Socket.IO's engine frames, or tldraw's sync messages. */
class FrameRecorder {
  readonly frames: string[] = [];
  bytes = 0;

  socketIo(socket: BoardClientSocket): void {
    const listen = () =>
      socket.io.engine.on('data', (data: unknown) => {
        const text = typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8');
        this.frames.push(text);
        this.bytes += text.length;
      });
    if (socket.io.engine) listen();
    socket.io.on('open', listen);
  }

  native(client: TestSyncClient): void {
    client.socket.onReceiveMessage((message) => {
      const text = JSON.stringify(message);
      this.frames.push(text);
      this.bytes += text.length;
    });
  }

  /** The frames that hold `text` (as JSON would escape it, or as is). */
  holding(text: string): string[] {
    const escaped = JSON.stringify(text).slice(1, -1);
    return this.frames.filter((frame) => frame.includes(text) || frame.includes(escaped));
  }
}

interface Observer {
  canvas: TestSyncClient & { io: BoardClientSocket };
  session: TestSessionClient;
  native: TestSyncClient;
  frames: FrameRecorder;
}

const secret = (who: string, n: number) => `SECRET ${who} idée ${n} ${randomBytes(6).toString('hex')}`;
const revealedNotes = (client: TestSyncClient, revealId?: string): TLNoteShape[] =>
  client
    .notes()
    .filter((note) => (revealId ? note.meta[revealMetaKey] === revealId : revealMetaKey in note.meta));

function connectObserver(url: string, board: CreatedBoard, name: string, facilitatorKey?: string): Observer {
  const clientKey = testClientKey();
  const common = { boardId: board.id, name, clientKey, ...(facilitatorKey ? { facilitatorKey } : {}) };
  const frames = new FrameRecorder();
  const canvas = connectSocketIoClient(url, common);
  frames.socketIo(canvas.io);
  const session = connectSessionClient(url, common);
  frames.socketIo(session.socket);
  const native = connectNativeClient(url, board.id);
  frames.native(native);
  return { canvas, session, native, frames };
}

const stores: Array<'sqlite' | 'redis'> = ['sqlite', 'redis'];

describe.each(stores)('a private step with three writers (%s store)', (storeKind) => {
  let redis: RunningRedis | undefined;
  let server: RunningServer;
  let restart: () => Promise<RunningServer>;
  const servers: RunningServer[] = [];
  let board: CreatedBoard;
  let facilitator: Observer;
  let fourth: Observer;
  const writers: Array<{ key: string; name: string; session: TestSessionClient }> = [];
  const open: Array<{ close(): void }> = [];
  const texts = new Map<string, string>();

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    if (storeKind === 'redis') redis = await startRedis();
    restart = restartableServer({ dataDir: tempDir(), ...(redis ? { redisUrl: redis.url } : {}) }, (s) =>
      servers.push(s),
    );
    server = await restart();
    board = await createBoard(server.url, { title: 'PGO privé', template: 'pgo' });
    facilitator = connectObserver(server.url, board, 'Marianne', board.facilitatorKey);
    fourth = connectObserver(server.url, board, 'Quatrième');
    open.push(facilitator.canvas, facilitator.session, facilitator.native);
    open.push(fourth.canvas, fourth.session, fourth.native);
    for (const name of ['Camille', 'Malik', 'Sophie']) {
      const key = testClientKey();
      const session = connectSessionClient(server.url, { boardId: board.id, name, clientKey: key });
      open.push(session);
      writers.push({ key, name, session });
    }
    await Promise.all([
      ...[facilitator, fourth].flatMap((o) => [o.canvas.loaded, o.session.connected(), o.native.loaded]),
      ...writers.map((w) => w.session.connected()),
    ]);
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.close();
    for (const s of servers) await s.stop();
    await redis?.stop();
  });

  it('S-PRIV-2, S-PRIV-5: notes written, edited and deleted reach their author only; the facilitator sees counts', async () => {
    expect(await facilitator.session.command({ type: 'step.goto', stepId: 'themes' })).toEqual({ ok: true });
    for (const [w, writer] of writers.entries()) {
      for (const n of [1, 2]) {
        const text = secret(writer.name, n);
        texts.set(`${w}-${n}`, text);
        expect(await writer.session.command({ type: 'private.write', id: `n${n}`, text })).toEqual({
          ok: true,
        });
      }
    }
    // Camille rewrites her first note, Malik takes his second back.
    const rewritten = secret('Camille', 1);
    expect(await writers[0]!.session.command({ type: 'private.edit', id: 'n1', text: rewritten })).toEqual({
      ok: true,
    });
    const deleted = texts.get('1-2')!;
    expect(await writers[1]!.session.command({ type: 'private.delete', id: 'n2' })).toEqual({ ok: true });
    const editedAway = texts.get('0-1')!;
    texts.set('0-1', rewritten);
    texts.delete('1-2');

    const mine = await writers[0]!.session.waitForState(
      (state) => state.privateNotes?.mine.some((note) => note.text === rewritten) ?? false,
    );
    expect(mine.privateNotes?.mine.map((note) => note.text)).toEqual([rewritten, texts.get('0-2')]);
    const userIds = writers.map((writer) => userIdFromClientKey(writer.key));
    const counted = await facilitator.session.waitForState(
      (state) => state.privateNotes?.counts?.[userIds[1]!] === 1,
      'the counts after the delete',
    );
    expect(counted.privateNotes?.counts).toEqual({ [userIds[0]!]: 2, [userIds[1]!]: 1, [userIds[2]!]: 2 });
    expect(counted.privateNotes?.mine).toEqual([]);

    // The server's answer that everything was broadcast: a note the facilitator puts on the board after
    // the private ones reaches both observers on both transports; every frame before it is recorded.
    const barrier = facilitator.canvas.addNote('Le mur commun', { x: 0, y: -400 });
    for (const observer of [facilitator, fourth]) {
      for (const client of [observer.canvas, observer.native]) {
        await client.waitFor(() => client.store.has(barrier), 10_000, 'the barrier note');
      }
    }
    await fourth.session.waitForState((state) => state.revision >= counted.revision, 'the last revision');
    for (const observer of [facilitator, fourth]) {
      expect(observer.frames.frames.length).toBeGreaterThan(10);
      for (const text of [...texts.values(), deleted, editedAway])
        expect(observer.frames.holding(text)).toEqual([]);
      expect(observer.frames.holding('SECRET')).toEqual([]);
    }
  });

  it('W-PRIVATE, S-PRIV-7: a participant’s note put on the shared board is refused on both transports, and said why', async () => {
    const errors: SocketError[] = [];
    fourth.canvas.io.on(SocketEvent.error, (error: SocketError) => errors.push(error));
    for (const client of [fourth.canvas, fourth.native]) {
      let id = '';
      const outcome = await client.push(() => {
        id = client.addNote(secret('Quatrième', 1), { x: 0, y: -200 });
      });
      expect(outcome).toBe('discard');
      expect(client.store.has(id as TLNoteShape['id'])).toBe(false);
    }
    await fourth.canvas.waitFor(() => errors.length > 0, 5000, 'the refusal');
    expect(errors[0]).toMatchObject({
      code: 'protected',
      rule: WriteRule.privateStep,
      event: SocketEvent.sync,
    });
    // Moving a note already on the board is still everyone's (W-FREE).
    const barrier = fourth.canvas
      .notes()
      .find((note) => richTextToPlainText(note.props.richText) === 'Le mur commun')!;
    expect(await fourth.canvas.push(() => fourth.canvas.store.put([{ ...barrier, x: barrier.x + 50 }]))).toBe(
      'commit',
    );
    for (const observer of [facilitator, fourth]) expect(observer.frames.holding('SECRET')).toEqual([]);
  });

  it('S-PRIV-4, T-REVEAL: "Révéler" puts every note on the board at once, anonymous by default', async () => {
    // Every change the fourth client's store goes through, as the count of revealed notes after it.
    const seen: number[] = [];
    const stop = fourth.canvas.store.listen(() => seen.push(revealedNotes(fourth.canvas).length), {
      source: 'remote',
      scope: 'document',
    });
    const started = performance.now();
    expect(await facilitator.session.command({ type: 'private.reveal' })).toEqual({ ok: true });
    await fourth.canvas.waitFor(
      () => revealedNotes(fourth.canvas).length === texts.size,
      10_000,
      'the reveal',
    );
    const latencyMs = performance.now() - started;
    await fourth.native.waitFor(() => revealedNotes(fourth.native).length === texts.size, 10_000, 'native');
    stop();
    // One change brought all of them: never a part of the notes.
    expect(seen.filter((count) => count > 0 && count < texts.size)).toEqual([]);
    const notes = revealedNotes(fourth.canvas);
    expect(notes.map((note) => richTextToPlainText(note.props.richText)).sort()).toEqual(
      [...texts.values()].sort(),
    );
    expect(notes.every((note) => !(noteMetaKey.author in note.meta))).toBe(true);
    // The recorders could see them all along: now they do.
    for (const text of texts.values()) expect(fourth.frames.holding(text).length).toBeGreaterThan(0);
    const state = await writers[0]!.session.waitForState((s) => s.privateNotes?.lastReveal !== undefined);
    expect(state.privateNotes).toMatchObject({
      mine: [],
      lastReveal: { stepId: 'themes', count: texts.size },
    });
    fs.writeFileSync(
      path.join(artifacts, `reveal-${storeKind}.json`),
      JSON.stringify(
        { notes: texts.size, latencyMs: Math.round(latencyMs), fourthBytes: fourth.frames.bytes },
        null,
        2,
      ),
    );
  });

  it('S-PRIV-2, R-WRITE-MOMENT: unrevealed notes survive a restart, and the first push after it finds the step private', async () => {
    const [camille] = writers;
    const kept = secret('Camille', 3);
    expect(await camille!.session.command({ type: 'private.write', id: 'n3', text: kept })).toEqual({
      ok: true,
    });
    await servers.at(-1)!.stop();
    server = await restart();
    // The first push after the restart is judged with the step private already (R-WRITE-MOMENT): a
    // native client, which brings no session state, opens the room and tries a note at once.
    const early = connectNativeClient(server.url, board.id);
    open.push(early);
    await early.loaded;
    expect(await early.push(() => early.addNote(secret('Tôt', 1), { x: 0, y: -300 }))).toBe('discard');
    // Her browser comes back with the same client key: her note is still hers, and only hers.
    const again = connectSessionClient(server.url, {
      boardId: board.id,
      name: 'Camille',
      clientKey: camille!.key,
    });
    const other = connectSessionClient(server.url, {
      boardId: board.id,
      name: 'Malik',
      clientKey: writers[1]!.key,
    });
    open.push(again, other);
    const state = await again.waitForState((s) => (s.privateNotes?.mine.length ?? 0) > 0, 'her note back');
    expect(state.privateNotes?.mine.map((note) => note.text)).toEqual([kept]);
    const his = await other.waitForState((s) => s.privateNotes !== undefined);
    expect(JSON.stringify(his)).not.toContain(kept);
  });
});

describe('help, banner, reactions and a reveal across two processes (Redis)', () => {
  const harness = clusterHarness();

  it('S-ROOM-1..3, S-ROOM-5: a participant on B is heard by the facilitator on A, and the other way round', async () => {
    const { a, b } = await harness.twoProcesses();
    const board = await createBoard(a.url, { title: 'Deux process', template: 'pgo' });
    const common = (name: string, extra: object = {}) => ({
      boardId: board.id,
      name,
      clientKey: testClientKey(),
      ...extra,
    });
    const facilitator = harness.track(
      connectSessionClient(a.url, common('Marianne', { facilitatorKey: board.facilitatorKey })),
    );
    const facilitatorCanvas = harness.track(
      connectSocketIoClient(a.url, common('Marianne', { facilitatorKey: board.facilitatorKey })),
    );
    const camilleKey = testClientKey();
    const camille = harness.track(
      connectSessionClient(b.url, { boardId: board.id, name: 'Camille', clientKey: camilleKey }),
    );
    const camilleCanvas = harness.track(
      connectSocketIoClient(b.url, { boardId: board.id, name: 'Camille', clientKey: camilleKey }),
    );
    await Promise.all([
      facilitator.connected(),
      camille.connected(),
      facilitatorCanvas.loaded,
      camilleCanvas.loaded,
    ]);

    // Help: raised on B, seen on A, cleared on A, gone on B.
    const raisedAt = performance.now();
    expect(await camille.command({ type: 'help.request' })).toEqual({ ok: true });
    const asked = await facilitator.waitForState(
      (s) => (s.helpRequests?.length ?? 0) === 1,
      'the help request',
    );
    const helpMs = performance.now() - raisedAt;
    expect(asked.helpRequests?.[0]?.userId).toBe(userIdFromClientKey(camilleKey));
    expect(await facilitator.command({ type: 'help.clear', id: asked.helpRequests![0]!.id })).toEqual({
      ok: true,
    });
    await camille.waitForState((s) => s.revision > asked.revision && !s.helpRequests, 'the request cleared');

    // The banner: set on A, shown on B, replaced, then taken down.
    const sentAt = performance.now();
    expect(await facilitator.command({ type: 'banner.set', text: 'Retour en plénière dans 2 min' })).toEqual({
      ok: true,
    });
    const shown = await camille.waitForState(
      (s) => s.banner?.text === 'Retour en plénière dans 2 min',
      'the banner',
    );
    const bannerMs = performance.now() - sentAt;
    expect(await facilitator.command({ type: 'banner.set', text: 'Pause de 10 min' })).toEqual({ ok: true });
    const replaced = await camille.waitForState(
      (s) => s.banner?.text === 'Pause de 10 min',
      'the new banner',
    );
    expect(replaced.banner!.seq).toBeGreaterThan(shown.banner!.seq);
    expect(await facilitator.command({ type: 'banner.clear' })).toEqual({ ok: true });
    await camille.waitForState((s) => s.revision > replaced.revision && s.banner === null, 'no banner');

    // Reactions: from B, to everyone on both processes (the sender too); never in the state or the board.
    const heard: Reaction[] = [];
    facilitator.socket.on(SocketEvent.reaction, (reaction) => heard.push(reaction));
    const echoed: Reaction[] = [];
    camille.socket.on(SocketEvent.reaction, (reaction) => echoed.push(reaction));
    const react = (socket: typeof camille.socket, body: unknown) =>
      new Promise<unknown>((resolve) => socket.emit(SocketEvent.reaction, body, resolve));
    // From Camille's canvas connection; her session connection keeps its budget for the burst below.
    expect(await react(camilleCanvas.io, { icon: 'idea', x: 120, y: 80 })).toEqual({ ok: true });
    await facilitatorCanvas.waitFor(() => heard.length === 1, 10_000, 'the reaction on A');
    await facilitatorCanvas.waitFor(() => echoed.length === 1, 10_000, 'the reaction back on B');
    expect(heard[0]).toEqual({ icon: 'idea', x: 120, y: 80, userId: userIdFromClientKey(camilleKey) });
    expect(await react(camilleCanvas.io, { icon: 'poop', x: 0, y: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    // S-ROOM-5: a burst past the window's budget: the first ones go, the rest are refused.
    const burst = await Promise.all(
      Array.from({ length: RoomLimits.reactionsPerWindow + 2 }, (_, i) =>
        react(camille.socket, { icon: 'heart', x: i, y: i }),
      ),
    );
    expect(burst.filter((answer) => (answer as { ok: boolean }).ok)).toHaveLength(
      RoomLimits.reactionsPerWindow,
    );
    expect(burst.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(JSON.stringify(facilitator.latest)).not.toContain('heart');

    // A reveal decided on A is written by the board's owner and reaches B's canvas: three people (on
    // both processes) with 15 notes each (under the 20 commands a second a connection may send), 45 notes
    // in one change.
    expect(await facilitator.command({ type: 'step.goto', stepId: 'themes' })).toEqual({ ok: true });
    const others = [
      harness.track(connectSessionClient(a.url, common('Malik'))),
      harness.track(connectSessionClient(b.url, common('Sophie'))),
    ];
    await Promise.all(others.map((client) => client.connected()));
    const perPerson = 15;
    for (const [w, writer] of [camille, ...others].entries()) {
      for (let n = 0; n < perPerson; n += 1) {
        const text = w === 0 && n === 0 ? 'Idée venue de B' : `Idée ${w}-${n}`;
        expect(await writer.command({ type: 'private.write', id: `n${n}`, text })).toEqual({ ok: true });
      }
    }
    const total = 3 * perPerson;
    let onBAt = 0;
    const revealStarted = performance.now();
    expect(await facilitator.command({ type: 'private.reveal', anonymous: false })).toEqual({ ok: true });
    await camilleCanvas.waitFor(
      () => {
        const done = revealedNotes(camilleCanvas).length === total;
        if (done && !onBAt) onBAt = performance.now();
        return done;
      },
      10_000,
      'the reveal on B',
    );
    const revealMs = onBAt - revealStarted;
    const note = revealedNotes(camilleCanvas).find((candidate) =>
      richTextToPlainText(candidate.props.richText).startsWith('Idée venue de B'),
    );
    expect(richTextToPlainText(note!.props.richText)).toBe('Idée venue de B\n— Camille');
    expect(note!.meta[noteMetaKey.author]).toBe(userIdFromClientKey(camilleKey));
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(
      path.join(artifacts, 'cross-process.json'),
      JSON.stringify(
        {
          helpMs: Math.round(helpMs),
          bannerMs: Math.round(bannerMs),
          revealNotes: total,
          revealMs: Math.round(revealMs),
        },
        null,
        2,
      ),
    );
  });
});
