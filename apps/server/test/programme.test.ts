// A day on one board (P-PROG), on real servers with real clients, with each store: a programme of an
// identity map, a flash co-dev in 3 groups and an ideation in 3 groups, played step by step with notes
// in the groups' zones, a section added, moved and removed on the running board (written through the
// board's room), and the report with one chapter per section. Across two processes (Redis), a section
// added on the process that does not run the board is written by the one that does.
import fs from 'node:fs';
import path from 'node:path';
import { readSectionId, readZone, richTextToPlainText } from '@atelier/board-schema';
import type { CreatedBoard, CreateBoardBody, PublicSessionState } from '@atelier/protocol';
import { frameForGroup } from '@atelier/templates';
import type { TLShape } from '@tldraw/tlschema';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  startRedis,
  startServer,
  tempDir,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { clusterHarness } from './cluster-support';

const artifacts = path.resolve('test-results/programme');
const stores = ['sqlite', 'redis'] as const;

const day: CreateBoardBody = {
  title: 'Journée de la communauté des labs',
  programme: [
    { template: 'identity-map', startsAt: '09:30' },
    {
      template: 'codev-flash',
      groups: 3,
      question: 'Comment identifier le noyau dur du lab ?',
      startsAt: '10:30',
    },
    { template: 'ideation', groups: 3, question: 'Comment faire avancer la communauté en 2022 ?' },
  ],
};

const shapesOf = (client: TestSyncClient): TLShape[] =>
  client.store.allRecords().filter((record): record is TLShape => record.typeName === 'shape');
const titlesOf = (client: TestSyncClient) =>
  shapesOf(client)
    .filter((shape) => readZone(shape)?.kind === 'section-title')
    .sort((a, b) => a.x - b.x)
    .map((shape) => richTextToPlainText((shape.props as { richText: unknown }).richText));

