// Private writing and the room in real browsers (issue 14, items 2 and 3): during PGO's private
// reflection a participant's idea stays on their page only until "Révéler"; the facilitator sees the
// room (who wrote, who has not), gets "Besoin d'aide" with "Y aller", broadcasts a banner, and
// reactions float for everyone. On a phone, a tablet and a laptop, as participant and facilitator.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
// First: axe-core must load before testkit gives this process the browser globals tldraw needs.
import {
  boardRecords,
  createBoardAt,
  enterBoard,
  eventually,
  facilitatorCommand,
  seriousViolations,
} from './support/app';
import { devices, openIsolatedPage, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();
const PATIENCE = { timeout: 10_000 };

interface Person {
  page: Page;
  watch: PageWatch;
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(device: keyof typeof devices, url: string, name: string): Promise<Person> {
  const person = await openIsolatedPage(app.browser, app.server.url, devices[device]);
  cleanups.push(async () => {
    expect(person.watch.errors.filter((error) => /pageerror/.test(error))).toEqual([]);
    await person.page.context().close();
  });
  await enterBoard(person.page, url, name);
  return person;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifacts, `room-${name}.png`) });

/** Opens the private panel when a compact screen folded it. */
async function privatePanel(page: Page) {
  const panel = page.getByTestId('private-notes');
  await panel.waitFor(PATIENCE);
  const show = panel.getByRole('button', { name: 'Afficher mes idées privées' });
  if (await show.isVisible()) await show.click();
  return panel;
}

async function writePrivately(page: Page, text: string, zone?: string) {
  const panel = await privatePanel(page);
  await panel.getByLabel('Nouvelle idée').fill(text);
  if (zone) await panel.getByLabel('Où la placer').selectOption({ label: zone });
  await panel.getByRole('button', { name: 'Ajouter' }).click();
  await panel.getByTestId('private-note').filter({ hasText: text }).waitFor(PATIENCE);
}

