// Votes on what the step asks and the decisions they lead to, on real servers with real clients: a PGO
// session whose vote is on the themes' columns ends in a tie at the cut, settled by a run-off; the
// server writes the decision and one engagement card per retained theme on the board, the recap at the
// recap step, and the report says all of it. Across two processes, a cast is checked against the
// board's live room wherever it runs.
import fs from 'node:fs';
import path from 'node:path';
import { readCard, readZone, richTextToPlainText, withCard } from '@atelier/board-schema';
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import { recapMetaKey } from '@atelier/templates';
import type { TLFrameShape, TLGeoShape, TLParentId, TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  noteRecord,
  startServer,
  tempDir,
  testClientKey,
  type RunningServer,
  type TestSessionClient,
  type TestSyncClient,
} from '@atelier/testkit';
import { clusterHarness } from './cluster-support';

const artifacts = path.resolve('test-results/decisions');

interface Person {
  name: string;
  canvas: TestSyncClient;
  session: TestSessionClient;
}

const shapesOf = (client: TestSyncClient): TLShape[] =>
  client.store.allRecords().filter((record): record is TLShape => record.typeName === 'shape');

function column(client: TestSyncClient, theme: string): TLFrameShape {
  const found = shapesOf(client).find(
    (shape): shape is TLFrameShape => shape.type === 'frame' && readZone(shape)?.theme === theme,
  );
  if (!found) throw new Error(`no column for ${theme}`);
  return found;
}

/** The engagement cards in their slots' order, left to right. */
const engagementCards = (client: TestSyncClient) =>
  shapesOf(client)
    .flatMap((shape) => {
      const card = readCard(shape);
      return card?.kind === 'engagement' ? [{ shape, fields: card.fields }] : [];
    })
    .sort((a, b) => a.shape.x - b.shape.x);

const textOf = (shape: TLShape | undefined) =>
  richTextToPlainText((shape?.props as { richText?: unknown } | undefined)?.richText);

let noteCounter = 0;
function writeNote(person: Person, parentId: TLParentId, text: string): TLShapeId {
  noteCounter += 1;
  const id = `shape:decision-note-${noteCounter}` as TLShapeId;
  person.canvas.store.put([
    noteRecord({ id, text, x: 20, y: 170 + noteCounter * 5, index: `a${noteCounter + 10}`, parentId }),
  ]);
  return id;
}