describe.each(stores)('a programme (%s store)', (storeKind) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function boot(): Promise<RunningServer> {
    const redis = storeKind === 'redis' ? await startRedis() : undefined;
    if (redis) cleanups.push(() => redis.stop());
    const server = await startServer({ dataDir: tempDir(), ...(redis ? { redisUrl: redis.url } : {}) });
    cleanups.push(() => server.stop('SIGKILL'));
    return server;
  }

  function join(server: RunningServer, board: CreatedBoard, name: string, facilitator = false) {
    const common = {
      boardId: board.id,
      name,
      lab: `Lab de ${name}`,
      ...(facilitator ? { facilitatorKey: board.facilitatorKey } : {}),
    };
    const canvas = connectSocketIoClient(server.url, common);
    const session = connectSessionClient(server.url, common);
    cleanups.push(
      () => canvas.close(),
      () => session.close(),
    );
    return { name, canvas, session };
  }

  it('P-PROG: identity map + flash co-dev (3 groups) + ideation (3 groups), played through to the report', async () => {
    const server = await boot();
    const board = await createBoard(server.url, day);
    const facilitator = join(server, board, 'Marianne', true);
    const people = ['Camille', 'Malik', 'Sophie'].map((name) => join(server, board, name));
    await Promise.all(
      [facilitator, ...people].flatMap((person) => [person.canvas.loaded, person.session.connected()]),
    );
    const state = await facilitator.session.waitForState((candidate) => candidate.steps.length > 0);

    // The sections and their steps, in order, each step knowing its section (P-PROG-1).
    expect(state.sections?.map((section) => section.template)).toEqual([
      'identity-map',
      'codev-flash',
      'ideation',
    ]);
    const [map, codev, ideation] = state.sections!;
    expect(state.steps.map((step) => step.sectionId)).toEqual([
      ...Array<string>(3).fill(map!.id),
      ...Array<string>(5).fill(codev!.id),
      ...Array<string>(4).fill(ideation!.id),
    ]);
    // Each section in its own area, left to right, under its title (T-PROG-3).
    const camille = people[0]!;
    expect(titlesOf(camille.canvas)).toEqual([
      '9 h 30 · Cartographie des labs',
      '10 h 30 · Flash codéveloppement',
      '3 actions fortes et faisables',
    ]);
    const shapeIds = new Set(shapesOf(camille.canvas).map((shape) => shape.id as string));
    for (const step of state.steps) expect(shapeIds.has(step.frameId!), step.id).toBe(true);

    // Played step by step; each person writes in their group's zone when the step asks for ideas.
    const ok = async (command: unknown) =>
      expect(await facilitator.session.command(command)).toEqual({ ok: true });
    await ok({ type: 'timer.start' });
    const written: string[] = [];
    for (let i = 0; i < state.steps.length; i++) {
      const current = await camille.session.waitForState(
        (candidate) => candidate.currentStepId === state.steps[i]!.id,
      );
      const step = current.steps[i]!;
      if (step.id.endsWith('.ideas')) {
        await Promise.all(
          people.map(async (person, g) => {
            const zone = frameForGroup(shapesOf(person.canvas), step.frameId!, g + 1);
            const text = `${person.name} : idée pour ${step.id}`;
            written.push(text);
            person.canvas.addNote(text, { x: 40, y: 200, parentId: zone });
          }),
        );
        await facilitator.canvas.waitFor(
          () => written.every((text) => facilitator.canvas.noteTexts().some((note) => note.includes(text))),
          10_000,
          'the notes of the step',
        );
      }
      // Mid-day (the co-dev running): a talk added, then moved before the ideation, then the ideation
      // may not be removed once played… but the added talk may, and its frame leaves the board.
      if (step.id === `${codev!.id}.ideas`) {
        expect(
          await facilitator.session.command({ type: 'section.remove', sectionId: map!.id }),
        ).toMatchObject({ ok: false, error: { code: 'conflict' } });
        await ok({ type: 'section.add', section: { template: 'talk', question: 'Le Bercylab' } });
        const added = await camille.session.waitForState(
          (candidate) => (candidate.sections ?? []).length === 4,
        );
        const talk = added.sections![3]!;
        const talkStep = added.steps.find((candidate) => candidate.sectionId === talk.id)!;
        await camille.canvas.waitFor(
          () => shapesOf(camille.canvas).some((shape) => shape.id === talkStep.frameId),
          10_000,
          'the talk’s frame, written by the server',
        );
        await camille.canvas.waitFor(
          () => titlesOf(camille.canvas).at(-1) === 'Le Bercylab',
          10_000,
          'the talk’s title at the right end',
        );
        await ok({ type: 'section.move', sectionId: talk.id, index: 2 });
        await camille.canvas.waitFor(
          () => titlesOf(camille.canvas)[2] === 'Le Bercylab',
          10_000,
          'the talk’s area moved before the ideation',
        );
        await ok({ type: 'section.remove', sectionId: talk.id });
        await camille.canvas.waitFor(
          () => !shapesOf(camille.canvas).some((shape) => readSectionId(shape) === talk.id),
          10_000,
          'the talk’s area removed',
        );
        expect(titlesOf(camille.canvas)).toHaveLength(3);
        // A participant cannot change the programme (S-AUTH-2).
        expect(
          await camille.session.command({ type: 'section.remove', sectionId: ideation!.id }),
        ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      if (i + 1 < state.steps.length) await ok({ type: 'step.next' });
    }

    const response = await fetch(`${server.url}/api/boards/${board.id}/export/report.md?names=full`, {
      headers: { Authorization: `Bearer ${board.facilitatorKey}` },
    });
    expect(response.status).toBe(200);
    const report = await response.text();
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, `day-report-${storeKind}.md`), report);
    const chapters = report.split('\n').filter((line) => line.startsWith('## Partie'));
    expect(chapters).toEqual([
      '## Partie 1 — 9 h 30 · Cartographie des labs',
      '## Partie 2 — 10 h 30 · Flash codéveloppement',
      '## Partie 3 — 3 actions fortes et faisables',
    ]);
    // Every note is in its section's chapter.
    const [, , part2 = '', part3 = ''] = report.split(/^## Partie \d/m);
    for (const text of written) {
      expect(text.includes(codev!.id) ? part2 : part3, text).toContain(text);
    }
  }, 120_000);
});

