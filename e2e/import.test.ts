// Importing a tldraw file from the home page, as a person would: the button, the file picker, the
// links of the new board, and the board opening fitted to its content. Screenshots on a phone, a
// tablet and a desktop.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/app';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

const viewports = [
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  { name: 'tablet', viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false },
  { name: 'desktop', viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false },
];

/** A 2023 tldraw 2 file whose content lies far from (0, 0): at 100 % nothing of it would show. */
function farAwayFile(): string {
  const file = JSON.parse(
    fs.readFileSync(path.resolve('apps/server/test/fixtures/tldraw-2023-user-document.tldr'), 'utf8'),
  ) as { records: { id: string; x?: number; y?: number }[] };
  for (const record of file.records) {
    if (record.id === 'shape:frame') Object.assign(record, { x: 6000, y: 4000 });
  }
  return JSON.stringify(file);
}

/** The canvas camera as tldraw applies it to the shapes layer: [zoom, x, y]. */
async function camera(page: Page): Promise<number[]> {
  const transform = await page
    .locator('.tl-html-layer')
    .first()
    .evaluate((element) => element.style.transform);
  return (transform.match(/-?[\d.]+/g) ?? []).map(Number);
}

describe('importing a .tldr file from the home page', () => {
  it.each(viewports)('offers the button on the $name', async (options) => {
    const context = await app.browser.newContext({ ...options, locale: 'fr-FR' });
    const page = await context.newPage();
    try {
      await page.goto(app.server.url);
      const button = page.getByRole('button', { name: 'Importer un fichier .tldr' });
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      await page.screenshot({
        path: path.join(artifacts, `home-import-${options.name}.png`),
        fullPage: true,
      });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('creates the board and opens it fitted to its content', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    try {
      await page.goto(app.server.url);
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Importer un fichier .tldr' }).click(),
      ]);
      await chooser.setFiles({
        name: 'atelier-de-juin.tldr',
        mimeType: '',
        buffer: Buffer.from(farAwayFile()),
      });
      await page.getByRole('status').filter({ hasText: 'Tableau importé' }).waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: 'Ouvrir le tableau en tant qu’animateur' }).click();
      await page.getByLabel('Votre nom').fill('Claire');
      await page.getByRole('button', { name: 'Entrer dans le tableau' }).click();
      await page.locator('.tl-canvas').waitFor({ state: 'visible', timeout: 30_000 });
      const note = page.locator('.tl-shape').filter({ hasText: 'Ouvrir les données des lycées' });
      await note.waitFor({ timeout: 15_000 });
      // Fitted: the far-away content is on screen, at less than 100 %.
      const box = await note.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
      expect(box!.y + box!.height).toBeLessThanOrEqual(900);
      const [zoom] = await camera(page);
      expect(zoom).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(artifacts, 'imported-board-fitted.png') });
    } finally {
      await context.close();
    }
  });
});