describe('a PGO session whose theme vote ties and is settled by a run-off', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  let facilitator: Person;
  let people: Person[];
  const open: Array<{ close(): void }> = [];

  async function join(name: string, lab: string, facilitatorKey?: string): Promise<Person> {
    const clientKey = testClientKey();
    const common = { boardId: board.id, name, lab, clientKey, ...(facilitatorKey ? { facilitatorKey } : {}) };
    const canvas = connectSocketIoClient(server.url, common);
    const session = connectSessionClient(server.url, common);
    open.push(canvas, session);
    await Promise.all([canvas.loaded, session.connected()]);
    return { name, canvas, session };
  }

  const command = async (person: Person, sent: unknown) => person.session.command(sent);
  const ok = async (person: Person, sent: unknown) =>
    expect(await command(person, sent)).toEqual({ ok: true });

  beforeAll(async () => {
    server = await startServer({ dataDir: tempDir() });
    fs.mkdirSync(artifacts, { recursive: true });
    board = await createBoard(server.url, { title: 'Atelier PGO du lab 110 bis', template: 'pgo' });
    facilitator = await join('Marianne', 'Lab 110 bis', board.facilitatorKey);
    people = [
      await join('Camille', 'Lab de Lille'),
      await join('Malik', 'Lab de Créteil'),
      await join('Sophie', 'Lab de Limoges'),
    ];
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.close();
    await server?.stop();
  });

  let sante: TLShapeId;
  let droit: TLShapeId;
  let inclusion: TLShapeId;
  let climat: TLShapeId;
  let firstVote: PublicSessionState['vote'];

  it('S-VOTE-7: the PGO vote is on the themes’ columns; a note, the themes frame or a header is refused', async () => {
    const [camille, malik] = people as [Person, Person, Person];
    sante = column(camille.canvas, 'school-health').id;
    droit = column(camille.canvas, 'right-to-information').id;
    inclusion = column(camille.canvas, 'inclusive-school').id;
    climat = column(camille.canvas, 'environment').id;
    const idea = writeNote(camille, sante, 'Des infirmières dans chaque collège');
    writeNote(malik, droit, 'Un service d’aide à l’appropriation des données');
    await facilitator.canvas.waitFor(() => facilitator.canvas.notes().length === 2, 10_000, 'the notes');

    const step = (await facilitator.session.waitForState((state) => state.steps.length > 0)).steps.find(
      (candidate) => candidate.id === 'theme-vote',
    )!;
    expect(step.vote).toMatchObject({ itemKind: 'zone', places: 2 });
    await ok(facilitator, { type: 'step.goto', stepId: 'theme-vote' });
    await ok(facilitator, { type: 'vote.open', ...step.vote, frameId: step.frameId });

    const header = shapesOf(camille.canvas).find(
      (shape) => shape.type === 'geo' && shape.parentId === sante && readZone(shape)?.kind === 'theme',
    )!;
    for (const refused of [idea, step.frameId!, header.id, 'shape:nowhere', 'not-a-shape']) {
      expect(await command(camille, { type: 'vote.cast', itemId: refused }), refused).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
  });

  it('S-DECIDE-2: 2–2–2 for two places is a tie at the cut, shown to the facilitator, never settled by order', async () => {
    const [camille, malik, sophie] = people as [Person, Person, Person];
    for (const [person, items] of [
      [camille, [sante, droit]],
      [malik, [droit, inclusion]],
      [sophie, [inclusion, sante]],
    ] as const) {
      for (const itemId of items) await ok(person, { type: 'vote.cast', itemId });
    }
    await ok(facilitator, { type: 'vote.close' });
    const seen = await facilitator.session.waitForState((state) => state.vote?.status === 'closed');
    firstVote = seen.vote;
    expect(seen.vote?.outcome).toEqual({
      retained: [],
      tied: [droit, inclusion, sante].sort().map((itemId) => ({ itemId, count: 2 })),
      placesLeft: 2,
    });
    expect(seen.decisions).toEqual([]);
    // Participants learn the tie with the counts, at the reveal.
    const before = await camille.session.waitForState((state) => state.vote?.status === 'closed');
    expect(before.vote).not.toHaveProperty('outcome');
    await ok(facilitator, { type: 'vote.reveal' });
    const after = await camille.session.waitForState((state) => state.vote?.revealed === true);
    expect(after.vote?.outcome?.tied).toHaveLength(3);
  });

  it('S-DECIDE-3/4: a run-off among the tied decides; the decision is public and in the log', async () => {
    const [camille, malik, sophie] = people as [Person, Person, Person];
    // A participant cannot settle it.
    expect(await command(camille, { type: 'vote.runoff' })).toMatchObject({ error: { code: 'forbidden' } });
    await ok(facilitator, { type: 'vote.runoff' });
    const runoff = await camille.session.waitForState((state) => state.vote?.runoffOf === firstVote?.id);
    expect(runoff.vote).toMatchObject({ status: 'open', places: 2, dotsPerPerson: 2, maxDotsPerItem: 1 });
    expect(runoff.vote?.candidates?.slice().sort()).toEqual([droit, inclusion, sante].sort());
    expect(await command(camille, { type: 'vote.cast', itemId: climat })).toMatchObject({
      error: { code: 'bad_request' },
    });
    for (const [person, items] of [
      [camille, [sante, droit]],
      [malik, [sante, droit]],
      [sophie, [sante, inclusion]],
    ] as const) {
      for (const itemId of items) await ok(person, { type: 'vote.cast', itemId });
    }
    await ok(facilitator, { type: 'vote.close' });
    const decided = await sophie.session.waitForState((state) => (state.decisions ?? []).length === 1);
    expect(decided.decisions?.[0]).toMatchObject({
      voteId: firstVote?.id,
      stepId: 'theme-vote',
      itemKind: 'zone',
      places: 2,
      reason: 'runoff',
      retained: [
        { itemId: sante, count: 2 },
        { itemId: droit, count: 2 },
      ],
      title: { fr: 'Thématiques retenues' },
    });
    expect(decided.decisions?.[0]?.runoffs?.[0]?.results).toEqual([
      { itemId: sante, count: 3 },
      { itemId: droit, count: 2 },
      { itemId: inclusion, count: 1 },
    ]);
  });

  it('T-WRITES: the server writes the decision in the themes frame and one engagement card per retained theme', async () => {
    const camille = people[0]!;
    await camille.canvas.waitFor(() => engagementCards(camille.canvas).length === 2, 10_000, 'two cards');
    expect(engagementCards(camille.canvas).map((card) => card.fields.theme)).toEqual([
      'school-health',
      'right-to-information',
    ]);
    const slot = shapesOf(camille.canvas).find(
      (shape): shape is TLGeoShape => readZone(shape)?.kind === 'decision',
    );
    expect(textOf(slot)).toContain('Thématiques retenues');
    expect(textOf(slot)).toContain("Santé à l'école/université — 2 points");
    expect(textOf(slot)).toContain('départagée par un second vote');
  });

  it('the group writes both engagements; the recap step fills the recap frame with them', async () => {
    const [camille, malik] = people as [Person, Person, Person];
    const [first, second] = engagementCards(camille.canvas);
    camille.canvas.store.put([
      withCard(
        first!.shape,
        'engagement',
        {
          ...first!.fields,
          engagement:
            'Valoriser les initiatives qui font participer élèves, agents et parents à la santé à l’école',
          criteria: {
            transformative: true,
            'open-government-values': true,
            'civil-society': true,
            measurable: false,
          },
          actions: ['Un conseil de santé par académie', 'Des enquêtes de bien-être annuelles'],
        },
        'fr',
      ),
    ]);
    malik.canvas.store.put([
      withCard(
        second!.shape,
        'engagement',
        {
          ...second!.fields,
          engagement: 'Un service d’aide à l’appropriation de la donnée, accessible en académie',
          criteria: {
            transformative: true,
            'open-government-values': true,
            'civil-society': false,
            measurable: true,
          },
          actions: ['Des référents données dans chaque académie'],
        },
        'fr',
      ),
    ]);
    await facilitator.canvas.waitFor(
      () => engagementCards(facilitator.canvas).every((card) => card.fields.engagement !== ''),
      10_000,
      'both engagements written',
    );
    await ok(facilitator, { type: 'step.goto', stepId: 'recap' });
    const isRecap = (shape: TLShape) => (shape.meta as Record<string, unknown>)[recapMetaKey] === true;
    await facilitator.canvas.waitFor(() => shapesOf(facilitator.canvas).some(isRecap), 10_000, 'the recap');
    const recap = shapesOf(facilitator.canvas).find(isRecap)!;
    const recapFrame = (await facilitator.session.waitForState(() => true)).steps.find(
      (s) => s.id === 'recap',
    )!.frameId;
    expect(recap.parentId).toBe(recapFrame);
    const text = textOf(recap);
    for (const expected of [
      "Thématiques retenues : Santé à l'école/université ; Droit à l'information",
      'Un conseil de santé par académie',
      'Un service d’aide à l’appropriation de la donnée',
    ]) {
      expect(text).toContain(expected);
    }
    // The facilitator corrects it before the export.
    facilitator.canvas.store.put([
      withParagraph(recap, 'Suite : une session dans chaque académie avant juin.'),
    ]);
    await camille.canvas.waitFor(
      () => textOf(shapesOf(camille.canvas).find(isRecap)).includes('avant juin'),
      10_000,
      'the corrected recap',
    );
  });

  it('the report (Markdown, HTML) shows the retained themes, the run-off and one engagement per theme', async () => {
    const markdown = await (await fetch(`${server.url}/api/boards/${board.id}/export/report.md`)).text();
    fs.writeFileSync(path.join(artifacts, 'pgo-report.md'), markdown);
    const decisions = markdown.slice(markdown.indexOf('## Décisions'), markdown.indexOf('## Déroulé'));
    expect(decisions).toContain('### Thématiques retenues');
    expect(decisions).toContain("Santé à l'école/université");
    expect(decisions).toContain("Droit à l'information");
    expect(decisions).toContain('égalité à la coupure, départagée par un vote');
    expect(decisions).toContain('Départage — second vote entre les 3 ex aequo (2 points chacun)');
    expect(decisions).toContain("Engagement — Santé à l'école/université");
    const engagements = markdown.slice(markdown.indexOf('## Engagements'));
    expect(engagements.match(/^### /gm)).toHaveLength(2);
    expect(engagements).toContain("### Santé à l'école/université");
    expect(engagements).toContain('Un service d’aide à l’appropriation de la donnée');
    // The run-off is listed among the votes as such; the recap as corrected is in the board's texts.
    expect(markdown).toContain('Choix des deux thématiques — départage');
    expect(markdown).toContain('une session dans chaque académie avant juin');

    const html = await (await fetch(`${server.url}/api/boards/${board.id}/export/report.html`)).text();
    fs.writeFileSync(path.join(artifacts, 'pgo-report.html'), html);
    expect(html).toContain('Thématiques retenues');
    expect(html).toContain('égalité à la coupure, départagée par un vote');
    expect(html.match(/Valoriser les initiatives/g)?.length).toBeGreaterThanOrEqual(1);
    expect(html).toContain('Des référents données dans chaque académie');
  });
});

/** The shape's rich text with one more paragraph, as the facilitator types it at the end. */
function withParagraph(shape: TLShape, text: string): TLRecord {
  const richText = (shape.props as { richText: { type: string; content: unknown[] } }).richText;
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text }] };
  return {
    ...shape,
    props: { ...shape.props, richText: { ...richText, content: [...richText.content, paragraph] } },
  } as TLRecord;
}

