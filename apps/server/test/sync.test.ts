// The foundation: tldraw clients share a board live over Socket.IO and over the native endpoint.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connectNativeClient,
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  type RunningRedis,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

const stores = ['sqlite', 'redis'] as const;

describe.each(stores)('document sync (%s store)', (storeKind) => {
  let redis: RunningRedis | undefined;
  let server: RunningServer;
  const clients: TestSyncClient[] = [];

  beforeAll(async () => {
    if (storeKind === 'redis') redis = await startRedis();
    server = await startServer(redis ? { redisUrl: redis.url } : {});
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  const track = (client: TestSyncClient) => {
    clients.push(client);
    return client;
  };

  it('two Socket.IO clients see each other’s notes', async () => {
    const board = await createBoard(server.url);
    const alice = track(connectSocketIoClient(server.url, { boardId: board.id, name: 'Alice' }));
    const bob = track(connectSocketIoClient(server.url, { boardId: board.id, name: 'Bob' }));
    await Promise.all([alice.loaded, bob.loaded]);

    alice.addNote('Idée d’Alice');
    await bob.waitFor(() => bob.hasNoteWithText('Idée d’Alice'), 5000, 'Alice’s note at Bob');
    bob.addNote('Réponse de Bob');
    await alice.waitFor(() => alice.hasNoteWithText('Réponse de Bob'), 5000, 'Bob’s note at Alice');
    expect(alice.notes()).toHaveLength(2);
    expect(bob.notes()).toHaveLength(2);
  });

  it('a Socket.IO client and a native WebSocket client share one board', async () => {
    const board = await createBoard(server.url);
    const viaSocketIo = track(connectSocketIoClient(server.url, { boardId: board.id }));
    const viaWebSocket = track(connectNativeClient(server.url, board.id));
    await Promise.all([viaSocketIo.loaded, viaWebSocket.loaded]);

    viaWebSocket.addNote('depuis tldraw natif');
    await viaSocketIo.waitFor(() => viaSocketIo.hasNoteWithText('depuis tldraw natif'));
    viaSocketIo.addNote('depuis Socket.IO');
    await viaWebSocket.waitFor(() => viaWebSocket.hasNoteWithText('depuis Socket.IO'));
  });

  it('a late joiner receives everything written before it came', async () => {
    const board = await createBoard(server.url);
    const writer = track(connectSocketIoClient(server.url, { boardId: board.id }));
    await writer.loaded;
    for (let i = 0; i < 20; i++) writer.addNote(`note ${i}`, { x: i * 220, y: 0 });
    const reader = track(connectSocketIoClient(server.url, { boardId: board.id }));
    await reader.loaded;
    await reader.waitFor(() => reader.notes().length === 20, 5000, '20 notes');
  });
});
