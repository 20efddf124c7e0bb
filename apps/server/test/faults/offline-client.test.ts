// A participant loses the network while editing and comes back: what they did offline is merged,
// and nothing the others did meanwhile is lost (a moved note keeps the text another person typed).
//
// Offline for 25 s rather than 60: past tldraw's server timeouts (a closed session is dropped
// after 5 s, an idle one after 20 s) and Socket.IO's (10 s ping + 10 s timeout) the server keeps
// nothing about the absent client, so any longer absence takes the same path.
import { toRichText, type TLNoteShape } from '@tldraw/tlschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  startServer,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { connectCuttableClient, sleep } from './support';

const OFFLINE_MS = 25_000;
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function note(client: TestSyncClient, id: string): TLNoteShape {
  const found = client.store.get(id as TLNoteShape['id']) as TLNoteShape | undefined;
  if (!found) throw new Error(`no note ${id}`);
  return found;
}

describe('a client offline for a while', () => {
  it('merges its offline edits and loses nobody else’s', async () => {
    const board = await createBoard(server.url);
    const alice = connectCuttableClient(server.url, { boardId: board.id, name: 'Alice' });
    const bob = connectSocketIoClient(server.url, { boardId: board.id, name: 'Bob' });
    const carol = connectSocketIoClient(server.url, { boardId: board.id, name: 'Carol' });
    await Promise.all([alice.loaded, bob.loaded, carol.loaded]);
    const shared = bob.addNote('à déplacer', { x: 0, y: 0 });
    const doomed = carol.addNote('à supprimer', { x: 0, y: 300 });
    await alice.waitFor(() => alice.notes().length === 2, 10_000, 'the two first notes at Alice');

    alice.goOffline();
    const offlineAt = Date.now();
    const aliceIds: string[] = [];
    const othersIds: string[] = [];
    // Both sides keep working, spread over the absence.
    for (let round = 0; round < 5; round++) {
      aliceIds.push(alice.addNote(`alice hors ligne ${round}`, { x: 200 * round, y: 600 }));
      othersIds.push(bob.addNote(`bob ${round}`, { x: 200 * round, y: 800 }));
      othersIds.push(carol.addNote(`carol ${round}`, { x: 200 * round, y: 1000 }));
      if (round === 1) {
        // Alice moves the shared note while Bob rewrites its text: different fields, both kept.
        alice.store.put([{ ...note(alice, shared), x: 500, y: 50 }]);
        const current = note(bob, shared);
        bob.store.put([{ ...current, props: { ...current.props, richText: toRichText('texte de Bob') } }]);
        // Carol deletes a note Alice is about to recolour offline: the deletion stands.
        carol.store.remove([doomed as TLNoteShape['id']]);
        const stale = note(alice, doomed);
        alice.store.put([{ ...stale, props: { ...stale.props, color: 'blue' } }]);
      }
      await sleep(OFFLINE_MS / 5);
    }
    expect(Date.now() - offlineAt).toBeGreaterThanOrEqual(OFFLINE_MS);
    expect(aliceIds.some((id) => bob.store.has(id as TLNoteShape['id']))).toBe(false);

    alice.reconnect();
    const everyone = [alice, bob, carol];
    const expected = [shared, ...aliceIds, ...othersIds];
    for (const client of everyone) {
      await client.waitFor(
        () => expected.every((id) => client.store.has(id as TLNoteShape['id'])),
        15_000,
        'every note at every client',
      );
    }
    const reader = connectSocketIoClient(server.url, { boardId: board.id, name: 'Reader' });
    await reader.loaded;
    for (const client of [...everyone, reader]) {
      await client.waitFor(() => note(client, shared).x === 500, 10_000, "Alice's move everywhere");
      expect(new Set(client.notes().map((n) => n.id))).toEqual(new Set(expected));
      expect(JSON.stringify(note(client, shared).props.richText)).toContain('texte de Bob');
      expect(note(client, shared).y).toBe(50);
      expect(client.store.has(doomed as TLNoteShape['id'])).toBe(false);
    }
    console.log(
      `faults: offline client: ${aliceIds.length} offline notes merged after ${Math.round((Date.now() - offlineAt) / 1000)} s, ` +
        `${othersIds.length} notes of the others kept, 0 lost`,
    );
    for (const client of [...everyone, reader]) client.close();
  });
});
