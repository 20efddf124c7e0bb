// What the identity map weighs (issue 15): the board's document in bytes and a client's join time over
// the Socket.IO tunnel, printed for the report (the bench owns timed figures; nothing here is asserted
// on time). `MEASURE_URL` measures another running server instead (e.g. an older build).
import { academies, emptyCardFields } from '@atelier/board-schema';
import { renderLabsGeoJson } from '@atelier/export';
import type { CreatedBoard } from '@atelier/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSocketIoClient,
  createBoard,
  startServer,
  tempDir,
  type RunningServer,
} from '@atelier/testkit';

let server: RunningServer | null = null;
let url: string;

beforeAll(async () => {
  if (process.env.MEASURE_URL) url = process.env.MEASURE_URL;
  else {
    server = await startServer({ dataDir: tempDir() });
    url = server.url;
  }
});
afterAll(async () => {
  await server?.stop();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('identity map weight', () => {
  it('prints the board’s size and a client’s join time, empty and with 30 labs', async () => {
    await measure('identity map', await createBoard(url, { title: 'Poids', template: 'identity-map' }));
    const board = await createBoard(url, { title: 'Poids, 30 labs', template: 'identity-map' });
    const labs = academies.slice(0, 30).map((a, i) => ({
      ...emptyCardFields('identity'),
      labId: `lab-${i}`,
      labName: `110 bis ${a.name}`,
      academie: a.code,
      innovationTypes: ['digital' as const],
      stage: 'active' as const,
    }));
    const imported = await fetch(`${url}/api/boards/${board.id}/labs/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.facilitatorKey}` },
      body: renderLabsGeoJson(labs),
    });
    // An older server has no import: only the empty map is measured there.
    if (imported.ok) await measure('identity map with 30 labs', board);
  });
});

async function measure(what: string, board: CreatedBoard): Promise<void> {
  {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const client = connectSocketIoClient(url, { boardId: board.id, name: `Mesure ${i}` });
      await client.loaded;
      times.push(performance.now() - started);
      bytes = client.store
        .allRecords()
        .filter(
          (r) => r.typeName !== 'instance_presence' && r.typeName !== 'camera' && r.typeName !== 'instance',
        )
        .reduce((sum, r) => sum + JSON.stringify(r).length, 0);
      client.close();
    }
    // The first join opens the room (reads the store); the others find it open.
    console.log(
      `${what}: ${bytes} bytes of records; join ${times[0]!.toFixed(0)} ms (room closed), median ${median(times.slice(1)).toFixed(0)} ms (room open)`,
    );
    expect(bytes).toBeGreaterThan(0);
  }
}
