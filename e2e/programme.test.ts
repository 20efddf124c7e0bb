// A day on one board in the browser (P-PROG): a facilitator composes three sections on the home page
// (a welcome talk at 9 h 30, a flash co-dev in 3 groups, an ideation in 3 groups), creates the board and
// plays it; participants on a phone and a tablet follow "Programme de la journée". Screenshots of the
// composer, the board with its sections and the participants' programme, at 390×844, 1024×768 (touch)
// and 1440×900.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterBoard, facilitatorCommand, seriousViolations } from './support/app';
import { devices, openIsolatedPage, type Device } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function composeDay(page: Page): Promise<void> {
  const composer = page.getByTestId('programme-composer');
  await composer.getByLabel('Titre de la journée').fill('Journée de la communauté des labs');
  // The composer starts with a talk at 9 h 30 and an ideation; a co-dev goes in between.
  await composer.getByLabel('Sujet et intervenant·es').first().fill('Mot de bienvenue');
  await composer.getByRole('button', { name: 'Ajouter une séquence' }).click();
  await composer.locator('select').nth(2).selectOption('codev-flash');
  await composer.getByRole('button', { name: 'Monter la séquence 3' }).click();
  // A break added then removed: the list is editable before creation.
  await composer.getByRole('button', { name: 'Ajouter une séquence' }).click();
  await composer.getByRole('button', { name: 'Retirer la séquence 4' }).click();
  await expect.poll(() => composer.locator('select').count()).toBe(3);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `programme-${name}.png`) });
}

describe('a programme composed on the home page', () => {
  it('the home page composes a day: planned times, reorder, remove; usable on phone and tablet', async () => {
    for (const [name, device] of Object.entries(devices) as [string, Device][]) {
      const { page } = await openIsolatedPage(app.browser, app.server.url, device);
      await page.goto(app.server.url);
      await composeDay(page);
      const composer = page.getByTestId('programme-composer');
      // 9 h 30 talk (20 min), then the co-dev at 9 h 50, the ideation at 10 h 25.
      await expect
        .poll(() => composer.getByTestId('section-planned').allInnerTexts())
        .toEqual(['9 h 30 · 20 min', '9 h 50 · 35 min', '10 h 25 · 30 min']);
      await expect
        .poll(() => composer.getByTestId('programme-total').innerText())
        .toBe('Durée totale : 85 min · fin prévue 10 h 55');
      await composer.scrollIntoViewIfNeeded();
      await shot(page, `composer-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('a facilitator creates the day and plays it; participants follow "Programme de la journée"', async () => {
    const { page } = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await page.goto(app.server.url);
    await composeDay(page);
    // The day starts a few minutes ago, so the drift the facilitator sees is a realistic one.
    const start = new Date(Date.now() - 5 * 60_000);
    const hhmm = `${String(start.getHours()).padStart(2, '0')}:${String(start.getMinutes()).padStart(2, '0')}`;
    await page.getByTestId('programme-composer').getByLabel('Heure de début (facultatif)').first().fill(hhmm);
    await page.getByRole('button', { name: 'Créer la journée' }).click();
    await page.getByRole('status').filter({ hasText: 'Journée créée' }).waitFor();
    const facilitatorUrl = await page
      .getByRole('link', { name: 'Ouvrir en tant qu’animateur' })
      .getAttribute('href');
    const participantUrl = await page.getByLabel('Lien participant').inputValue();
    const boardId = /\/b\/([A-Za-z0-9_-]{22})/.exec(participantUrl)![1]!;
    const facilitatorKey = /#k=(.+)$/.exec(facilitatorUrl!)![1]!;
    const board = { id: boardId, facilitatorKey } as Parameters<typeof facilitatorCommand>[1];

    await enterBoard(page, facilitatorUrl!, 'Marianne', 'Lab 110 bis', 45_000);
    const show = page.getByRole('button', { name: 'Afficher le panneau d’animation' });
    await show.waitFor();
    await show.click();
    const editor = page.getByTestId('programme-editor');
    await editor.waitFor();
    await expect.poll(() => editor.locator('li').allInnerTexts()).toHaveLength(3);
    // The drift is shown against the plan (the day was planned for 9 h 30: now is some other time).
    await editor.getByTestId('programme-drift').waitFor();
    await shot(page, 'facilitator-panel-drift-1440');
    // Zoomed out, the panel folded: the three sections, left to right under their titles.
    await page.getByRole('button', { name: 'Réduire le panneau d’animation' }).click();
    await page.locator('.tl-canvas').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(800);
    await shot(page, 'board-facilitator-1440');
    await page.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();

    const participants: Page[] = [];
    for (const [name, device] of [
      ['phone', devices.phone],
      ['tablet', devices.tablet],
    ] as const) {
      const opened = await openIsolatedPage(app.browser, app.server.url, device);
      await enterBoard(
        opened.page,
        participantUrl,
        name === 'phone' ? 'Camille' : 'Malik',
        'Lab de Lille',
        45_000,
      );
      participants.push(opened.page);
    }
    // Played: the welcome, then the co-dev.
    const state = await facilitatorCommand(app.server.url, board, { type: 'timer.start' });
    const codevFirst = state.steps.find((step) => step.sectionId === state.sections![1]!.id)!;
    await facilitatorCommand(app.server.url, board, { type: 'step.goto', stepId: codevFirst.id });
    for (const [index, participant] of participants.entries()) {
      const programme = participant.getByTestId('day-programme');
      await programme.locator('summary').click();
      await shot(participant, `participant-${index === 0 ? 'phone-390' : 'tablet-1024'}`);
      await expect
        .poll(() =>
          programme
            .locator('li')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-place'))),
        )
        .toEqual(['done', 'now', 'next']);
      await expect
        .poll(() => programme.locator('li[data-place="now"]').innerText())
        .toContain('Flash codéveloppement');
      await shot(participant, `participant-${index === 0 ? 'phone-390' : 'tablet-1024'}`);
      expect(await seriousViolations(participant, { exclude: ['.tl-canvas'] })).toEqual([]);
    }
    // Played sections may not move; the ideation may, and a talk added goes to the board.
    await editor.getByRole('button', { name: /Retirer « Flash/ }).waitFor({ state: 'detached' });
    await editor.getByLabel('Séquence', { exact: true }).selectOption('talk');
    await editor.getByLabel('Question ou sujet').fill('Retour d’expérience du 110 bis Limoges');
    await editor.getByRole('button', { name: 'Ajouter au programme' }).click();
    await expect.poll(() => editor.locator('li').count()).toBe(4);
    await page.screenshot({ path: path.join(artifacts, 'programme-facilitator-panel-1440.png') });
    for (const participant of participants) await participant.context().close();
    await page.context().close();
  }, 180_000);
});
