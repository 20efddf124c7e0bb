// Exports on a real server: a PGO session played by real sync clients (notes, dots, a closed vote),
// then every format fetched as a person would download it; `.tldr` both ways; save as template.
import fs from 'node:fs';
import path from 'node:path';
import { readCard, withCard, type IdentityCardFields } from '@atelier/board-schema';
import { engagementCardsForThemes } from '@atelier/templates';
import type { CreatedBoard, PublicSessionState, TemplateList, TemplateSummary } from '@atelier/protocol';
import type { TLFrameShape, TLGeoShape, TLParentId, TLRecord, TLShapeId } from '@tldraw/tlschema';
import ExcelJS from 'exceljs';
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
  type TestSyncClient,
} from '@atelier/testkit';
import { userIdFromClientKey } from '../src/secrets';

const artifacts = path.resolve('test-results/export');
let server: RunningServer;
let dataDir: string;
const open: Array<{ close(): void }> = [];

beforeAll(async () => {
  dataDir = tempDir();
  server = await startServer({ dataDir });
  fs.mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  for (const client of open.splice(0)) client.close();
  await server?.stop();
});

async function rest(boardId: string, command: unknown, key: string): Promise<PublicSessionState> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/session/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify(command),
  });
  const body = (await response.json()) as PublicSessionState;
  if (response.status !== 200) throw new Error(`${JSON.stringify(command)}: ${JSON.stringify(body)}`);
  return body;
}

async function joined(boardId: string, name: string, facilitatorKey?: string) {
  const clientKey = testClientKey();
  const client = connectSocketIoClient(server.url, {
    boardId,
    name,
    clientKey,
    ...(facilitatorKey ? { facilitatorKey } : {}),
  });
  open.push(client);
  await client.loaded;
  return { client, name, clientKey, userId: userIdFromClientKey(clientKey) };
}

let noteCounter = 0;
/** A sticky note inside a frame, stamped with its author as the web app does. */
function writeNote(client: TestSyncClient, parentId: TLParentId, text: string, authorId: string): TLShapeId {
  noteCounter += 1;
  const id = `shape:export-note-${noteCounter}` as TLShapeId;
  const note = noteRecord({
    id,
    text,
    x: 40,
    y: 160 + noteCounter * 10,
    index: `a${noteCounter + 10}`,
    parentId,
    meta: { 'atelier.author': authorId, 'atelier.createdAt': Date.UTC(2026, 10, 27, 9, noteCounter) },
  });
  client.store.put([note]);
  return id;
}

function shapes(client: TestSyncClient): TLRecord[] {
  return client.store.allRecords().filter((record) => record.typeName === 'shape');
}

function themeColumn(client: TestSyncClient, theme: string): TLFrameShape {
  const column = shapes(client).find(
    (record): record is TLFrameShape =>
      record.typeName === 'shape' &&
      record.type === 'frame' &&
      (record.meta['atelier.zone'] as { kind?: string; theme?: string } | undefined)?.theme === theme,
  );
  if (!column) throw new Error(`no column for ${theme}`);
  return column;
}

