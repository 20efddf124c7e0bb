// Last year's map updated (issue 15): 30 labs imported as pins through the room, 3 of them updated by
// real clients during the session, the map exported for uMap with the same ids; then published to the
// community's registry and read back at its stable, CORS-open address.
import { isPin, readCard, withCard, type IdentityCardFields } from '@atelier/board-schema';
import { renderLabsGeoJson } from '@atelier/export';
import type { CreatedBoard, LabsImportResult, LabsPublishResult } from '@atelier/protocol';
import { academieOfPlace } from '@atelier/templates';
import type { TLRecord, TLShape } from '@tldraw/tlschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  lastYearsLabs,
  startServer,
  tempDir,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';

let server: RunningServer;
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir: tempDir(), env: { LABS_REGISTRY: 'on' } });
});
afterAll(async () => {
  for (const client of open.splice(0)) client.close();
  await server?.stop();
});

function post(path: string, body: string, key?: string, contentType = 'application/geo+json') {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body,
  });
}

function identityShapes(client: TestSyncClient): TLShape[] {
  return client.store
    .allRecords()
    .filter((r): r is TLShape => r.typeName === 'shape' && readCard(r as TLShape)?.kind === 'identity');
}

function pins(client: TestSyncClient): TLShape[] {
  return identityShapes(client).filter((shape) => isPin(shape));
}

interface Feature {
  id?: string;
  geometry: { coordinates: [number, number] };
  properties: Record<string, string>;
}

