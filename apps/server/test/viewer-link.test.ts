// Read-only as a capability (issue 12, row 3): a board's read-only link carries its own secret, from
// which neither the board's id nor its participant link follows; a viewer cannot write on either
// transport (pushes, commands, uploads), whatever its client claims.
import { SocketEvent, type SocketError, type ViewerBoard, type Welcome } from '@atelier/protocol';
import { AssetRecordType, type TLNoteShape, type TLRecord } from '@tldraw/tlschema';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectNativeClient,
  connectSocketIoClient,
  createBoard,
  socketIoAuth,
  startServer,
  testClientKey,
  uploadAsset,
  viewerKeyOf,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

let server: RunningServer;
const open: Array<{ close(): void }> = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const client of open.splice(0)) client.close();
  await server?.stop();
});

function track<T extends { close(): void }>(client: T): T {
  open.push(client);
  return client;
}

function connect(auth: unknown): Socket {
  return track(
    io(server.url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false }),
  );
}

function handshake(socket: Socket): Promise<{ connected: true } | { connected: false; code?: string }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error: Error & { data?: SocketError }) =>
      resolve({ connected: false, ...(error.data ? { code: error.data.code } : {}) }),
    );
  });
}

/** A board with a note and an uploaded image, written by a participant who stays on it. */
async function boardWithContent() {
  const board = await createBoard(server.url, { title: 'Projection' });
  const clientKey = testClientKey();
  const writer = track(connectSocketIoClient(server.url, { boardId: board.id, name: 'Awa', clientKey }));
  await writer.loaded;
  const noteId = writer.addNote('original');
  const upload = await uploadAsset(server.url, board.id, 'photo.png', {
    bytes: Buffer.from('png'),
    clientKey,
  });
  expect(upload.status).toBe(201);
  const { url } = (await upload.json()) as { url: string };
  writer.store.put([
    AssetRecordType.create({
      id: AssetRecordType.createId('photo'),
      type: 'image',
      props: { w: 10, h: 10, name: 'photo.png', isAnimated: false, mimeType: 'image/png', src: url },
    }) as TLRecord,
  ]);
  // Read back by another participant: everything above is on the board.
  const reader = track(connectSocketIoClient(server.url, { boardId: board.id, name: 'Lecteur' }));
  await reader.loaded;
  await reader.waitFor(() => reader.store.has(noteId) && reader.store.has(AssetRecordType.createId('photo')));
  reader.close();
  return { board, writer, noteId, viewerKey: viewerKeyOf(board) };
}

/** Another participant's view of the board: the viewer's attempts must have changed nothing. */
async function expectUnchanged(boardId: string, noteId: string): Promise<void> {
  const reader = track(connectSocketIoClient(server.url, { boardId, name: 'Contrôle' }));
  await reader.loaded;
  expect(reader.notes().map((note) => note.id)).toEqual([noteId]);
  expect((reader.store.get(noteId as TLNoteShape['id']) as TLNoteShape).x).toBe(100);
  reader.close();
}

/**
 * The viewer follows the writer's changes live, its own are undone by the server, and the board
 * (as another participant reads it) holds only the writer's note.
 */
async function expectLiveAndReadOnly(
  viewer: TestSyncClient,
  writer: TestSyncClient,
  boardId: string,
  noteId: string,
): Promise<void> {
  const later = writer.addNote('plus tard', { x: 500, y: 500 });
  await viewer.waitFor(() => viewer.store.has(later), 5000, 'the writer’s new note at the viewer');
  await tryToEdit(viewer, noteId);
  writer.store.remove([later]);
  await viewer.waitFor(() => !viewer.store.has(later), 5000, 'the removal at the viewer');
  await expectUnchanged(boardId, noteId);
}

/** Adds, moves and deletes through the viewer's store; resolves once the server corrected it. */
async function tryToEdit(viewer: TestSyncClient, noteId: string): Promise<void> {
  const forged = viewer.addNote('ajout en lecture seule');
  const note = viewer.store.get(noteId as TLNoteShape['id']) as TLNoteShape;
  viewer.store.put([{ ...note, x: 4242 }]);
  viewer.store.remove([noteId as TLNoteShape['id']]);
  // The room answers a viewer's push by discarding it: its own canvas comes back to the board.
  await viewer.waitFor(
    () =>
      !viewer.store.has(forged) &&
      (viewer.store.get(noteId as TLNoteShape['id']) as TLNoteShape | undefined)?.x === 100,
    5000,
    'the viewer corrected by the server',
  );
}