async function download(boardId: string, format: string) {
  const response = await fetch(`${server.url}/api/boards/${boardId}/export/${format}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, text: bytes.toString('utf8') };
}

function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

function boardFiles(): string[] {
  return fs.readdirSync(path.join(dataDir, 'boards')).filter((name) => name.endsWith('.sqlite'));
}

describe('a PGO session exported', () => {
  let board: CreatedBoard;
  let facilitator: Awaited<ReturnType<typeof joined>>;
  let camille: Awaited<ReturnType<typeof joined>>;
  let malik: Awaited<ReturnType<typeof joined>>;

  beforeAll(async () => {
    board = await createBoard(server.url, { title: 'PGO <script>alert(1)</script>', template: 'pgo' });
    facilitator = await joined(board.id, 'Animatrice', board.facilitatorKey);
    camille = await joined(board.id, 'Camille');
    malik = await joined(board.id, 'Malik');

    const openData = themeColumn(camille.client, 'open-data');
    const health = themeColumn(camille.client, 'school-health');
    const environment = themeColumn(camille.client, 'environment');
    const data1 = writeNote(camille.client, openData.id, 'Publier les données des lycées', camille.userId);
    const data2 = writeNote(malik.client, openData.id, 'Ouvrir le code des téléservices', malik.userId);
    const health1 = writeNote(
      camille.client,
      health.id,
      'Des infirmières dans chaque collège',
      camille.userId,
    );
    writeNote(malik.client, environment.id, '<script>alert("x")</script> Potagers', malik.userId);
    await facilitator.client.waitFor(
      () => facilitator.client.notes().length === 4,
      10_000,
      'the four notes to reach the facilitator',
    );

    const themesFrame = themeColumn(camille.client, 'open-data').parentId;
    await rest(board.id, { type: 'step.goto', stepId: 'theme-vote', start: true }, board.facilitatorKey);
    await rest(
      board.id,
      { type: 'vote.open', dotsPerPerson: 2, maxDotsPerItem: 1, anonymous: false, frameId: themesFrame },
      board.facilitatorKey,
    );
    for (const [person, items] of [
      [camille, [data1, health1]],
      [malik, [data1, data2]],
    ] as const) {
      const voter = connectSessionClient(server.url, {
        boardId: board.id,
        name: person.name,
        clientKey: person.clientKey,
      });
      open.push(voter);
      await voter.connected();
      for (const itemId of items)
        expect(await voter.command({ type: 'vote.cast', itemId })).toEqual({ ok: true });
    }
    await rest(board.id, { type: 'vote.close' }, board.facilitatorKey);

    // Step 3: the two winning themes get their engagement cards, and the group writes one.
    const engagementsFrame = shapes(facilitator.client).find(
      (record) =>
        (record.meta as Record<string, { stepId?: string }>)['atelier.zone']?.stepId === 'engagements',
    );
    let cardCounter = 0;
    const cards = engagementCardsForThemes(['open-data', 'school-health'], {
      parentId: engagementsFrame!.id as TLParentId,
      locale: 'fr',
      createId: () => `export-card-${++cardCounter}`,
    });
    facilitator.client.store.put([
      withCard(
        cards[0]!,
        'engagement',
        {
          theme: 'open-data',
          engagement: 'Ouvrir par défaut les données des établissements',
          criteria: {
            transformative: true,
            'open-government-values': true,
            'civil-society': false,
            measurable: true,
          },
          actions: ['Inventaire des jeux de données', 'Publication sur data.education.gouv.fr'],
        },
        'fr',
      ),
      cards[1]!,
    ]);
    await camille.client.waitFor(
      () => shapes(camille.client).filter((record) => readCard(record)?.kind === 'engagement').length === 2,
      10_000,
      'the engagement cards',
    );
    await rest(board.id, { type: 'step.goto', stepId: 'engagements', start: true }, board.facilitatorKey);
  });

  it('serves the Markdown report with its name, the notes, their authors and the vote', async () => {
    const { response, text } = await download(board.id, 'report.md?names=full');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="pgo-script-alert-1-script-compte-rendu-\d{4}-\d\d-\d\d\.md"; filename\*=UTF-8''pgo-script-alert-1-script-compte-rendu-\d{4}-\d\d-\d\d\.md$/,
    );
    for (const expected of [
      'Publier les données des lycées',
      'Ouvrir le code des téléservices',
      'Des infirmières dans chaque collège',
      'Camille',
      'Malik',
      "Ouverture des données et des codes sources dans l'Éducation",
      'Ouvrir par défaut les données des établissements',
      'Inventaire des jeux de données',
    ]) {
      expect(text).toContain(expected);
    }
    // User text cannot inject HTML into a Markdown renderer.
    expect(text).not.toContain('<script>');
    fs.writeFileSync(path.join(artifacts, 'pgo-report.md'), text);
  });

  it('names nobody by default: every format shows people by their lab unless asked otherwise', async () => {
    for (const format of ['report.md', 'report.html', 'notes.csv', 'report.json']) {
      const { text } = await download(board.id, format);
      expect(text, format).not.toContain('Camille');
      expect(text, format).not.toContain('Malik');
      expect(text, format).not.toContain('Animatrice');
    }
    const csv = (await download(board.id, 'notes.csv?names=first-name-lab')).text;
    expect(csv).toContain('Camille');
    // An unknown choice falls back to the default, never to full names.
    expect((await download(board.id, 'report.md?names=everyone')).text).not.toContain('Camille');
  });

  it('serves the report document the browser lays out as PDF', async () => {
    const { response, text } = await download(board.id, 'report.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = JSON.parse(text) as { lang: string; sections: { kind: string }[] };
    expect(document.lang).toBe('fr');
    expect(document.sections.map((section) => section.kind)).toEqual(
      expect.arrayContaining(['sequence', 'people', 'votes', 'production', 'engagements']),
    );
  });

  it('serves a self-contained HTML report with every user string escaped', async () => {
    const { response, text } = await download(board.id, 'report.html');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-disposition')).toMatch(/filename="pgo-.*\.html"/);
    expect(text).toMatch(/^<!doctype html>/i);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('Potagers');
  });

  it('serves the notes as an Excel-friendly CSV: BOM, CRLF, one row per note with its dots', async () => {
    const { response, bytes, text } = await download(board.id, 'notes.csv?names=full');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/filename="pgo-.*-post-its-.*\.csv"/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(5);
    const published = rows.find((row) => row.includes('Publier les données des lycées'));
    expect(published).toContain('Camille');
    expect(published).toMatch(/,2,/);
  });

  it('exports no lab when the board has no identity card', async () => {
    const geo = await download(board.id, 'labs.geojson');
    expect(geo.response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(JSON.parse(geo.text)).toMatchObject({ type: 'FeatureCollection', features: [] });
  });

  it('refuses an unknown format and an unknown board', async () => {
    expect((await download(board.id, 'report.docx')).response.status).toBe(404);
    expect((await download('A'.repeat(22), 'report.md')).response.status).toBe(404);
  });

  it('round-trips through a .tldr file: the imported board has the same shapes', async () => {
    const exported = await download(board.id, 'board.tldr');
    expect(exported.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(exported.response.headers.get('content-disposition')).toMatch(/filename="pgo-.*\.tldr"/);
    const file = JSON.parse(exported.text) as { tldrawFileFormatVersion: number; records: TLRecord[] };
    expect(file.tldrawFileFormatVersion).toBe(1);

    const response = await fetch(`${server.url}/api/boards/import?title=${encodeURIComponent('Copie PGO')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: exported.text,
    });
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedBoard;
    expect(imported).toMatchObject({ title: 'Copie PGO', template: 'blank' });
    expect(imported.facilitatorKey).toEqual(expect.any(String));
    expect(imported.id).not.toBe(board.id);

    const reader = (await joined(imported.id, 'Lecteur')).client;
    const byId = (records: readonly TLRecord[]) =>
      Object.fromEntries(
        records.filter((record) => record.typeName === 'shape').map((record) => [record.id, record]),
      );
    expect(byId(shapes(reader))).toEqual(byId(file.records));
    expect(reader.notes()).toHaveLength(4);
  });

  it('refuses a bad file with a clear 400 and creates nothing', async () => {
    const before = boardFiles();
    const exported = JSON.parse((await download(board.id, 'board.tldr')).text) as { records: TLRecord[] };
    const note = exported.records.find((record) => record.typeName === 'shape' && record.type === 'note');
    const broken = {
      ...exported,
      records: exported.records.map((record) =>
        record === note ? { ...record, props: { ...record.props, color: 'tartan' } } : record,
      ),
    };
    const orphan = {
      ...exported,
      records: exported.records.filter((record) => record.typeName !== 'page'),
    };
    for (const [body, message] of [
      ['{"hello": "world"}', /tldrawFileFormatVersion/],
      ['not json', /not valid JSON/],
      [fixture('tldraw-1.tldr'), /this is a tldraw 1 file/],
      [JSON.stringify(broken), /is not a valid shape/],
      [JSON.stringify(orphan), /missing parent/],
      [JSON.stringify({ ...exported, tldrawFileFormatVersion: 9 }), /newer tldraw/],
    ] as const) {
      const response = await fetch(`${server.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { error: { code: string; message: string } };
      expect(error.error.message).toMatch(message);
      if (/tldraw 1|JSON/.test(String(message))) expect(error.error.code).toBe('unsupported_file');
    }
    expect(boardFiles()).toEqual(before);
  });

  it('imports a .tldr sent with no Content-Type, or any other, as browsers send files', async () => {
    const exported = (await download(board.id, 'board.tldr')).bytes;
    for (const headers of [
      {},
      { 'Content-Type': 'application/octet-stream' },
      { 'Content-Type': 'text/plain' },
    ]) {
      const response = await fetch(`${server.url}/api/boards/import`, {
        method: 'POST',
        headers,
        body: new Uint8Array(exported),
      });
      expect(response.status, JSON.stringify(headers)).toBe(201);
      const imported = (await response.json()) as CreatedBoard;
      const reader = (await joined(imported.id, 'Lecteur')).client;
      expect(reader.notes()).toHaveLength(4);
    }
  });

  it('imports a 2023 tldraw 2 file: the records tldraw’s migrations remove are removed, not refused', async () => {
    const response = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      body: fixture('tldraw-2023-user-document.tldr'),
    });
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedBoard;
    expect(imported.title).toBe('Atelier de juin');
    const reader = (await joined(imported.id, 'Lecteur')).client;
    expect(reader.notes()).toHaveLength(2);
    // Every text of the imported board is in its report: frame, text, notes, labelled shape.
    const report = (await download(imported.id, 'report.md')).text;
    for (const text of [
      'Idées du groupe',
      'Ce que nous retenons',
      'Ouvrir les données des lycées',
      'Un référent par académie',
      'À creuser',
    ]) {
      expect(report).toContain(text);
    }
  });

  it('saves the board as a template (facilitator only) that new boards are built from', async () => {
    const url = `${server.url}/api/boards/${board.id}/save-as-template`;
    const body = JSON.stringify({ title: 'PGO du rectorat' });
    const headers = { 'Content-Type': 'application/json' };
    expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(401);
    expect(
      (await fetch(url, { method: 'POST', headers: { ...headers, Authorization: 'Bearer wrong' }, body }))
        .status,
    ).toBe(403);
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${board.facilitatorKey}` },
      body,
    });
    expect(response.status).toBe(201);
    const saved = (await response.json()) as TemplateSummary;
    expect(saved).toMatchObject({ title: { fr: 'PGO du rectorat' }, totalDurationMs: 120 * 60_000 });
    expect(saved.steps.map((step) => step.id)).toContain('theme-vote');

    // Listed for its facilitator (see templates.test.ts for who else sees it).
    const list = (await (
      await fetch(`${server.url}/api/templates/owned`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ facilitatorKeys: [board.facilitatorKey] }),
      })
    ).json()) as TemplateList;
    expect(list.templates.map((template) => template.id)).toContain(saved.id);

    const copy = await createBoard(server.url, { title: 'Nouvelle session', template: saved.id });
    expect(copy.template).toBe(saved.id);
    const reader = (await joined(copy.id, 'Lecteur')).client;
    // The layout and its frames came along; what people wrote did not.
    expect(reader.notes()).toHaveLength(0);
    expect(themeColumn(reader, 'open-data').id).toBe(themeColumn(camille.client, 'open-data').id);
    const session = (await (
      await fetch(`${server.url}/api/boards/${copy.id}/session`)
    ).json()) as PublicSessionState;
    expect(session.steps.map((step) => step.id)).toEqual(saved.steps.map((step) => step.id));
  });
});

