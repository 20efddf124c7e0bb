// Every built-in template through a real server: listed by the API, and a board built from it reaches
// two participants identically over sync (same records, same steps).
import { builtInTemplateIds, type PublicSessionState, type TemplateList } from '@atelier/protocol';
import { readCard } from '@atelier/board-schema';
import type { TLRecord } from '@tldraw/tlschema';
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

function documentRecords(client: TestSyncClient): Record<string, TLRecord> {
  return Object.fromEntries(
    client.store
      .allRecords()
      .filter((record) => ['document', 'page', 'shape', 'binding', 'asset'].includes(record.typeName))
      .map((record) => [record.id, record]),
  );
}

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

    const records = documentRecords(first);
    expect(documentRecords(second)).toEqual(records);
    const shapes = Object.values(records).filter((record) => record.typeName === 'shape');
    if (id !== 'blank') expect(shapes.length).toBeGreaterThan(3);
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
      if (id === 'blank') return;
      const reader = connectSocketIoClient(server.url, { boardId: board.id, name: 'Lecteur' });
      open.push(reader);
      await reader.loaded;
      expect(JSON.stringify(documentRecords(reader))).toContain(question);
    },
  );
});