describe('last year’s map, updated live, exported with the same ids', () => {
  let board: CreatedBoard;
  let camille: TestSyncClient;
  let witness: TestSyncClient;

  beforeAll(async () => {
    board = await createBoard(server.url, { title: 'Carto 2027', template: 'identity-map' });
    camille = connectSocketIoClient(server.url, { boardId: board.id, name: 'Camille', lab: 'Lab 3' });
    open.push(camille);
    await camille.loaded;
  });

  it('imports 30 labs as pins on their académies, seen live by a participant (written through the room)', async () => {
    const file = renderLabsGeoJson(lastYearsLabs());
    const refused = await post(`/api/boards/${board.id}/labs/import`, file);
    expect(refused.status).toBe(401);
    const response = await post(`/api/boards/${board.id}/labs/import`, file, board.facilitatorKey);
    expect(response.status).toBe(200);
    expect((await response.json()) as LabsImportResult).toEqual({
      format: 'geojson',
      created: 30,
      updated: 0,
      unchanged: 0,
      skipped: [],
    });
    await camille.waitFor(() => pins(camille).length === 30, 10_000, 'the 30 pins to reach a participant');
    const ids = pins(camille).map((shape) => (readCard(shape)!.fields as IdentityCardFields).labId);
    expect(new Set(ids)).toEqual(new Set(lastYearsLabs().map((lab) => lab.labId)));
  });

  it('imports the same file again without duplicating a lab', async () => {
    const response = await post(
      `/api/boards/${board.id}/labs/import`,
      renderLabsGeoJson(lastYearsLabs()),
      board.facilitatorKey,
    );
    expect(await response.json()).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    expect(pins(camille)).toHaveLength(30);
  });

  it('keeps 3 labs’ updates made in the session, and exports the map with the same ids', async () => {
    const byLabId = (labId: string) =>
      pins(camille).find((s) => (readCard(s)!.fields as IdentityCardFields).labId === labId)!;
    const change = (labId: string, update: Partial<IdentityCardFields>) => {
      const shape = byLabId(labId);
      const fields = readCard(shape)!.fields as IdentityCardFields;
      camille.store.put([withCard(shape, 'identity', { ...fields, ...update }, 'fr')]);
    };
    change('lab-2026-03', { stage: 'active', needs: ['funding'] });
    change('lab-2026-07', { labName: 'Lab 7 renommé', innovationTypes: ['digital', 'social'] });
    change('lab-2026-12', { academie: 'rennes', contact: 'nouveau@ac-rennes.fr' });
    // A second participant joining now sees the three changes: they are the room's.
    witness = connectSocketIoClient(server.url, { boardId: board.id, name: 'Témoin' });
    open.push(witness);
    await witness.loaded;
    await witness.waitFor(
      () => JSON.stringify(identityShapes(witness)).includes('nouveau@ac-rennes.fr'),
      10_000,
      'the changes to reach the room',
    );

    const response = await fetch(`${server.url}/api/boards/${board.id}/export/labs.geojson`);
    const { features } = (await response.json()) as { features: Feature[] };
    expect(features).toHaveLength(30);
    expect(new Set(features.map((f) => f.id))).toEqual(new Set(lastYearsLabs().map((lab) => lab.labId)));
    for (const f of features) expect(f.properties.id).toBe(f.id);
    const feature = (id: string) => features.find((f) => f.id === id)!;
    expect(feature('lab-2026-03').properties).toMatchObject({ stage: 'actif', needs: 'financement' });
    expect(feature('lab-2026-07').properties).toMatchObject({
      labName: 'Lab 7 renommé',
      innovationTypes: 'numérique, sociale',
    });
    expect(feature('lab-2026-12').properties).toMatchObject({
      academieCode: 'rennes',
      contact: 'nouveau@ac-rennes.fr',
    });
    // Every point is in France or its overseas territories, in the académie it names.
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(academieOfPlace(lat, lon), f.id).toBe(f.properties.academieCode);
    }
    // The others are as imported.
    expect(feature('lab-2026-01').properties.labName).toBe(lastYearsLabs()[0]!.labName);

    // The pairings come out too ("à échanger après l'atelier").
    const pairings = await fetch(`${server.url}/api/boards/${board.id}/export/pairings.csv`);
    expect(pairings.status).toBe(200);
    expect(await pairings.text()).toContain('même type : pédagogique');
  });

  it('refuses a file that is not a labs file, and a board without a map', async () => {
    const bad = await post(
      `/api/boards/${board.id}/labs/import`,
      '{"type":"Topology"}',
      board.facilitatorKey,
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'unsupported_file' } });
    const blank = await createBoard(server.url, { title: 'Vide' });
    const noMap = await post(
      `/api/boards/${blank.id}/labs/import`,
      renderLabsGeoJson(lastYearsLabs()),
      blank.facilitatorKey,
    );
    expect(noMap.status).toBe(409);
    expect(await noMap.json()).toMatchObject({ error: { code: 'conflict' } });
  });

  it('publishes the board to the registry after a confirmation, served at /api/labs.geojson with CORS', async () => {
    const publish = (dryRun: boolean) =>
      post(
        `/api/boards/${board.id}/labs/publish`,
        JSON.stringify({ dryRun }),
        board.facilitatorKey,
        'application/json',
      );
    const preview = (await (await publish(true)).json()) as LabsPublishResult;
    expect(preview).toMatchObject({ published: false, unchanged: 0 });
    expect(preview.added).toHaveLength(30);
    const empty = (await (await fetch(`${server.url}/api/labs.geojson`)).json()) as { features: Feature[] };
    expect(empty.features).toHaveLength(0);

    const done = (await (await publish(false)).json()) as LabsPublishResult;
    expect(done.published).toBe(true);
    const registry = await fetch(`${server.url}/api/labs.geojson`, {
      headers: { Origin: 'https://umap.example' },
    });
    expect(registry.headers.get('access-control-allow-origin')).toBe('*');
    expect(registry.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const { features } = (await registry.json()) as { features: Feature[] };
    expect(features.map((f) => f.id).sort()).toEqual(
      lastYearsLabs()
        .map((lab) => lab.labId)
        .sort(),
    );
    // CORS is open on that one route only.
    const other = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { Origin: 'https://umap.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    // A change made after publishing shows in the next confirmation as changed, not new.
    const shape = pins(camille).find(
      (s) => (readCard(s)!.fields as IdentityCardFields).labId === 'lab-2026-01',
    )!;
    const fields = readCard(shape)!.fields as IdentityCardFields;
    expect(fields.stage).not.toBe('active');
    camille.store.put([withCard(shape, 'identity', { ...fields, stage: 'active' }, 'fr')]);
    // Once another client has it, the room has it.
    await witness.waitFor(
      () =>
        identityShapes(witness).some(
          (s) =>
            (readCard(s)!.fields as IdentityCardFields).labId === 'lab-2026-01' &&
            (readCard(s)!.fields as IdentityCardFields).stage === 'active',
        ),
      10_000,
      'the change to reach the room',
    );
    const again = (await (await publish(true)).json()) as LabsPublishResult;
    expect(again).toMatchObject({
      added: [],
      changed: [{ id: 'lab-2026-01', fields: ['stage'] }],
      unchanged: 29,
    });
  });

  it('starts next year’s identity map from the registry', async () => {
    const next = await createBoard(server.url, {
      title: 'Carto 2028',
      template: 'identity-map',
      labs: 'registry',
    });
    const client = connectSocketIoClient(server.url, { boardId: next.id, name: 'Malik' });
    open.push(client);
    await client.loaded;
    expect(pins(client)).toHaveLength(30);
    const records = client.store.allRecords() as TLRecord[];
    expect(records.some((r) => r.typeName === 'asset')).toBe(true);
    // Without the registry option, or on another template, a board cannot ask for it.
    const refused = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'PGO', template: 'pgo', labs: 'registry' }),
    });
    expect(refused.status).toBe(400);
  });
});
