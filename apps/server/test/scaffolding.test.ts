// Protected scaffolding, enforced by the server on both transports (board-schema SPEC W-…, rooms SPEC
// R-WRITE): a participant's change to what the template laid out, to pages or to someone else's note is
// refused with tldraw's own push_result (the sender's canvas rolls back), a fresh client finds the board
// as it was, and the facilitator's same changes land. Every refusal is proven by the server's answer.
import {
  isScaffolding,
  noteAuthor,
  readZone,
  scaffoldingMeta,
  scaffoldingMetaKey,
  WriteRule,
  type ZoneKind,
} from '@atelier/board-schema';
import { SocketEvent, type SocketError } from '@atelier/protocol';
import {
  toRichText,
  type TLArrowShape,
  type TLFrameShape,
  type TLGeoShape,
  type TLImageShape,
  type TLNoteShape,
  type TLPage,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
} from '@tldraw/tlschema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authorMeta,
  connectNativeClient,
  connectSocketIoClient,
  createBoard,
  noteRecord,
  startServer,
  type PushOutcome,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { until } from './faults/support';

let server: RunningServer;
const clients: TestSyncClient[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(async () => {
  await server?.stop();
});

type Transport = 'socketio' | 'native';

/** Adds a note and resolves with its id and the server's answer to it. */
async function pushNote(
  client: TestSyncClient,
  text: string,
  at: { x: number; y: number; parentId?: string } = { x: 100, y: 100 },
): Promise<{ id: TLShapeId; outcome: PushOutcome }> {
  let id = '' as TLShapeId;
  const outcome = await client.push(() => {
    id = client.addNote(text, at);
  });
  return { id, outcome };
}
type Participant = TestSyncClient & { errors: SocketError[] };

async function join(boardId: string, transport: Transport, facilitatorKey?: string): Promise<Participant> {
  const errors: SocketError[] = [];
  let client: TestSyncClient;
  if (transport === 'native') {
    client = connectNativeClient(server.url, boardId);
  } else {
    const socketClient = connectSocketIoClient(server.url, {
      boardId,
      name: facilitatorKey ? 'Animatrice' : 'Camille',
      ...(facilitatorKey ? { facilitatorKey } : {}),
    });
    socketClient.io.on(SocketEvent.error, (error: SocketError) => errors.push(error));
    client = socketClient;
  }
  clients.push(client);
  await client.loaded;
  return Object.assign(client, { errors });
}

/** What a fresh client finds on the board: document records by id. */
async function freshSnapshot(boardId: string): Promise<Record<string, TLRecord>> {
  const reader = connectSocketIoClient(server.url, { boardId, name: 'Lectrice' });
  clients.push(reader);
  await reader.loaded;
  return reader.documentRecords();
}

function shapes(client: TestSyncClient): TLShape[] {
  return client.store.allRecords().filter((record): record is TLShape => record.typeName === 'shape');
}

function zoneShape<T extends TLShape>(client: TestSyncClient, type: T['type'], kind: ZoneKind): T {
  const found = shapes(client).find((shape) => shape.type === type && readZone(shape)?.kind === kind);
  if (!found) throw new Error(`no ${type} of zone ${kind}`);
  return found as T;
}

function childOf<T extends TLShape>(client: TestSyncClient, parentId: string, type: T['type']): T {
  const found = shapes(client).find((shape) => shape.parentId === parentId && shape.type === type);
  if (!found) throw new Error(`no ${type} in ${parentId}`);
  return found as T;
}

type Attempt = { what: string; change: TLShape | 'delete' };

/** Every way a participant could alter a scaffolding shape: move, resize, edit, re-parent, unlock, unmark, delete. */
function attemptsOn(shape: TLShape): Attempt[] {
  const attempts: Attempt[] = [
    { what: 'move', change: { ...shape, x: shape.x + 120, y: shape.y - 40 } },
    { what: 'reparent', change: { ...shape, parentId: 'page:page' as TLShape['parentId'], x: 5000 } },
    { what: 'unmark', change: { ...shape, meta: { ...shape.meta, [scaffoldingMetaKey]: false } } },
    { what: 'delete', change: 'delete' },
  ];
  if (shape.isLocked) attempts.push({ what: 'unlock', change: { ...shape, isLocked: false } });
  switch (shape.type) {
    case 'frame':
      attempts.push(
        { what: 'resize', change: { ...shape, props: { ...shape.props, w: shape.props.w + 300 } } },
        { what: 'rename', change: { ...shape, props: { ...shape.props, name: 'Renommé' } } },
      );
      break;
    case 'geo':
      attempts.push(
        { what: 'resize', change: { ...shape, props: { ...shape.props, w: shape.props.w * 2 } } },
        { what: 'edit', change: { ...shape, props: { ...shape.props, richText: toRichText('modifié') } } },
      );
      break;
    case 'text':
      attempts.push(
        { what: 'resize', change: { ...shape, props: { ...shape.props, w: shape.props.w + 200 } } },
        { what: 'edit', change: { ...shape, props: { ...shape.props, richText: toRichText('modifié') } } },
      );
      break;
    case 'image':
      attempts.push(
        { what: 'resize', change: { ...shape, props: { ...shape.props, w: shape.props.w / 2 } } },
        { what: 'unlink', change: { ...shape, props: { ...shape.props, assetId: null } } },
      );
      break;
    case 'arrow':
      attempts.push({
        what: 'redirect',
        change: { ...shape, props: { ...shape.props, end: { x: shape.props.end.x + 300, y: 200 } } },
      });
      break;
  }
  return attempts;
}

/** Each attempt is answered `discard`, and the sender's own canvas is back to the record as stored. */
async function expectAllRefused(participant: Participant, label: string, original: TLShape): Promise<void> {
  for (const attempt of attemptsOn(original)) {
    const outcome = await participant.push(() =>
      attempt.change === 'delete'
        ? participant.store.remove([original.id])
        : participant.store.put([attempt.change]),
    );
    expect(outcome, `${label}: ${attempt.what}`).toBe('discard');
    expect(participant.store.get(original.id), `${label}: ${attempt.what} rolled back`).toEqual(original);
  }
}

describe.each<Transport>(['socketio', 'native'])('a participant over %s', (transport) => {
  it('W-SCAFFOLD R-WRITE-REFUSAL: cannot move, resize, edit, re-parent, unlock, unmark or delete the PGO scaffolding', async () => {
    const board = await createBoard(server.url, { title: 'PGO', template: 'pgo' });
    const participant = await join(board.id, transport);
    const before = participant.documentRecords();
    const introFrame = shapes(participant).find(
      (shape): shape is TLFrameShape => shape.type === 'frame' && readZone(shape)?.stepId === 'intro',
    )!;
    const targets: [string, TLShape][] = [
      ['intro frame', introFrame],
      ['intro instructions', childOf<TLTextShape>(participant, introFrame.id, 'text')],
      ['theme column', zoneShape<TLFrameShape>(participant, 'frame', 'theme')],
      ['theme header', zoneShape<TLGeoShape>(participant, 'geo', 'theme')],
    ];
    for (const [label, shape] of targets) await expectAllRefused(participant, label, shape);

    if (transport === 'socketio') {
      await until(() => participant.errors.some((e) => e.code === 'protected'), 5000, 'the protected notice');
      expect(participant.errors.find((e) => e.code === 'protected')).toMatchObject({
        event: SocketEvent.sync,
        rule: WriteRule.scaffolding,
      });
    }
    expect(await freshSnapshot(board.id)).toEqual(before);
  });

  it('W-SCAFFOLD: the identity map, its drawing, markers, legend and card tray are refused too', async () => {
    const board = await createBoard(server.url, { title: 'Carte', template: 'identity-map' });
    const participant = await join(board.id, transport);
    const before = participant.documentRecords();
    const map = zoneShape<TLFrameShape>(participant, 'frame', 'map');
    const targets: [string, TLShape][] = [
      ['map', map],
      ['académie marker', zoneShape<TLGeoShape>(participant, 'geo', 'academie-marker')],
      ['card tray', zoneShape<TLFrameShape>(participant, 'frame', 'card-tray')],
      ['map drawing', childOf<TLImageShape>(participant, map.id, 'image')],
      [
        'legend swatch',
        shapes(participant).find(
          (shape): shape is TLGeoShape =>
            shape.parentId === map.id && shape.type === 'geo' && !readZone(shape),
        )!,
      ],
    ];
    for (const [label, shape] of targets) await expectAllRefused(participant, label, shape);
    expect(await freshSnapshot(board.id)).toEqual(before);
  });

  it('W-SCAFFOLD: a codev flash group frame and its layout arrows are refused; T-SCAFFOLD cards are not', async () => {
    const board = await createBoard(server.url, { title: 'Codev', template: 'codev-flash', groups: 2 });
    const participant = await join(board.id, transport);
    const group = zoneShape<TLFrameShape>(participant, 'frame', 'group');
    const before = participant.documentRecords();
    await expectAllRefused(participant, 'group frame', group);
    await expectAllRefused(
      participant,
      'layout arrow',
      childOf<TLArrowShape>(participant, group.id, 'arrow'),
    );
    expect(await freshSnapshot(board.id)).toEqual(before);

    // The notes a template lays out are participants' to fill and move.
    const zoneNote = shapes(participant).find((shape): shape is TLNoteShape => shape.type === 'note')!;
    const filled = {
      ...zoneNote,
      x: zoneNote.x + 30,
      props: { ...zoneNote.props, richText: toRichText('Notre problème') },
    };
    expect(await participant.push(() => participant.store.put([filled]))).toBe('commit');
    expect((await freshSnapshot(board.id))[zoneNote.id]).toEqual(filled);
  });

  it('W-PAGE: cannot add, rename or delete a page, nor rename the document', async () => {
    const board = await createBoard(server.url, { title: 'Pages', template: 'pgo' });
    const participant = await join(board.id, transport);
    const before = participant.documentRecords();
    const page = participant.store.get('page:page' as TLPage['id']) as TLPage;
    const newPage: TLPage = {
      ...page,
      id: 'page:second' as TLPage['id'],
      name: 'Seconde',
      index: 'a5' as TLPage['index'],
    };
    const document = participant.store.get('document:document' as TLRecord['id']) as TLRecord & {
      name: string;
    };
    const attempts: [string, () => void][] = [
      ['add', () => participant.store.put([newPage])],
      ['rename', () => participant.store.put([{ ...page, name: 'Renommée' }])],
      ['delete', () => participant.store.remove([page.id])],
      ['rename the document', () => participant.store.put([{ ...document, name: 'Autre' } as TLRecord])],
    ];
    for (const [what, attempt] of attempts) {
      // Deleting the only page takes its shapes with it: every one of those deletions is refused too.
      expect(await participant.push(attempt), what).toBe('discard');
    }
    expect(participant.documentRecords()).toEqual(before);
    expect(await freshSnapshot(board.id)).toEqual(before);
  });

  it('W-MARK, W-TYPE: cannot create a marked shape or turn a note into something else', async () => {
    const board = await createBoard(server.url, { title: 'Faux', template: 'pgo' });
    const participant = await join(board.id, transport);
    const forged = noteRecord({ id: 'shape:forged-mark', text: 'cadre', meta: scaffoldingMeta() });
    expect(await participant.push(() => participant.store.put([forged]))).toBe('discard');
    expect(participant.store.has(forged.id)).toBe(false);
    const mine = participant.addNote('à moi');
    await participant.settled();
    const note = participant.store.get(mine) as TLNoteShape;
    const marked = { ...note, meta: { ...note.meta, ...scaffoldingMeta() } };
    expect(await participant.push(() => participant.store.put([marked]))).toBe('discard');
    const snapshot = await freshSnapshot(board.id);
    expect(snapshot[forged.id]).toBeUndefined();
    expect(isScaffolding(snapshot[mine] as TLShape)).toBe(false);
  });
});

describe('notes and their authors', () => {
  it('W-AUTHOR R-WRITE-STAMP W-NOTE-DELETE W-FREE: own notes land and go; another’s note moves but is not deleted', async () => {
    const board = await createBoard(server.url, { title: 'Idées', template: 'pgo' });
    const camille = await join(board.id, 'socketio');
    const stock = await join(board.id, 'native');
    const column = zoneShape<TLFrameShape>(camille, 'frame', 'theme');

    // Her own note, in a theme column: lands as sent (the author she wrote is hers), moves, changes, goes.
    const own = await pushNote(camille, 'Ouvrir les données', { x: 20, y: 200, parentId: column.id });
    expect(own.outcome).toBe('commit');
    const note = camille.store.get(own.id) as TLNoteShape;
    expect(noteAuthor(note)).toBe(camille.userId);
    expect(await camille.push(() => camille.store.put([{ ...note, x: 60 }]))).toBe('commit');
    const edited = { ...(camille.store.get(note.id) as TLNoteShape) };
    edited.props = { ...edited.props, richText: toRichText('Ouvrir les données des lycées') };
    expect(await camille.push(() => camille.store.put([edited]))).toBe('commit');

    // The stock client may move it, not delete it.
    await stock.waitFor(() => stock.store.has(note.id), 5000, 'the note at the stock client');
    const seen = stock.store.get(note.id) as TLNoteShape;
    expect(await stock.push(() => stock.store.put([{ ...seen, y: 400 }]))).toBe('commit');
    expect(await stock.push(() => stock.store.remove([note.id]))).toBe('discard');
    expect(stock.store.has(note.id)).toBe(true);
    // Nor sign it as its own, or change what it is.
    const current = stock.store.get(note.id) as TLNoteShape;
    expect(await stock.push(() => stock.store.put([{ ...current, meta: authorMeta(stock.userId!) }]))).toBe(
      'discard',
    );
    expect(await stock.push(() => stock.store.put([{ ...current, meta: {} }]))).toBe('discard');
    expect((await freshSnapshot(board.id))[note.id]).toMatchObject({
      y: 400,
      meta: authorMeta(camille.userId!),
    });

    // A note claiming someone else as its author becomes its writer's.
    const forged = noteRecord({
      id: 'shape:signed-as-camille',
      text: 'au nom de Camille',
      meta: authorMeta(camille.userId!),
    });
    expect(await stock.push(() => stock.store.put([forged]))).toBe('rebase');
    expect(noteAuthor(stock.store.get(forged.id) as TLNoteShape)).toBe(stock.userId);
    expect(noteAuthor((await freshSnapshot(board.id))[forged.id] as TLShape)).toBe(stock.userId);
    // So Camille cannot delete it, and its writer can.
    await camille.waitFor(() => camille.store.has(forged.id), 5000, 'the forged note at Camille');
    expect(await camille.push(() => camille.store.remove([forged.id]))).toBe('discard');
    expect(await stock.push(() => stock.store.remove([forged.id]))).toBe('commit');

    // Camille deletes her own.
    expect(await camille.push(() => camille.store.remove([note.id]))).toBe('commit');
    const after = await freshSnapshot(board.id);
    expect(after[note.id]).toBeUndefined();
    expect(after[forged.id]).toBeUndefined();
  });

  it('R-WRITE-ORPHANS a stock client deleting its frame keeps the notes it may not delete, where they were on the page', async () => {
    const board = await createBoard(server.url, { title: 'Regroupement' });
    const stock = await join(board.id, 'native');
    const camille = await join(board.id, 'socketio');
    const frame: TLFrameShape = {
      ...(unmarkedShape('frame') as TLFrameShape),
      props: { w: 600, h: 400, name: 'Regroupement', color: 'black' },
    };
    expect(await stock.push(() => stock.store.put([frame]))).toBe('commit');
    await camille.waitFor(() => camille.store.has(frame.id), 5000, 'the frame at Camille');
    const { id: noteId } = await pushNote(camille, 'dans le cadre', { x: 30, y: 40, parentId: frame.id });
    await stock.waitFor(() => stock.store.has(noteId), 5000, 'Camille’s note at the stock client');

    // As tldraw deletes a frame: the frame and its children in one push. Camille's note is refused.
    expect(await stock.push(() => stock.store.remove([frame.id, noteId]))).toBe('rebase');
    const after = await freshSnapshot(board.id);
    expect(after[frame.id]).toBeUndefined();
    expect(after[noteId]).toMatchObject({ parentId: 'page:page', x: frame.x + 30, y: frame.y + 40 });
  });

  it('W-FACILITATOR: the facilitator’s same edits land', async () => {
    const board = await createBoard(server.url, { title: 'Animation', template: 'pgo' });
    const facilitator = await join(board.id, 'socketio', board.facilitatorKey);
    const camille = await join(board.id, 'socketio');
    const intro = shapes(facilitator).find(
      (shape): shape is TLFrameShape => shape.type === 'frame' && readZone(shape)?.stepId === 'intro',
    )!;
    const text = childOf<TLTextShape>(facilitator, intro.id, 'text');
    const header = zoneShape<TLGeoShape>(facilitator, 'geo', 'theme');
    const page = facilitator.store.get('page:page' as TLPage['id']) as TLPage;
    const { id: noteId } = await pushNote(camille, 'à retirer');
    await facilitator.waitFor(() => facilitator.store.has(noteId), 5000, 'Camille’s note at the facilitator');

    const moved = {
      ...intro,
      x: intro.x - 500,
      props: { ...intro.props, w: intro.props.w + 100, name: 'Accueil' },
    };
    const unlocked = {
      ...text,
      isLocked: false,
      props: { ...text.props, richText: toRichText('Bienvenue') },
    };
    const newPage: TLPage = {
      ...page,
      id: 'page:second' as TLPage['id'],
      name: 'Seconde',
      index: 'a5' as TLPage['index'],
    };
    const edits: [string, () => void][] = [
      ['move, resize and rename a frame', () => facilitator.store.put([moved])],
      ['unlock and edit a text', () => facilitator.store.put([unlocked])],
      ['delete a theme header', () => facilitator.store.remove([header.id])],
      ['add a page', () => facilitator.store.put([newPage])],
      ['rename a page', () => facilitator.store.put([{ ...page, name: 'Tableau' }])],
      ['delete a participant’s note', () => facilitator.store.remove([noteId])],
    ];
    for (const [what, edit] of edits) expect(await facilitator.push(edit), what).toBe('commit');
    // Lock it again: participants are held off by the mark either way.
    expect(await facilitator.push(() => facilitator.store.put([{ ...unlocked, isLocked: true }]))).toBe(
      'commit',
    );

    const after = await freshSnapshot(board.id);
    expect(after[intro.id]).toEqual(moved);
    expect(after[text.id]).toEqual({ ...unlocked, isLocked: true });
    expect(after[header.id]).toBeUndefined();
    expect(after[newPage.id]).toEqual(newPage);
    expect(after[page.id]).toMatchObject({ name: 'Tableau' });
    expect(after[noteId]).toBeUndefined();
    expect(facilitator.errors).toEqual([]);
  });
});

describe('boards made before the mark', () => {
  it('R-WRITE-LEGACY get their zone shapes marked and locked when they open', async () => {
    const source = await createBoard(server.url, { title: 'Ancien', template: 'pgo' });
    const exported = (await (
      await fetch(`${server.url}/api/boards/${source.id}/export/board.tldr`)
    ).json()) as {
      records: TLRecord[];
    };
    // As a board made before the mark: no mark, nothing locked.
    const unmarked = exported.records.map((record) => {
      if (record.typeName !== 'shape') return record;
      const { [scaffoldingMetaKey]: _mark, ...meta } = record.meta;
      return { ...record, isLocked: false, meta };
    });
    const response = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...exported, records: unmarked }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };

    const participant = await join(id, 'native');
    const header = zoneShape<TLGeoShape>(participant, 'geo', 'theme');
    const intro = shapes(participant).find((shape) => readZone(shape)?.stepId === 'intro')!;
    expect(isScaffolding(header) && header.isLocked).toBe(true);
    expect(isScaffolding(intro) && !intro.isLocked).toBe(true);
    // Texts carry no zone: left as they were.
    expect(isScaffolding(childOf<TLTextShape>(participant, intro.id, 'text'))).toBe(false);
    expect(await participant.push(() => participant.store.put([{ ...intro, x: intro.x + 100 }]))).toBe(
      'discard',
    );
  });
});

let freeCounter = 0;
/** The common fields of a shape with no mark, on the page. */
function unmarkedShape(type: TLShape['type']): Omit<TLShape, 'props'> {
  freeCounter += 1;
  return {
    id: `shape:free-${freeCounter}` as TLShapeId,
    typeName: 'shape',
    type,
    x: 2000,
    y: 2000,
    rotation: 0,
    index: 'a9' as TLShape['index'],
    parentId: 'page:page' as TLShape['parentId'],
    isLocked: false,
    opacity: 1,
    meta: {},
  } as Omit<TLShape, 'props'>;
}