describe('private writing, then reveal; the room', () => {
  it('keeps an idea on its author’s page until "Révéler", and shows the facilitator the room', async () => {
    const board = await createBoardAt(app.server.url, { title: 'PGO privé', template: 'pgo', locale: 'fr' });
    await facilitatorCommand(app.server.url, board, { type: 'step.goto', stepId: 'themes' });
    const facilitator = await open('desktop', board.facilitatorUrl, 'Marianne');
    const phone = await open('phone', board.participantUrl, 'Camille');
    const tablet = await open('tablet', board.participantUrl, 'Malik');

    const secret = 'Une infirmière dans chaque collège, idée secrète';
    await writePrivately(phone.page, secret, "Santé à l'école/université");
    await shot(phone.page, 'participant-private-390');
    // The list view holds the same private list, and no way to put a note on the board meanwhile.
    await phone.page.keyboard.press('Alt+Shift+L');
    const list = phone.page.getByTestId('list-view');
    await list.getByTestId('private-note').filter({ hasText: secret }).waitFor(PATIENCE);
    expect(await list.getByRole('button', { name: /Ajouter un post-it/ }).count()).toBe(0);
    await shot(phone.page, 'participant-private-list-390');
    for (const [size, device] of [
      ['1024', devices.tablet],
      ['1440', devices.desktop],
    ] as const) {
      await phone.page.setViewportSize(device.viewport);
      await shot(phone.page, `participant-private-list-${size}`);
    }
    await phone.page.setViewportSize(devices.phone.viewport);
    await list.getByRole('button', { name: 'Revenir au tableau' }).click();
    await list.waitFor({ state: 'detached', ...PATIENCE });
    // The server's answer that the write went round: the facilitator's count, then Malik's own idea
    // (a later change on the same state): neither page holds Camille's text.
    await facilitator.page.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();
    // "La salle" is open at a private step.
    // The facilitator still writes on the board itself: only participants write privately.
    await facilitator.page.getByRole('button', { name: 'Ajouter un post-it' }).waitFor(PATIENCE);
    expect(await facilitator.page.getByRole('button', { name: 'Écrire une idée privée' }).count()).toBe(0);
    const room = facilitator.page.getByTestId('room-view');
    await room.getByTestId('pending-count').filter({ hasText: '1 idée(s) en attente' }).waitFor(PATIENCE);
    // Malik uses the big button: during a private step it opens his list, ready to type (S-PRIV-7).
    await tablet.page.getByRole('button', { name: 'Écrire une idée privée' }).click();
    const malikBox = tablet.page.getByTestId('private-notes').getByLabel('Nouvelle idée');
    await expect.poll(() => malikBox.evaluate((el) => el === document.activeElement), PATIENCE).toBe(true);
    await writePrivately(tablet.page, 'Le point de vue de Malik');
    // tldraw's note tool (N) would put a note on the shared board: it brings him back to his list.
    await malikBox.blur();
    await tablet.page.keyboard.press('n');
    await expect.poll(() => malikBox.evaluate((el) => el === document.activeElement), PATIENCE).toBe(true);
    await room.getByTestId('pending-count').filter({ hasText: '2 idée(s) en attente' }).waitFor(PATIENCE);
    for (const other of [facilitator.page, tablet.page]) {
      expect(await other.content()).not.toContain('infirmière dans chaque collège');
    }
    await shot(tablet.page, 'participant-private-1024');
    expect(await seriousViolations(phone.page, { exclude: ['.tl-canvas', '.tl-nametag'] })).toEqual([]);

    // The room: both wrote (privately), nobody is left out; Malik asks for help.
    await room
      .getByTestId('not-yet-contributed')
      .filter({ hasText: 'Tout le monde a contribué.' })
      .waitFor(PATIENCE);
    await tablet.page.getByRole('button', { name: 'Besoin d’aide', exact: true }).click();
    const alert = facilitator.page.getByTestId('help-alert').filter({ hasText: 'Malik' });
    await alert.waitFor(PATIENCE);
    await tablet.page.getByText('Aide demandée').waitFor(PATIENCE);
    await shot(facilitator.page, 'facilitator-room-1440');
    // tldraw's name tags of other people's cursors are drawn in their colour, not ours to check here.
    expect(await seriousViolations(facilitator.page, { exclude: ['.tl-canvas', '.tl-nametag'] })).toEqual([]);
    await alert.getByRole('button', { name: 'Y aller : Malik' }).click();
    await alert.getByRole('button', { name: 'Marquer réglé : Malik' }).click();
    await alert.waitFor({ state: 'detached', ...PATIENCE });
    await tablet.page.getByRole('button', { name: 'Besoin d’aide', exact: true }).waitFor(PATIENCE);

    // A message to everyone, until each closes it.
    await room.getByLabel('Message à tout le monde').fill('Retour en plénière dans 2 min');
    await room.getByRole('button', { name: 'Diffuser' }).click();
    for (const person of [phone, tablet, facilitator]) {
      await person.page
        .getByTestId('room-banner')
        .filter({ hasText: 'Retour en plénière dans 2 min' })
        .waitFor(PATIENCE);
    }
    await shot(phone.page, 'participant-banner-390');
    await phone.page.getByRole('button', { name: 'Fermer le message' }).click();
    await phone.page.getByTestId('room-banner').waitFor({ state: 'detached', ...PATIENCE });
    await tablet.page.getByTestId('room-banner').waitFor(PATIENCE);

    // A reaction floats on every page, drawn (an SVG), and is gone a moment later.
    await tablet.page.getByRole('button', { name: 'Réagir : bonne idée' }).click();
    const floating = facilitator.page.locator('.room-floating-item[data-icon="idea"] svg');
    await floating.waitFor(PATIENCE);
    await phone.page.locator('.room-floating-item[data-icon="idea"]').waitFor(PATIENCE);
    await floating.waitFor({ state: 'detached', ...PATIENCE });

    // "Révéler": every idea on the board at once, anonymous, Camille's in the column she chose.
    await room.getByRole('button', { name: 'Révéler' }).click();
    // On the canvas (tldraw may hide a shape outside the view: attached is enough).
    await tablet.page
      .getByText(secret)
      .first()
      .waitFor({ state: 'attached', ...PATIENCE });
    await facilitator.page
      .getByText(secret)
      .first()
      .waitFor({ state: 'attached', ...PATIENCE });
    await phone.page.getByText('2 idée(s) révélée(s) sur le tableau.').waitFor(PATIENCE);
    const records = await eventually(
      () => boardRecords(app.server.url, board.id),
      (all) => all.some((record) => JSON.stringify(record.props ?? {}).includes('infirmière')),
      'the revealed note',
    );
    const note = records.find((record) => JSON.stringify(record.props ?? {}).includes('infirmière'))!;
    const column = records.find((record) => record.id === note.parentId);
    expect((column?.props as { name?: string } | undefined)?.name).toBe("Santé à l'école/université");
    expect(note.meta?.['atelier.author']).toBeUndefined();
    await facilitator.page.getByRole('button', { name: 'Revenir à l’étape' }).click();
    await facilitator.page.getByText(secret).first().waitFor(PATIENCE);
    await shot(facilitator.page, 'facilitator-revealed-1440');
    await shot(tablet.page, 'participant-revealed-1024');

    // The same screens at the other sizes.
    await facilitator.page.setViewportSize(devices.tablet.viewport);
    await shot(facilitator.page, 'facilitator-room-1024');
    await facilitator.page.setViewportSize(devices.phone.viewport);
    await shot(facilitator.page, 'facilitator-room-390');
    await tablet.page.setViewportSize(devices.desktop.viewport);
    await shot(tablet.page, 'participant-1440');
  }, 120_000);
});
