// Templates' cards in a real browser: an identity card filled through its form and dropped on the map
// takes the académie under it; a PGO board's theme vote turns into engagement cards.
import path from 'node:path';
import type { CreatedBoard } from '@atelier/protocol';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardRecords, enterBoard, eventually, type BoardRecord } from './support/app';
import { openIsolatedPage, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function createBoard(template: string, title: string): Promise<CreatedBoard> {
  const response = await fetch(`${app.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template, locale: 'fr' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedBoard;
}

const records = (boardId: string) => boardRecords(app.server.url, boardId);

const zone = (record: BoardRecord) => record.meta?.['atelier.zone'] as Record<string, string> | undefined;
const card = (record: BoardRecord) =>
  record.meta?.['atelier.card'] === undefined
    ? undefined
    : { kind: record.meta['atelier.card'], fields: record.meta['atelier.fields'] as Record<string, unknown> };

async function centreOf(page: Page, shapeId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.tl-shape[data-shape-id="${shapeId}"]`).boundingBox();
  if (!box) throw new Error(`${shapeId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function zoomToFit(page: Page): Promise<void> {
  // Once the board has brought this person to the step (on arrival), zoom out to the whole board.
  await page.locator('[data-testid="facilitation-header"][data-at-place="true"]').waitFor();
  await page.keyboard.press('Shift+1');
  // tldraw animates the camera; wait until it settles.
  await page.waitForTimeout(600);
}

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors.filter((error) => /pageerror|Content Security Policy/.test(error))).toEqual([]);
}

describe('cards of the templates in the browser', () => {
  it('an identity card filled through its form takes the académie of the map where it is dropped', async () => {
    const board = await createBoard('identity-map', 'Cartographie des labs');
    const { page, watch } = await openIsolatedPage(app.browser, app.server.url);
    // Labs fill their own cards: a participant, without the facilitator's panel over the tray.
    await enterBoard(page, board.participantUrl, 'Camille', 'Lab des Savoirs');

    const initial = await records(board.id);
    const blank = initial.find((record) => card(record)?.kind === 'identity');
    const lyon = initial.find(
      (record) => zone(record)?.kind === 'academie-marker' && zone(record)?.academie === 'lyon',
    );
    expect(blank && lyon).toBeTruthy();
    expect(card(blank!)?.fields.academie).toBeNull();

    await zoomToFit(page);
    const start = await centreOf(page, blank!.id);
    await page.mouse.click(start.x, start.y);
    // The form opens from the card itself (a button on it), on every device.
    await page.getByRole('button', { name: 'Remplir la fiche' }).click();
    const panel = page.getByTestId('card-panel');
    await panel.getByRole('heading', { name: "Fiche d'identité du lab" }).waitFor();
    await panel.getByLabel('Nom du lab').fill('Lab des Savoirs');
    await panel.getByLabel('Stade').selectOption({ label: 'actif' });
    await panel.getByRole('checkbox', { name: 'numérique', exact: true }).check();
    await panel.getByRole('checkbox', { name: 'prototypage/fabrication' }).check();
    await panel.getByLabel('Contact').fill('lab@ac-lyon.fr');
    await eventually(
      () => records(board.id),
      (list) => card(list.find((record) => record.id === blank!.id)!)?.fields.labName === 'Lab des Savoirs',
      'the form to reach the board',
    );
    // The card's own text follows its fields.
    await page.locator(`.tl-shape[data-shape-id="${blank!.id}"]`).getByText('Lab des Savoirs').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'identity-card-form.png') });
    // The form itself passes the accessibility rules (labels, contrast, names).
    const audit = await new AxeBuilder({ page })
      .include('[data-testid="card-panel"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(audit.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    // Close the form (it sits over the map), then drag the card onto Lyon's marker.
    await panel.getByRole('button', { name: 'Fermer la fiche' }).click();
    await panel.waitFor({ state: 'detached' });
    const from = await centreOf(page, blank!.id);
    const to = await centreOf(page, lyon!.id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 10 });
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();

    const placed = await eventually(
      () => records(board.id),
      (list) => card(list.find((record) => record.id === blank!.id)!)?.fields.academie === 'lyon',
      'the card to take the académie of Lyon',
    );
    const moved = placed.find((record) => record.id === blank!.id)!;
    expect(card(moved)?.fields).toMatchObject({
      labName: 'Lab des Savoirs',
      stage: 'active',
      innovationTypes: ['digital'],
      services: ['prototyping'],
      contact: 'lab@ac-lyon.fr',
    });
    // Dropped on the map, the card now belongs to the map's frame.
    const map = placed.find((record) => zone(record)?.kind === 'map');
    expect(moved.parentId).toBe(map?.id);
    // On the map it is a pin: its name and its stage (P-PIN).
    expect(moved.meta?.['atelier.view']).toBe('pin');
    await page.locator(`.tl-shape[data-shape-id="${blank!.id}"]`).getByText('actif').first().waitFor();
    // Selected again by the drag: its form, opened again, shows the académie it took.
    await page.getByRole('button', { name: 'Remplir la fiche' }).click();
    await expect.poll(() => panel.getByLabel('Académie').inputValue()).toBe('lyon');
    await panel.getByRole('button', { name: 'Fermer la fiche' }).click();
    await page.screenshot({ path: path.join(artifacts, 'identity-map.png') });
    expectClean(watch);
    await page.context().close();
  });

  it('a PGO board: notes in the theme columns, a vote on the themes, then the server gives the two retained their engagement cards', async () => {
    const board = await createBoard('pgo', 'Atelier PGO');
    const { page, watch } = await openIsolatedPage(app.browser, app.server.url);
    await enterBoard(page, board.facilitatorUrl, 'Animatrice', 'Lab 110 bis');
    const initial = await records(board.id);
    const column = (theme: string) =>
      initial.find(
        (record) =>
          zone(record)?.kind === 'theme' && record.type === 'frame' && zone(record)?.theme === theme,
      )!;

    // Two ideas written on the canvas, in two theme columns.
    await zoomToFit(page);
    for (const [theme, text] of [
      ['open-data', 'Ouvrir les données'],
      ['environment', 'Potagers'],
    ] as const) {
      const box = (await page.locator(`.tl-shape[data-shape-id="${column(theme).id}"]`).boundingBox())!;
      await page.keyboard.press('n');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.6);
      await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
    const withNotes = await eventually(
      () => records(board.id),
      (list) => list.filter((record) => record.type === 'note').length === 2,
      'the two notes',
    );
    const notes = withNotes.filter((record) => record.type === 'note');
    for (const note of notes) {
      // Stamped with their author for the report.
      expect(note.meta?.['atelier.author']).toEqual(expect.any(String));
      expect(note.meta?.['atelier.createdAt']).toEqual(expect.any(Number));
    }
    const noteIn = (theme: string) => notes.find((note) => note.parentId === column(theme).id);
    expect(noteIn('open-data') && noteIn('environment')).toBeTruthy();

    const command = async (body: unknown) => {
      const response = await fetch(`${app.server.url}/api/boards/${board.id}/session/commands`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
    };
    // The kit's vote is on the themes' columns, for two places.
    const themeVote = (
      (await (await fetch(`${app.server.url}/api/boards/${board.id}/session`)).json()) as {
        steps: { id: string; frameId?: string; vote?: object }[];
      }
    ).steps.find((step) => step.id === 'theme-vote')!;
    await command({ type: 'step.goto', stepId: 'theme-vote' });
    await command({ type: 'vote.open', ...themeVote.vote, frameId: themeVote.frameId });
    await command({ type: 'vote.cast', itemId: column('open-data').id });
    await command({ type: 'vote.cast', itemId: column('environment').id });
    await command({ type: 'vote.close' });
    // The decision reaches the page over its socket; the server writes the cards on the board.
    await page.getByTestId('decision').getByText('Thématiques retenues').first().waitFor();
    const withCards = await eventually(
      () => records(board.id),
      (list) => list.filter((record) => card(record)?.kind === 'engagement').length === 2,
      'two engagement cards',
    );
    const themes = withCards
      .filter((record) => card(record)?.kind === 'engagement')
      .map((record) => card(record)?.fields.theme)
      .sort();
    expect(themes).toEqual(['environment', 'open-data']);
    const engagements = withCards.find(
      (record) => zone(record)?.kind === 'step' && zone(record)?.stepId === 'engagements',
    );
    for (const record of withCards.filter((r) => card(r)?.kind === 'engagement'))
      expect(record.parentId).toBe(engagements?.id);

    // The decision is written in the themes frame.
    const slot = withCards.find((record) => zone(record)?.kind === 'decision');
    expect(JSON.stringify(slot?.props)).toContain('Thématiques retenues');
    await page.screenshot({ path: path.join(artifacts, 'pgo-board.png') });
    expectClean(watch);
    await page.context().close();
  });
});
