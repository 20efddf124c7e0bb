// The labs' map in a real browser (issue 15): 30 labs imported from last year's map, readable as pins at
// the map's fitted zoom on three screens, as a participant and as the facilitator; a card placed on its
// académie by choosing it in the form; two people on one card see each other.
import fs from 'node:fs';
import path from 'node:path';
import { academies } from '@atelier/board-schema';
import { renderLabsGeoJson } from '@atelier/export';
import type { CreatedBoard } from '@atelier/protocol';
import { academieAt } from '@atelier/templates';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardRecords, enterBoard, eventually, lastYearsLabs, type BoardRecord } from './support/app';
import { devices, openIsolatedPage, type Device } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function api(pathname: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.server.url}${pathname}`, init);
}

async function createBoard(): Promise<CreatedBoard> {
  const response = await api('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Journée des labs 2027', template: 'identity-map', locale: 'fr' }),
  });
  return (await response.json()) as CreatedBoard;
}

/** Last year's 30 labs, with names as long as real ones. */
function lastYearsMap(): string {
  return renderLabsGeoJson(
    lastYearsLabs(
      (academie, i) => `110 bis ${academies.find((a) => a.code === academie)!.name}${i >= 27 ? ' 2' : ''}`,
    ),
  );
}

async function goToMapStep(board: CreatedBoard): Promise<void> {
  const response = await api(`/api/boards/${board.id}/session/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
    body: JSON.stringify({ type: 'step.goto', stepId: 'place-card', start: true }),
  });
  expect(response.status).toBe(200);
}

async function atTheStep(page: Page): Promise<void> {
  await page.locator('[data-testid="facilitation-header"][data-at-place="true"]').waitFor();
  // tldraw animates the camera to the step's frame.
  await page.waitForTimeout(800);
}

const card = (record: BoardRecord) =>
  record.meta?.['atelier.card'] === 'identity'
    ? (record.meta['atelier.fields'] as { academie: string | null; labName: string })
    : undefined;

describe('the labs’ map in the browser', () => {
  it('shows 30 imported labs as readable pins at the map’s fitted zoom, on every screen', async () => {
    const board = await createBoard();
    const imported = await api(`/api/boards/${board.id}/labs/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.facilitatorKey}` },
      body: lastYearsMap(),
    });
    expect(await imported.json()).toMatchObject({ created: 30 });
    await goToMapStep(board);

    const shots: [string, Device, string][] = [
      ['facilitator', devices.desktop, board.facilitatorUrl],
      ['participant', devices.desktop, board.participantUrl],
      ['participant', devices.tablet, board.participantUrl],
      ['facilitator', devices.tablet, board.facilitatorUrl],
      ['participant', devices.phone, board.participantUrl],
      ['facilitator', devices.phone, board.facilitatorUrl],
    ];
    for (const [role, device, url] of shots) {
      const { page, watch } = await openIsolatedPage(app.browser, app.server.url, device);
      await enterBoard(page, url, role === 'facilitator' ? 'Animatrice' : 'Camille', 'Lab 110 bis');
      await atTheStep(page);
      // Every pin is drawn, and on a laptop each one's name is on screen at the fitted zoom.
      const pins = page.locator('.tl-shape').filter({ hasText: /^110 bis/ });
      await eventually(
        () => pins.count(),
        (count) => count === 30,
        '30 pins',
      );
      if (device === devices.desktop) {
        const names = await page
          .locator('.tl-shape')
          .getByText('110 bis Dijon', { exact: true })
          .boundingBox();
        // Readable: the name's line is about 10 px tall on screen (tldraw's small label at the fitted zoom).
        expect(names?.height ?? 0).toBeGreaterThanOrEqual(9);
      }
      const file = `labs-map-30-${role}-${device.viewport.width}x${device.viewport.height}.png`;
      await page.screenshot({ path: path.join(artifacts, file) });
      expect(watch.errors.filter((e) => /pageerror/.test(e))).toEqual([]);
      await page.context().close();
    }
    expect(fs.existsSync(path.join(artifacts, 'labs-map-30-facilitator-1440x900.png'))).toBe(true);
  });

  it('moves a card onto its académie when it is chosen in the form, and shows who else is on the card', async () => {
    const board = await createBoard();
    const { page } = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await enterBoard(page, board.participantUrl, 'Camille', 'Lab des Savoirs');
    const before = await boardRecords(app.server.url, board.id);
    const blank = before.find((record) => card(record) !== undefined)!;
    const map = before.find(
      (r) => (r.meta?.['atelier.zone'] as { kind?: string } | undefined)?.kind === 'map',
    )!;

    // The facilitator has the same card open.
    const other = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await enterBoard(other.page, board.facilitatorUrl, 'Animatrice', 'Lab 110 bis');
    for (const p of [page, other.page]) {
      await p.locator('[data-testid="facilitation-header"][data-at-place="true"]').waitFor();
      await p.locator(`.tl-shape[data-shape-id="${blank.id}"]`).click();
      await p.getByRole('button', { name: 'Remplir la fiche' }).click();
    }
    const panel = page.getByTestId('card-panel');
    await panel.getByTestId('card-coediting').filter({ hasText: 'Animatrice' }).waitFor();
    await other.page
      .getByTestId('card-panel')
      .getByTestId('card-coediting')
      .filter({ hasText: 'Camille' })
      .waitFor();

    await panel.getByLabel('Nom du lab').fill('Lab des Savoirs');
    await panel.getByLabel('Académie', { exact: true }).selectOption({ label: 'Strasbourg' });
    const after = await eventually(
      () => boardRecords(app.server.url, board.id),
      (list) => card(list.find((r) => r.id === blank.id)!)?.academie === 'strasbourg',
      'the card to take Strasbourg',
    );
    const pin = after.find((r) => r.id === blank.id)! as BoardRecord & {
      parentId: string;
      x: number;
      y: number;
      props: { w: number; h: number };
    };
    expect(pin.parentId).toBe(map.id);
    expect(pin.meta?.['atelier.view']).toBe('pin');
    expect(academieAt(pin.x + pin.props.w / 2, pin.y + pin.props.h / 2)).toBe('strasbourg');
    await page.screenshot({ path: path.join(artifacts, 'labs-map-form-moves-pin.png') });
    await other.page.screenshot({ path: path.join(artifacts, 'labs-map-coediting-facilitator.png') });
    await other.page.context().close();
    await page.context().close();
  });
});