describe('the read-only link', () => {
  it('names neither the board nor its other links, and opens the board as a viewer', async () => {
    const board = await createBoard(server.url, { title: 'Lien' });
    expect(board.viewerUrl).toMatch(/\/v\/[A-Za-z0-9_-]{32}$/);
    for (const secret of [board.id, board.facilitatorKey]) expect(board.viewerUrl).not.toContain(secret);
    const viewerKey = viewerKeyOf(board);
    const response = await fetch(`${server.url}/api/view/${viewerKey}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(board.id);
    expect(JSON.parse(text) as ViewerBoard).toEqual({
      title: 'Lien',
      template: 'blank',
      createdAt: board.createdAt,
    });
    // Nor is the key the board: it opens no board as an id, and an unknown key opens nothing.
    expect((await fetch(`${server.url}/api/boards/${viewerKey}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/view/${'x'.repeat(32)}`)).status).toBe(404);
  });

  it('over Socket.IO: live, read-only, and nothing it receives names the board', async () => {
    const { board, writer, noteId, viewerKey } = await boardWithContent();
    const heard: string[] = [];
    const socket = connect(socketIoAuth({ viewerKey, name: 'Projecteur' }));
    socket.onAny((event: string, ...args: unknown[]) => heard.push(`${event} ${JSON.stringify(args)}`));
    const welcome = new Promise<Welcome>((resolve) => socket.once(SocketEvent.welcome, resolve));
    expect(await handshake(socket)).toEqual({ connected: true });
    expect(await welcome).toMatchObject({ role: 'viewer' });
    expect((await welcome).boardId).toBeUndefined();
    const refused = (await socket
      .timeout(5000)
      .emitWithAck(SocketEvent.sessionCommand, { type: 'profile.set', name: 'X' })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const viewer = track(connectSocketIoClient(server.url, { viewerKey, name: 'Écran' }));
    await viewer.loaded;
    expect(viewer.hasNoteWithText('original')).toBe(true);
    await expectLiveAndReadOnly(viewer, writer, board.id, noteId);

    // The image is named through the viewer's link, which serves it.
    const image = viewer.store.get(AssetRecordType.createId('photo'));
    const src = image?.typeName === 'asset' && image.type === 'image' ? image.props.src : null;
    expect(src).toBe(`/api/view/${viewerKey}/assets/photo.png`);
    const served = await fetch(`${server.url}${src}`);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('png');
    heard.push(JSON.stringify(viewer.store.allRecords()));
    expect(heard.join('\n')).not.toContain(board.id);
    viewer.close();
  });

  it('over /sync (a stock tldraw client): live, read-only, nothing names the board', async () => {
    const { board, writer, noteId, viewerKey } = await boardWithContent();
    const viewer = track(connectNativeClient(server.url, { viewerKey }));
    await viewer.loaded;
    await expectLiveAndReadOnly(viewer, writer, board.id, noteId);
    expect(JSON.stringify(viewer.store.allRecords())).not.toContain(board.id);
    // The key is no board id: `/sync/<key>` opens nothing.
    const wrongPath = connectNativeClient(server.url, viewerKey);
    await expect(wrongPath.loaded).rejects.toThrow(/NOT_FOUND/);
    wrongPath.close();
  });

  it('is no flag a client sets: a socket claiming to be a viewer with a board id is a participant', async () => {
    const board = await createBoard(server.url);
    const socket = connect({ ...socketIoAuth({ boardId: board.id }), viewer: true });
    const welcome = new Promise<Welcome>((resolve) => socket.once(SocketEvent.welcome, resolve));
    expect(await handshake(socket)).toEqual({ connected: true });
    expect((await welcome).role).toBe('participant');
  });

  it('is replaced by its facilitator alone, and the old one stops working', async () => {
    const board = await createBoard(server.url);
    const oldKey = viewerKeyOf(board);
    const url = `${server.url}/api/boards/${board.id}/viewer-link`;
    expect((await fetch(url, { method: 'POST' })).status).toBe(401);
    const wrong = await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer not-the-key' } });
    expect(wrong.status).toBe(403);
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.facilitatorKey}` },
    });
    expect(response.status).toBe(201);
    const { viewerUrl } = (await response.json()) as { viewerUrl: string };
    const newKey = viewerUrl.slice(viewerUrl.lastIndexOf('/') + 1);
    expect(newKey).not.toBe(oldKey);
    expect((await fetch(`${server.url}/api/view/${oldKey}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/view/${newKey}`)).status).toBe(200);
    expect(await handshake(connect(socketIoAuth({ viewerKey: oldKey })))).toEqual({
      connected: false,
      code: 'board_not_found',
    });
    expect(await handshake(connect(socketIoAuth({ viewerKey: newKey })))).toEqual({ connected: true });
  });
});
