// One behaviour for every BoardStore: each adapter's test file runs this suite against it.
import { randomBytes } from 'node:crypto';
import { emptyCardFields } from '@atelier/board-schema';
import type { SessionState, TemplateSummary } from '@atelier/protocol';
import { addParticipant, createSession } from '@atelier/session';
import { DEFAULT_INITIAL_SNAPSHOT, type RoomSnapshot } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BoardExistsError,
  TemplateExistsError,
  type BoardStore,
  type StoredBoard,
  type StoredTemplate,
} from './board-store';
import { readDocumentSource } from './document-source';

export interface StoreFactory {
  /** A fresh store; `shared` gives a second store over the same data (another process). */
  create(): Promise<BoardStore>;
  createSharing(store: BoardStore): Promise<BoardStore>;
  /**
   * Everything the backend still holds that names the board (keys, files, rows), read behind the
   * store's back, each with what it holds: what a deletion must leave empty.
   */
  leftovers(store: BoardStore, boardId: string): Promise<string[]>;
}

function newBoard(): StoredBoard {
  const id = randomBytes(16).toString('base64url');
  return {
    meta: { id, title: 'Contrat', template: 'blank', createdAt: '2026-11-27T10:00:00.000Z' },
    facilitatorKeyHash: 'a'.repeat(64),
  };
}

function initialSnapshot(): RoomSnapshot {
  return structuredClone(DEFAULT_INITIAL_SNAPSHOT) as RoomSnapshot;
}

function newSession(): SessionState {
  return createSession({ steps: [], now: 1_000 });
}

function page(id: string, name: string): TLRecord {
  return { id, typeName: 'page', name, index: 'a2', meta: {} } as TLRecord;
}

function savedTemplate(id: string, createdAt: string): StoredTemplate {
  const summary: TemplateSummary = {
    id,
    version: 1,
    title: { fr: 'Mon atelier', en: 'Mon atelier' },
    description: { fr: 'Enregistré', en: 'Saved' },
    totalDurationMs: 600_000,
    steps: [
      {
        id: 'free',
        title: { fr: 'Libre', en: 'Free' },
        instructions: { fr: '', en: '' },
        durationMs: 600_000,
        kind: 'plenary',
        frameId: 'shape:frame',
      },
    ],
    roles: [],
    defaultGroups: 1,
    minGroups: 1,
    maxGroups: 1,
  };
  return {
    summary,
    schema: DEFAULT_INITIAL_SNAPSHOT.schema,
    records: [page('page:page', 'Page 1')],
    createdAt,
  };
}