describe('an identity map exported for uMap', () => {
  it('places identity cards by their académie in labs.csv and labs.geojson', async () => {
    const board = await createBoard(server.url, { title: 'Cartographie des labs', template: 'identity-map' });
    const { client } = await joined(board.id, 'Camille');
    const blank = shapes(client).filter(
      (record): record is TLGeoShape => record.typeName === 'shape' && readCard(record)?.kind === 'identity',
    );
    expect(blank.length).toBeGreaterThan(2);
    const fields = (labName: string, academie: IdentityCardFields['academie']): IdentityCardFields => ({
      labName,
      academie,
      dedicatedSpace: 'yes',
      innovationTypes: ['pedagogical', 'digital'],
      services: ['collaborative-sessions'],
      servicesOther: '=HYPERLINK("x")',
      stage: 'active',
      needs: [],
    });
    client.store.put([
      withCard(blank[0]!, 'identity', fields('Lab 110 bis', 'paris'), 'fr'),
      withCard(blank[1]!, 'identity', fields('Lab de Lyon', 'lyon'), 'fr'),
      withCard(blank[2]!, 'identity', fields('Lab sans académie', null), 'fr'),
    ]);
    const watcher = (await joined(board.id, 'Témoin')).client;
    await watcher.waitFor(
      () =>
        shapes(watcher).some(
          (record) => readCard(record)?.fields && JSON.stringify(record).includes('Lab de Lyon'),
        ),
      10_000,
      'the filled cards to sync',
    );

    const geo = await download(board.id, 'labs.geojson');
    expect(geo.response.headers.get('content-disposition')).toMatch(
      /filename="cartographie-des-labs-labs-.*\.geojson"/,
    );
    const collection = JSON.parse(geo.text) as {
      features: { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[];
    };
    expect(collection.features).toHaveLength(2);
    const paris = collection.features.find((feature) =>
      JSON.stringify(feature.properties).includes('Lab 110 bis'),
    );
    // The rectorat de Paris, [lon, lat].
    expect(paris?.geometry.coordinates[0]).toBeCloseTo(2.3, 0);
    expect(paris?.geometry.coordinates[1]).toBeCloseTo(48.8, 0);

    const csv = await download(board.id, 'labs.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('Lab de Lyon');
    expect(csv.text).not.toContain('Lab sans académie');
    // A formula is defused for spreadsheets.
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('spreadsheets', () => {
  /** The cells of a workbook's first sheet, as ExcelJS reads them back. */
  async function sheetRows(bytes: Buffer): Promise<{ values: unknown[][]; types: number[] }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values: unknown[][] = [];
    const types: number[] = [];
    sheet.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1));
      row.eachCell((cell) => types.push(cell.type));
    });
    return { values, types };
  }

  it('notes.csv defuses formulas behind spaces and quotes separators; notes.xlsx holds the same text, as text', async () => {
    const board = await createBoard(server.url, { title: 'Tableur' });
    const { client } = await joined(board.id, 'Camille');
    const texts = [' =1+1', 'x;=1+1;y', 'a,=2+2', '@SUM(A1)', 'Des idées simples'];
    for (const [i, text] of texts.entries()) client.addNote(text, { x: 100, y: 100 + i * 300 });
    const watcher = (await joined(board.id, 'Témoin')).client;
    await watcher.waitFor(() => watcher.notes().length === texts.length, 10_000, 'the notes to sync');

    const csv = await download(board.id, 'notes.csv');
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(texts.length + 1);
    expect(csv.text).toContain(",' =1+1,");
    expect(csv.text).toContain(',"x;=1+1;y",');
    expect(csv.text).toContain(',"a,=2+2",');
    expect(csv.text).toContain(",'@SUM(A1),");

    const xlsx = await download(board.id, 'notes.xlsx');
    expect(xlsx.response.status).toBe(200);
    expect(xlsx.response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.response.headers.get('content-disposition')).toMatch(/filename="tableur-post-its-.*\.xlsx"/);
    const { values, types } = await sheetRows(xlsx.bytes);
    // The header and one row per note, in the CSV's order; every note's text exactly as written.
    expect(values).toHaveLength(lines.length);
    expect(values[0]).toContain('texte');
    const column = (values[0] as string[]).indexOf('texte');
    expect(values.slice(1).map((row) => row[column])).toEqual(texts);
    // Nothing in the workbook is a formula (ExcelJS ValueType.Formula is 6).
    expect(types).not.toContain(ExcelJS.ValueType.Formula);
    fs.writeFileSync(path.join(artifacts, 'notes.xlsx'), xlsx.bytes);
  });

  it('labs.xlsx holds the rows of labs.csv', async () => {
    const board = await createBoard(server.url, { title: 'Cartes', template: 'identity-map' });
    const xlsx = await download(board.id, 'labs.xlsx');
    expect(xlsx.response.status).toBe(200);
    const { values } = await sheetRows(xlsx.bytes);
    expect(values[0]).toEqual(expect.arrayContaining(['name', 'lat', 'lon', 'academie']));
    expect(values).toHaveLength(1);
  });
});
