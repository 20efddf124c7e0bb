// Every built-in template through a real server: listed by the API, and a board built from it reaches
// two participants identically over sync (same records, same steps). Saved templates belong to the
// facilitator of the board they came from (issue 12, row 9).
import {
  builtInTemplateIds,
  type OwnedTemplateList,
  type PublicSessionState,
  type TemplateList,
  type TemplateSummary,
} from '@atelier/protocol';
import { readCard } from '@atelier/board-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectNativeClient,
  connectSocketIoClient,
  createBoard,
  startServer,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

let server: RunningServer;
const open: TestSyncClient[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const client of open.splice(0)) client.close();
  await server?.stop();
});

describe('templates', () => {
  it('GET /api/templates lists every built-in template with its steps', async () => {
    const response = await fetch(`${server.url}/api/templates`);
    expect(response.status).toBe(200);
    const { templates } = (await response.json()) as TemplateList;
    expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(builtInTemplateIds));
    for (const template of templates) {
      expect(template.steps.length).toBeGreaterThan(0);
      expect(template.totalDurationMs).toBe(template.steps.reduce((sum, step) => sum + step.durationMs, 0));
    }
  });

  it.each(builtInTemplateIds)('a %s board reaches two participants with the same records', async (id) => {
    const board = await createBoard(server.url, { title: `Atelier ${id}`, template: id });
    const first = connectSocketIoClient(server.url, { boardId: board.id, name: 'Camille' });
    const second = connectNativeClient(server.url, board.id);
    open.push(first, second);
    await Promise.all([first.loaded, second.loaded]);

    const records = first.documentRecords();
    expect(second.documentRecords()).toEqual(records);
    const shapes = Object.values(records).filter((record) => record.typeName === 'shape');
    // A talk is one frame, its subject and instructions; a break, like a blank board, lays nothing out.
    const fewest = { blank: 0, break: 0, talk: 3 } as Record<string, number>;
    if (fewest[id] === undefined) expect(shapes.length).toBeGreaterThan(3);
    else expect(shapes.length).toBe(fewest[id]);
    if (id === 'identity-map')
      expect(shapes.some((shape) => readCard(shape)?.kind === 'identity')).toBe(true);

    // Every step that names a frame names one on the board.
    const session = (await (
      await fetch(`${server.url}/api/boards/${board.id}/session`)
    ).json()) as PublicSessionState;
    expect(session.steps.length).toBeGreaterThan(0);
    for (const step of session.steps) if (step.frameId) expect(records[step.frameId]?.typeName).toBe('shape');
  });

  it.each(builtInTemplateIds)(
    'T-QUESTION: POST /api/boards keeps the question given for a %s board, in its metadata and session',
    async (id) => {
      const question = 'Comment accueillir les nouveaux labs ?';
      const board = await createBoard(server.url, { title: `Question ${id}`, template: id, question });
      expect(board.question).toBe(question);
      const session = (await (
        await fetch(`${server.url}/api/boards/${board.id}/session`)
      ).json()) as PublicSessionState;
      expect(session.question).toBe(question);
      // The numbering the template's frames use (P-NUM-1): PGO's introduction is step 0.
      expect(session.firstStepNumber).toBe(id === 'pgo' ? 0 : undefined);
      // Neither lays anything out (a break's question titles its section in a programme).
      if (id === 'blank' || id === 'break') return;
      const reader = connectSocketIoClient(server.url, { boardId: board.id, name: 'Lecteur' });
      open.push(reader);
      await reader.loaded;
      expect(JSON.stringify(reader.documentRecords())).toContain(question);
    },
  );
});

describe('saved templates', () => {
  async function saveAsTemplate(baseUrl: string, boardId: string, key: string, title: string) {
    const response = await fetch(`${baseUrl}/api/boards/${boardId}/save-as-template`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ title }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as TemplateSummary;
  }

  async function publicIds(baseUrl: string): Promise<string[]> {
    const { templates } = (await (await fetch(`${baseUrl}/api/templates`)).json()) as TemplateList;
    return templates.map((template) => template.id);
  }

  async function owned(baseUrl: string, facilitatorKeys: string[]): Promise<OwnedTemplateList['templates']> {
    const response = await fetch(`${baseUrl}/api/templates/owned`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ facilitatorKeys }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as OwnedTemplateList).templates;
  }

  function remove(id: string, key?: string): Promise<Response> {
    return fetch(`${server.url}/api/templates/${id}`, {
      method: 'DELETE',
      headers: key ? { Authorization: `Bearer ${key}` } : {},
    });
  }

  it('are private by default: in nobody’s public list, listed for their own facilitator only', async () => {
    const board = await createBoard(server.url, { title: 'Source', template: 'codev-flash' });
    const stranger = await createBoard(server.url, { title: 'Autre' });
    const saved = await saveAsTemplate(
      server.url,
      board.id,
      board.facilitatorKey,
      'Modèle officiel — connectez-vous sur http://example.invalid',
    );
    expect(await publicIds(server.url)).not.toContain(saved.id);
    expect(await owned(server.url, [stranger.facilitatorKey])).toEqual([]);
    const mine = await owned(server.url, [stranger.facilitatorKey, board.facilitatorKey]);
    expect(mine).toEqual([{ ...saved, ownerKeyIndex: 1 }]);
    // Whoever holds the key may still build a board from it.
    const copy = await createBoard(server.url, { title: 'Copie', template: saved.id });
    expect(copy.template).toBe(saved.id);
  });

  it('are deleted by their facilitator, and by nobody else', async () => {
    const board = await createBoard(server.url, { title: 'Source' });
    const stranger = await createBoard(server.url, { title: 'Autre' });
    const saved = await saveAsTemplate(server.url, board.id, board.facilitatorKey, 'À supprimer');
    expect((await remove(saved.id)).status).toBe(401);
    expect((await remove(saved.id, stranger.facilitatorKey)).status).toBe(403);
    expect(await owned(server.url, [board.facilitatorKey])).toHaveLength(1);
    expect((await remove(saved.id, board.facilitatorKey)).status).toBe(204);
    expect(await owned(server.url, [board.facilitatorKey])).toEqual([]);
    expect((await remove(saved.id, board.facilitatorKey)).status).toBe(404);
    const refused = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Trop tard', template: saved.id }),
    });
    expect(refused.status).toBe(400);
  });

  it('are in the public list when the operator publishes them (ALLOW_PUBLIC_TEMPLATES=true)', async () => {
    const published = await startServer({ env: { ALLOW_PUBLIC_TEMPLATES: 'true' } });
    try {
      const board = await createBoard(published.url, { title: 'Publié' });
      const saved = await saveAsTemplate(published.url, board.id, board.facilitatorKey, 'Modèle du lab');
      expect(await publicIds(published.url)).toContain(saved.id);
    } finally {
      await published.stop();
    }
  });
});