describe('votes and decisions across two processes', () => {
  const { twoProcesses, track } = clusterHarness();

  it("R-RELAY-8: a cast on the process that does not run the board is checked in the owner's room; the owner writes the decision", async () => {
    const { a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'PGO à deux processus', template: 'pgo' });
    // The facilitator opens the board on A: A runs its room.
    const canvasOnA = track(
      connectSocketIoClient(a.url, {
        boardId: board.id,
        name: 'Fanny',
        facilitatorKey: board.facilitatorKey,
      }),
    );
    await canvasOnA.loaded;
    const facilitator = track(
      connectSessionClient(a.url, { boardId: board.id, name: 'Fanny', facilitatorKey: board.facilitatorKey }),
    );
    const onB = track(connectSessionClient(b.url, { boardId: board.id, name: 'Paul' }));
    const canvasOnB = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Paul' }));
    await Promise.all([facilitator.connected(), onB.connected(), canvasOnB.loaded]);
    const sante = column(canvasOnA, 'school-health').id;
    const droit = column(canvasOnA, 'right-to-information').id;
    const note = canvasOnB.addNote('une idée posée depuis B');
    await canvasOnA.waitFor(() => canvasOnA.notes().length === 1, 10_000, 'the note on A');

    const state = await facilitator.waitForState((candidate) => candidate.steps.length > 0);
    const step = state.steps.find((candidate) => candidate.id === 'theme-vote')!;
    expect(
      await facilitator.command({ type: 'vote.open', ...step.vote, dotsPerPerson: 1, frameId: step.frameId }),
    ).toEqual({
      ok: true,
    });
    // The note is refused as such (B asked A, which holds the room), the column accepted.
    const refused = await onB.command({ type: 'vote.cast', itemId: note });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/zone/) },
    });
    expect(await onB.command({ type: 'vote.cast', itemId: sante })).toEqual({ ok: true });
    expect(await facilitator.command({ type: 'vote.cast', itemId: droit })).toEqual({ ok: true });

    // Closed from B through REST: the decision is made there, written on the board by A.
    const response = await fetch(`${b.url}/api/boards/${board.id}/session/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
      body: JSON.stringify({ type: 'vote.close' }),
    });
    expect(response.status).toBe(200);
    await canvasOnB.waitFor(() => engagementCards(canvasOnB).length === 2, 10_000, 'the cards, seen from B');
    const slot = shapesOf(canvasOnB).find((shape) => readZone(shape)?.kind === 'decision');
    expect(textOf(slot)).toContain('Décidé par le vote.');
  });
});
