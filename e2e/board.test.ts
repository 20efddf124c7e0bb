// The foundation in a real browser: create, join, write together, self-contained, accessible.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterBoard, seriousViolations, writeStickyNote } from './support/app';
import { openIsolatedPage, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function createBoardThroughHome(
  page: Page,
): Promise<{ participantUrl: string; facilitatorUrl: string }> {
  await page.goto(app.server.url);
  await page.getByLabel('Titre du tableau').fill('Journée des labs 2026');
  await page.getByRole('button', { name: 'Créer le tableau' }).click();
  await page.getByText('Votre tableau est prêt').waitFor();
  const participantUrl = await page.getByLabel('Lien participants (à partager)').inputValue();
  const facilitatorUrl = await page.getByLabel('Lien animateur (à garder pour vous)').inputValue();
  return { participantUrl, facilitatorUrl };
}

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors.filter((error) => /Content Security Policy|pageerror/.test(error))).toEqual([]);
}

describe('a shared board in the browser', () => {
  it('home, join and board screens have no serious accessibility violation', async () => {
    const { page, watch } = await openIsolatedPage(app.browser, app.server.url);
    await page.goto(app.server.url);
    expect(await seriousViolations(page)).toEqual([]);
    const { participantUrl } = await createBoardThroughHome(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(participantUrl);
    await page.getByLabel('Votre nom').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await enterBoard(page, participantUrl, 'Camille', 'Lab 110 bis');
    // tldraw's canvas is its own widget; our screens around it must be clean.
    expect(await seriousViolations(page, { exclude: ['.tl-canvas'] })).toEqual([]);
    expectClean(watch);
    await page.context().close();
  });

  it('a sticky note written on one page appears with its text on the other', async () => {
    const first = await openIsolatedPage(app.browser, app.server.url);
    const { participantUrl, facilitatorUrl } = await createBoardThroughHome(first.page);
    await enterBoard(first.page, facilitatorUrl, 'Animatrice', 'Lab 110 bis');
    // The key is remembered, then taken out of the address bar: copying the address invites
    // participants, not co-facilitators.
    expect(first.page.url()).not.toContain('#k=');
    const second = await openIsolatedPage(app.browser, app.server.url);
    await enterBoard(second.page, participantUrl, 'Participant', 'Lab de Lyon');

    await writeStickyNote(first.page, 'Partager nos outils', { x: 600, y: 400 });
    await second.page
      .locator('.tl-shape')
      .getByText('Partager nos outils')
      .first()
      .waitFor({ timeout: 10_000 });
    await writeStickyNote(second.page, 'Une carte des labs', { x: 900, y: 400 });
    await first.page
      .locator('.tl-shape')
      .getByText('Une carte des labs')
      .first()
      .waitFor({ timeout: 10_000 });

    await first.page.screenshot({ path: path.join(artifacts, 'two-pages-first.png') });
    expect(await first.page.getByTestId('connection-badge').textContent()).toContain('Animateur');
    expect(await second.page.getByTestId('connection-badge').textContent()).toContain('Participant');
    expectClean(first.watch);
    expectClean(second.watch);
    await first.page.context().close();
    await second.page.context().close();
  });

  it('is self-contained: tldraw icons and French labels come from our own server', async () => {
    const { page, watch } = await openIsolatedPage(app.browser, app.server.url);
    const { participantUrl } = await createBoardThroughHome(page);
    // Every label the select tool ever shows, from the first frame: English must never flash.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { selectToolLabels: string[] }).selectToolLabels = seen;
      new MutationObserver(() => {
        const label = document.querySelector('[data-testid="tools.select"]')?.getAttribute('aria-label');
        if (label && seen.at(-1) !== label) seen.push(label);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await enterBoard(page, participantUrl, 'Dominique');
    // French tool labels from tldraw's own fr locale.
    await page.locator('[data-testid="tools.select"]').waitFor();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="tools.select"]')
          ?.getAttribute('aria-label')
          ?.includes('Sélection'),
      undefined,
      { timeout: 10_000 },
    );
    const labels = await page.evaluate(
      () => (window as unknown as { selectToolLabels: string[] }).selectToolLabels,
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => !label.includes('Sélection'))).toEqual([]);
    // Every toolbar icon is drawn (a mask image loaded from this server).
    const icons = await page.locator('.tlui-toolbar .tlui-icon').evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        return {
          mask: style.maskImage || style.webkitMaskImage,
          width: element.getBoundingClientRect().width,
        };
      }),
    );
    const shown = icons.filter((icon) => icon.width > 0);
    expect(shown.length).toBeGreaterThan(5);
    for (const icon of shown)
      expect(icon.mask).toMatch(new RegExp(`url\\("${app.server.url.replace(/[.]/g, '\\.')}/assets/`));
    await page.screenshot({ path: path.join(artifacts, 'board-fr.png') });
    expectClean(watch);
    await page.context().close();
  });
});
