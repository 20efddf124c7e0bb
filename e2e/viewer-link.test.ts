// The share dialog's read-only link (issue 12, row 3) in the browser: the facilitator finds it there
// (or makes a new one), it names nothing of the board, and the page it opens shows the board live
// without any way to change it. Screenshots of the share dialog at the three screen sizes.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterBoard, seriousViolations, writeStickyNote } from './support/app';
import { devices, openIsolatedPage } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function createBoardThroughHome(page: Page) {
  await page.goto(app.server.url);
  await page.getByLabel('Titre du tableau').fill('Restitution');
  await page.getByRole('button', { name: 'Créer le tableau' }).click();
  await page.getByText('Votre tableau est prêt').waitFor();
  return {
    participantUrl: await page.getByLabel('Lien participants (à partager)').inputValue(),
    facilitatorUrl: await page.getByLabel('Lien animateur (à garder pour vous)').inputValue(),
    viewerUrl: await page.getByLabel('Lien en lecture seule (pour projeter ou diffuser)').inputValue(),
  };
}

async function openShareDialog(page: Page) {
  await page.getByRole('button', { name: 'Partager' }).click();
  return page.getByRole('dialog', { name: 'Inviter des participants' });
}

const notesOn = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]');

describe('the read-only link of the share dialog', () => {
  it('opens a page that shows the board live and cannot change it', async () => {
    const facilitator = await openIsolatedPage(app.browser, app.server.url);
    const links = await createBoardThroughHome(facilitator.page);
    const boardId = links.participantUrl.slice(links.participantUrl.lastIndexOf('/') + 1);
    expect(links.viewerUrl).toMatch(/\/v\/[A-Za-z0-9_-]{32}$/);
    expect(links.viewerUrl).not.toContain(boardId);
    await enterBoard(facilitator.page, links.facilitatorUrl, 'Animatrice');
    await writeStickyNote(facilitator.page, 'Avant', { x: 600, y: 400 });

    // The facilitator finds the link given at creation in the share dialog.
    const dialog = await openShareDialog(facilitator.page);
    const field = dialog.getByLabel('Lien en lecture seule (pour projeter ou diffuser)');
    expect(await field.inputValue()).toBe(links.viewerUrl);
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const viewer = await openIsolatedPage(app.browser, app.server.url);
    await enterBoard(viewer.page, links.viewerUrl, 'Projecteur');
    await viewer.page.getByTestId('connection-badge').filter({ hasText: 'Lecture seule' }).waitFor();
    await notesOn(viewer.page).getByText('Avant').waitFor();
    // Nothing to share or export from there: both need the board's id, which the page never learns.
    expect(await viewer.page.getByRole('button', { name: 'Partager' }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Exporter' }).count()).toBe(0);
    expect(await viewer.page.content()).not.toContain(boardId);

    // A note cannot be written: the note tool does nothing on a read-only board.
    await viewer.page.locator('.tl-canvas').click({ position: { x: 50, y: 300 } });
    await viewer.page.keyboard.press('n');
    await viewer.page.mouse.click(800, 500);
    await viewer.page.keyboard.type('Tentative');
    await viewer.page.keyboard.press('Escape');
    expect(await viewer.page.locator('.tl-shape [contenteditable="true"]').count()).toBe(0);
    // Live: the facilitator's next note reaches it, and the board still holds only theirs.
    await writeStickyNote(facilitator.page, 'Après', { x: 900, y: 400 });
    await notesOn(viewer.page).getByText('Après').waitFor();
    expect(await notesOn(facilitator.page).count()).toBe(2);
    expect(await notesOn(viewer.page).count()).toBe(2);
    expect(await notesOn(facilitator.page).getByText('Tentative').count()).toBe(0);
    expect(await seriousViolations(viewer.page, { exclude: ['.tl-canvas'] })).toEqual([]);
    await viewer.page.screenshot({ path: path.join(artifacts, 'viewer-page.png') });

    // A new link replaces the old one, which stops working.
    const again = await openShareDialog(facilitator.page);
    await again.getByRole('button', { name: 'Remplacer le lien en lecture seule' }).click();
    await again.getByText('Nouveau lien créé : l’ancien ne fonctionne plus.').waitFor();
    const renewed = await again.getByLabel('Lien en lecture seule (pour projeter ou diffuser)').inputValue();
    expect(renewed).not.toBe(links.viewerUrl);
    const oldKey = links.viewerUrl.slice(links.viewerUrl.lastIndexOf('/') + 1);
    expect((await fetch(`${app.server.url}/api/view/${oldKey}`)).status).toBe(404);
    await facilitator.page.context().close();
    await viewer.page.context().close();
  });

  it('share dialog, as the facilitator and as a participant, on a phone, a tablet and a laptop', async () => {
    const home = await openIsolatedPage(app.browser, app.server.url);
    const links = await createBoardThroughHome(home.page);
    await home.page.context().close();
    for (const [size, device] of Object.entries(devices)) {
      for (const [role, url] of [
        ['facilitator', links.facilitatorUrl],
        ['participant', links.participantUrl],
      ] as const) {
        const { page, watch } = await openIsolatedPage(app.browser, app.server.url, device);
        await enterBoard(page, url, role === 'facilitator' ? 'Animatrice' : 'Camille');
        const dialog = await openShareDialog(page);
        // On this device the facilitator has no copy of the link: the dialog offers to make one.
        if (role === 'facilitator') {
          await dialog.getByRole('button', { name: 'Créer un lien en lecture seule' }).waitFor();
        } else {
          expect(await dialog.getByText('lecture seule').count()).toBe(0);
        }
        expect(await seriousViolations(page, { exclude: ['.tl-canvas'] })).toEqual([]);
        await page.screenshot({ path: path.join(artifacts, `share-dialog-${role}-${size}.png`) });
        expect(watch.foreignRequests).toEqual([]);
        await page.context().close();
      }
    }
  });
});