describe('a programme across two processes', () => {
  const { twoProcesses, track } = clusterHarness();

  it('T-PROG-4: a section added on the process that does not run the board is written by its owner', async () => {
    const { a, b } = await twoProcesses();
    const board = await createBoard(a.url, {
      title: 'Deux processus',
      programme: [{ template: 'talk', question: 'Bienvenue' }, { template: 'break' }],
    });
    const canvasOnA = track(
      connectSocketIoClient(a.url, {
        boardId: board.id,
        name: 'Fanny',
        facilitatorKey: board.facilitatorKey,
      }),
    );
    await canvasOnA.loaded;
    const canvasOnB = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Paul' }));
    const sessionOnB = track(connectSessionClient(b.url, { boardId: board.id, name: 'Paul' }));
    await Promise.all([canvasOnB.loaded, sessionOnB.connected()]);
    const response = await fetch(`${b.url}/api/boards/${board.id}/session/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
      body: JSON.stringify({ type: 'section.add', section: { template: 'feedback-wall' }, index: 1 }),
    });
    expect(response.status).toBe(200);
    const state = (await response.json()) as PublicSessionState;
    const wall = state.steps.find((step) => step.sectionId === state.sections![1]!.id)!;
    for (const canvas of [canvasOnA, canvasOnB]) {
      await canvas.waitFor(
        () => shapesOf(canvas).some((shape) => shape.id === wall.frameId),
        10_000,
        'the wall’s frame',
      );
    }
    expect(titlesOf(canvasOnB)).toEqual(['Bienvenue', 'Mur de retours', 'Pause']);
  }, 120_000);
});

/** The labs' community day of 23 November 2021 (shared/context), as one board. */
const communityDay2021: CreateBoardBody = {
  title: 'Journée de la communauté des labs d’académie',
  programme: [
    { template: 'talk', question: 'Mot de bienvenue', startsAt: '09:30' },
    { template: 'identity-map' },
    { template: 'talk', question: 'Inspirateurs : le Bercylab' },
    { template: 'talk', question: 'Inspirateurs : la Fabrique numérique' },
    { template: 'codev-flash', groups: 3, question: 'Les difficultés des porteurs de labs' },
    { template: 'break', question: 'Déjeuner', startsAt: '12:00' },
    { template: 'talk', question: 'La ressourcerie des labs', startsAt: '13:30' },
    { template: 'feedback-wall', question: 'Vos retours sur les ressources communes' },
    { template: 'talk', question: 'Retours d’expérience : 110 bis Limoges et 110 bis Bretagne' },
    { template: 'break', question: 'Pause' },
    { template: 'ideation', groups: 3, question: 'Comment faire avancer la communauté des labs en 2022 ?' },
    { template: 'break', question: 'Moment convivial' },
  ],
};

describe('the 2021 community day', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('P-PROG: the whole day is one board; its report has one chapter per section (sizes measured)', async () => {
    const server = await startServer({ dataDir: tempDir() });
    cleanups.push(() => server.stop('SIGKILL'));
    const createdAt = performance.now();
    const board = await createBoard(server.url, communityDay2021);
    const createMs = performance.now() - createdAt;
    const joinedAt = performance.now();
    const canvas = connectSocketIoClient(server.url, { boardId: board.id, name: 'Camille' });
    cleanups.push(() => canvas.close());
    await canvas.loaded;
    const joinMs = performance.now() - joinedAt;
    const shapes = shapesOf(canvas);
    expect(titlesOf(canvas)).toHaveLength(12);
    const file = await fetch(`${server.url}/api/boards/${board.id}/export/board.tldr`);
    const documentBytes = (await file.arrayBuffer()).byteLength;
    const report = await (
      await fetch(`${server.url}/api/boards/${board.id}/export/report.md`, {
        headers: { Authorization: `Bearer ${board.facilitatorKey}` },
      })
    ).text();
    const chapters = report.split('\n').filter((line) => line.startsWith('## Partie'));
    expect(chapters).toEqual([
      '## Partie 1 — 9 h 30 · Mot de bienvenue',
      '## Partie 2 — Cartographie des labs',
      '## Partie 3 — Inspirateurs : le Bercylab',
      '## Partie 4 — Inspirateurs : la Fabrique numérique',
      '## Partie 5 — Flash codéveloppement',
      '## Partie 6 — 12 h 00 · Déjeuner',
      '## Partie 7 — 13 h 30 · La ressourcerie des labs',
      '## Partie 8 — Vos retours sur les ressources communes',
      '## Partie 9 — Retours d’expérience : 110 bis Limoges et 110 bis Bretagne',
      '## Partie 10 — Pause',
      '## Partie 11 — 3 actions fortes et faisables',
      '## Partie 12 — Moment convivial',
    ]);
    const numbers = {
      shapes: shapes.length,
      documentBytes,
      createMs: Math.round(createMs),
      joinMs: Math.round(joinMs),
    };
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(
      path.join(artifacts, 'day-2021.json'),
      JSON.stringify({ ...numbers, chapters }, null, 2),
    );
    fs.writeFileSync(path.join(artifacts, 'day-2021-report.md'), report);
  }, 60_000);
});