export function boardStoreContract(name: string, factory: StoreFactory): void {
  describe(`BoardStore contract: ${name}`, () => {
    const opened: BoardStore[] = [];
    const make = async (sharingWith?: BoardStore) => {
      const store = sharingWith ? await factory.createSharing(sharingWith) : await factory.create();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0).reverse()) await store.close();
    });

    it('creates a board once and finds it by id', async () => {
      const store = await make();
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      expect(await store.getBoard(board.meta.id)).toEqual(board);
      await expect(store.createBoard(board, initialSnapshot(), newSession())).rejects.toBeInstanceOf(
        BoardExistsError,
      );
    });

    it('answers null for unknown boards', async () => {
      const store = await make();
      const unknown = randomBytes(16).toString('base64url');
      expect(await store.getBoard(unknown)).toBeNull();
      expect(await store.readSnapshot(unknown)).toBeNull();
      expect(await store.documentSource(unknown)).toBeNull();
      expect(await store.loadSession(unknown)).toBeNull();
      expect(await store.getAsset(unknown, 'x')).toBeNull();
    });

    it('opens a room on the initial document and keeps its changes after close', async () => {
      const store = await make();
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const room = await store.openRoom(board.meta.id);
      const ids = new Set(Array.from(room.storage.transaction((txn) => [...txn.keys()]).result));
      expect(ids).toEqual(new Set(['document:document', 'page:page']));
      room.storage.transaction((txn) => txn.set('page:two' as TLRecord['id'], page('page:two', 'Deux')));
      room.storage.transaction((txn) => txn.delete('page:page' as TLRecord['id']));
      await room.close();

      const snapshot = await store.readSnapshot(board.meta.id);
      const stored = new Map<string, unknown>(
        snapshot?.documents.map((entry) => [entry.state.id, entry.state]),
      );
      expect(stored.get('page:two')).toMatchObject({ name: 'Deux' });
      expect(stored.has('page:page')).toBe(false);
      expect(Object.keys(snapshot?.tombstones ?? {})).toContain('page:page');

      const reopened = await store.openRoom(board.meta.id);
      expect(
        reopened.storage.transaction((txn) => txn.get('page:two' as TLRecord['id'])).result,
      ).toMatchObject({
        name: 'Deux',
      });
      expect(reopened.storage.getClock()).toBe(room.storage.getClock());
      await reopened.close();
    });

    it('makes changes durable on flush, before close', async () => {
      const store = await make();
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const room = await store.openRoom(board.meta.id);
      room.storage.transaction((txn) =>
        txn.set('page:flushed' as TLRecord['id'], page('page:flushed', 'Sauvée')),
      );
      await room.flush();
      const other = await make(store);
      const snapshot = await other.readSnapshot(board.meta.id);
      expect(snapshot?.documents.some((entry) => entry.state.id === 'page:flushed')).toBe(true);
      await room.close();
    });

    it('describes a document another thread can read: the same records as readSnapshot', async () => {
      const store = await make();
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const room = await store.openRoom(board.meta.id);
      room.storage.transaction((txn) => txn.set('page:two' as TLRecord['id'], page('page:two', 'Deux')));
      await room.flush();
      const source = await store.documentSource(board.meta.id);
      // Through a structured clone, as a worker receives it.
      const read = readDocumentSource(structuredClone(source!));
      const snapshot = await store.readSnapshot(board.meta.id);
      const ids = (records: readonly { id: string }[]) => records.map((record) => record.id).sort();
      expect(ids(read.records)).toEqual(ids(snapshot!.documents.map((entry) => entry.state)));
      expect(ids(read.records)).toContain('page:two');
      expect(read.schema).toEqual(snapshot!.schema);
      await room.close();
    });

    it('updates the session atomically, even from two stores at once', async () => {
      const store = await make();
      const other = await make(store);
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const joins = Array.from({ length: 20 }, (_, i) => {
        const target = i % 2 === 0 ? store : other;
        return target.updateSession(board.meta.id, (state) => {
          const result = addParticipant(
            state,
            { userId: `user-${i}`, name: `P${i}`, role: 'participant' },
            2_000 + i,
          );
          return result.ok ? result.state : null;
        });
      });
      await Promise.all(joins);
      const session = await store.loadSession(board.meta.id);
      expect(session?.participants.map((person) => person.userId).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `user-${i}`).sort(),
      );
    });

    it('leaves the session as it is when the updater declines', async () => {
      const store = await make();
      const board = newBoard();
      const session = newSession();
      await store.createBoard(board, initialSnapshot(), session);
      expect(await store.updateSession(board.meta.id, () => null)).toEqual(session);
      expect(await store.loadSession(board.meta.id)).toEqual(session);
    });

    it('stores and returns assets byte for byte', async () => {
      const store = await make();
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const bytes = randomBytes(5000);
      expect(
        await store.putAsset(board.meta.id, 'image-1', { contentType: 'image/png', bytes }, 10_000),
      ).toBe('stored');
      const asset = await store.getAsset(board.meta.id, 'image-1');
      expect(asset?.contentType).toBe('image/png');
      expect(asset?.bytes.equals(bytes)).toBe(true);
      expect(await store.getAsset(board.meta.id, 'image-2')).toBeNull();
    });

    it('never changes an asset once written', async () => {
      const store = await make();
      const other = await make(store);
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const first = { contentType: 'image/png', bytes: randomBytes(100) };
      expect(await store.putAsset(board.meta.id, 'pic', first, 10_000)).toBe('stored');
      const second = { contentType: 'image/svg+xml', bytes: randomBytes(100) };
      expect(await other.putAsset(board.meta.id, 'pic', second, 10_000)).toBe('exists');
      const kept = await other.getAsset(board.meta.id, 'pic');
      expect(kept?.contentType).toBe('image/png');
      expect(kept?.bytes.equals(first.bytes)).toBe(true);
    });

    it('keeps every asset id apart: none reaches another’s content type or bytes', async () => {
      const store = await make();
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const pic = { contentType: 'image/png', bytes: randomBytes(100) };
      expect(await store.putAsset(board.meta.id, 'pic', pic, 10_000)).toBe('stored');
      // With type and bytes in one hash, `pic:type` used to overwrite the type of `pic`.
      for (const id of ['pic:type', 'pic:bytes', 'pic:', ':type']) {
        const forged = { contentType: 'image/svg+xml', bytes: Buffer.from('<svg/>') };
        expect(await store.putAsset(board.meta.id, id, forged, 10_000)).toBe('stored');
        expect((await store.getAsset(board.meta.id, id))?.bytes.toString()).toBe('<svg/>');
      }
      const kept = await store.getAsset(board.meta.id, 'pic');
      expect(kept?.contentType).toBe('image/png');
      expect(kept?.bytes.equals(pic.bytes)).toBe(true);
    });

    it('refuses an asset that would take a board past its quota, even from two stores at once', async () => {
      const store = await make();
      const other = await make(store);
      const board = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      const asset = () => ({ contentType: 'image/png', bytes: randomBytes(300) });
      const writes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? other : store).putAsset(board.meta.id, `image-${i}`, asset(), 1000),
        ),
      );
      expect(writes.filter((write) => write === 'stored')).toHaveLength(3);
      expect(writes.filter((write) => write === 'quota_exceeded')).toHaveLength(3);
      // Another board has its own quota.
      const second = newBoard();
      await store.createBoard(second, initialSnapshot(), newSession());
      expect(await store.putAsset(second.meta.id, 'image-0', asset(), 1000)).toBe('stored');
    });

    it('saves templates once, lists them oldest first and reads them back whole', async () => {
      const store = await make();
      const later = savedTemplate('saved-b', '2026-11-27T11:00:00.000Z');
      const earlier = savedTemplate('saved-a', '2026-11-27T10:00:00.000Z');
      expect(await store.listTemplates()).toEqual([]);
      expect(await store.getTemplate('saved-a')).toBeNull();
      await store.saveTemplate(later);
      await store.saveTemplate(earlier);
      await expect(store.saveTemplate(earlier)).rejects.toBeInstanceOf(TemplateExistsError);
      expect(await store.getTemplate('saved-a')).toEqual(earlier);
      const other = await make(store);
      expect((await other.listTemplates()).map((entry) => entry.summary.id)).toEqual(['saved-a', 'saved-b']);
      expect(await other.getTemplate('saved-b')).toEqual(later);
    });

    it('keeps who owns a saved template, and deletes it for good', async () => {
      const store = await make();
      const owned = {
        ...savedTemplate('saved-owned', '2026-11-27T10:00:00.000Z'),
        ownerKeyHash: 'b'.repeat(64),
      };
      const unowned = savedTemplate('saved-unowned', '2026-11-27T11:00:00.000Z');
      await store.saveTemplate(owned);
      await store.saveTemplate(unowned);
      expect(await store.getTemplate('saved-owned')).toEqual(owned);
      expect(await store.listTemplates()).toEqual([
        { summary: owned.summary, ownerKeyHash: 'b'.repeat(64) },
        { summary: unowned.summary, ownerKeyHash: null },
      ]);
      expect(await store.deleteTemplate('saved-owned')).toBe(true);
      expect(await store.deleteTemplate('saved-owned')).toBe(false);
      const other = await make(store);
      expect(await other.getTemplate('saved-owned')).toBeNull();
      expect((await other.listTemplates()).map((entry) => entry.summary.id)).toEqual(['saved-unowned']);
    });

    it('finds a board by its read-only link, and forgets a link replaced by a new one', async () => {
      const store = await make();
      const board = newBoard();
      const other = newBoard();
      await store.createBoard(board, initialSnapshot(), newSession());
      await store.createBoard(other, initialSnapshot(), newSession());
      expect(await store.boardOfViewerKey('c'.repeat(64))).toBeNull();
      await store.setViewerKey(board.meta.id, 'c'.repeat(64));
      await store.setViewerKey(other.meta.id, 'd'.repeat(64));
      const sharing = await make(store);
      expect(await sharing.boardOfViewerKey('c'.repeat(64))).toBe(board.meta.id);
      await sharing.setViewerKey(board.meta.id, 'e'.repeat(64));
      expect(await store.boardOfViewerKey('c'.repeat(64))).toBeNull();
      expect(await store.boardOfViewerKey('e'.repeat(64))).toBe(board.meta.id);
      expect(await store.boardOfViewerKey('d'.repeat(64))).toBe(other.meta.id);
    });

    it('keeps login sessions until they expire, and forgets them on demand', async () => {
      const store = await make();
      const account = {
        kind: 'account' as const,
        account: { subject: 'sub-1', email: 'agent@education.gouv.fr', name: 'Agent' },
      };
      const now = Date.now();
      await store.putLogin('h1', account, now + 60_000);
      await store.putLogin(
        'h2',
        { kind: 'pending', state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/' },
        now + 60_000,
      );
      const other = await make(store);
      expect(await other.getLogin('h1', now)).toEqual(account);
      expect((await other.getLogin('h2', now))?.kind).toBe('pending');
      expect(await other.getLogin('h1', now + 60_000)).toBeNull();
      await store.deleteLogin('h2');
      expect(await other.getLogin('h2', now)).toBeNull();
      expect(await store.getLogin('unknown', now)).toBeNull();
    });

    it('finds the boards an e-mail created or co-facilitates, as they change', async () => {
      const store = await make();
      const first = newBoard();
      const second = newBoard();
      await store.createBoard(first, initialSnapshot(), newSession());
      await store.createBoard(second, initialSnapshot(), newSession());
      expect(await store.getBoardFacilitators(first.meta.id)).toEqual({
        createdBy: null,
        coFacilitators: [],
      });
      await store.setBoardFacilitators(first.meta.id, { createdBy: 'a@x.fr', coFacilitators: ['b@x.fr'] });
      await store.setBoardFacilitators(second.meta.id, { createdBy: 'b@x.fr', coFacilitators: [] });
      const other = await make(store);
      expect(await other.getBoardFacilitators(first.meta.id)).toEqual({
        createdBy: 'a@x.fr',
        coFacilitators: ['b@x.fr'],
      });
      expect((await other.boardsOfEmail('b@x.fr')).sort()).toEqual([first.meta.id, second.meta.id].sort());
      await other.setBoardFacilitators(first.meta.id, { createdBy: 'a@x.fr', coFacilitators: ['c@x.fr'] });
      expect(await store.boardsOfEmail('b@x.fr')).toEqual([second.meta.id]);
      expect(await store.boardsOfEmail('c@x.fr')).toEqual([first.meta.id]);
      expect(await store.getBoardFacilitators(randomBytes(16).toString('base64url'))).toBeNull();
    });

    it('keeps each board’s last activity, never moved back, and lists the inactive oldest first', async () => {
      const store = await make();
      const [old, older, recent] = [newBoard(), newBoard(), newBoard()];
      for (const board of [old, older, recent])
        await store.createBoard(board, initialSnapshot(), newSession());
      await store.touchBoard(old.meta.id, 2_000);
      await store.touchBoard(older.meta.id, 1_000);
      await store.touchBoard(recent.meta.id, 5_000);
      await store.touchBoard(recent.meta.id, 3_000);
      expect(await store.lastActivity(recent.meta.id)).toBe(5_000);
      expect(await store.boardsInactiveSince(5_000, 10)).toEqual([older.meta.id, old.meta.id]);
      expect(await store.boardsInactiveSince(5_000, 1)).toEqual([older.meta.id]);
      expect(await store.boardsInactiveSince(1_000, 10)).toEqual([]);
    });

    it('deletes a board and everything of it, leaving its neighbours alone', async () => {
      const store = await make();
      const board = newBoard();
      const neighbour = newBoard();
      for (const each of [board, neighbour]) {
        await store.createBoard(each, initialSnapshot(), newSession());
        await store.putAsset(
          each.meta.id,
          'image-1',
          { contentType: 'image/png', bytes: randomBytes(64) },
          10_000,
        );
        await store.setViewerKey(each.meta.id, randomBytes(32).toString('hex'));
        await store.setBoardFacilitators(each.meta.id, { createdBy: 'a@x.fr', coFacilitators: ['b@x.fr'] });
        await store.touchBoard(each.meta.id, 1_000);
      }
      await store.updateSession(board.meta.id, (state) => {
        const joined = addParticipant(state, { userId: 'u1', name: 'Camille', role: 'participant' }, 2_000);
        return joined.ok ? joined.state : null;
      });
      const room = await store.openRoom(board.meta.id);
      room.storage.transaction((txn) => txn.set('page:two' as TLRecord['id'], page('page:two', 'Deux')));
      await room.flush();
      await room.discard();
      expect((await factory.leftovers(store, board.meta.id)).length).toBeGreaterThan(0);

      expect(await store.deleteBoard(board.meta.id)).toBe(true);
      const other = await make(store);
      for (const reader of [store, other]) {
        expect(await reader.getBoard(board.meta.id)).toBeNull();
        expect(await reader.readSnapshot(board.meta.id)).toBeNull();
        expect(await reader.loadSession(board.meta.id)).toBeNull();
        expect(await reader.getAsset(board.meta.id, 'image-1')).toBeNull();
        expect(await reader.getBoardFacilitators(board.meta.id)).toBeNull();
        expect(await reader.lastActivity(board.meta.id)).toBeNull();
        expect(await reader.boardsOfEmail('b@x.fr')).toEqual([neighbour.meta.id]);
      }
      expect(await factory.leftovers(store, board.meta.id)).toEqual([]);
      expect(await store.deleteBoard(board.meta.id)).toBe(false);
      expect(await other.getAsset(neighbour.meta.id, 'image-1')).not.toBeNull();
      expect(await other.lastActivity(neighbour.meta.id)).toBe(1_000);
    });

    it('keeps a registry of labs across boards: upserts by id, in the order they came in', async () => {
      const store = await make();
      expect(await store.listRegistryLabs()).toEqual([]);
      const lab = (id: string, labName: string, updatedAt: string, boardId = 'board-a') => ({
        id,
        fields: { ...emptyCardFields('identity'), labName, academie: 'lyon' as const, labId: id },
        updatedAt,
        boardId,
      });
      await store.putRegistryLabs([
        lab('lab-b', 'Lab B', '2026-11-27T10:00:00.000Z'),
        lab('lab-a', 'Lab A', '2026-11-27T10:00:00.000Z'),
      ]);
      await store.putRegistryLabs([
        lab('lab-b', 'Lab B (2027)', '2027-11-25T10:00:00.000Z', 'board-b'),
        lab('lab-c', 'Lab C', '2027-11-25T10:00:00.000Z', 'board-b'),
      ]);
      // Another process sees the same registry.
      const other = await make(store);
      expect(await other.listRegistryLabs()).toEqual([
        lab('lab-a', 'Lab A', '2026-11-27T10:00:00.000Z'),
        lab('lab-b', 'Lab B (2027)', '2027-11-25T10:00:00.000Z', 'board-b'),
        lab('lab-c', 'Lab C', '2027-11-25T10:00:00.000Z', 'board-b'),
      ]);
    });

    it('answers ping while reachable', async () => {
      const store = await make();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
