// The export menu in a real browser: images drawn by tldraw, the report's PDF built in the page
// (contents, text, one page per step frame), and the server's documents as downloads.
import fs from 'node:fs';
import path from 'node:path';
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterBoard, openExportMenu } from './support/app';
import { openIsolatedPage, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();
let board: CreatedBoard;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  const response = await fetch(`${app.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Atelier PGO du rectorat', template: 'pgo', locale: 'fr' }),
  });
  board = (await response.json()) as CreatedBoard;
  ({ page, watch } = await openIsolatedPage(app.browser, app.server.url));
  // Notes what the menu's status says at the instant each file is handed to the browser.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { statusesAtDownload: string[] }).statusesAtDownload = seen;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) seen.push(document.querySelector('.export-status')?.textContent ?? '');
      click.call(this);
    };
  });
  await enterBoard(page, board.facilitatorUrl, 'Animatrice', 'Lab 110 bis');
});
afterAll(async () => {
  await page?.context().close();
});

async function downloaded(action: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 45_000 }), action()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

/** Pages of a PDF written without object streams: one `/Type /Page` dictionary each. */
function pdfPageCount(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('the export menu', () => {
  it('downloads the whole board and one step as PNG, and the board as SVG', async () => {
    const dialog = await openExportMenu(page);
    const whole = await downloaded(() => dialog.getByRole('button', { name: 'Télécharger en PNG' }).click());
    expect([...whole.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(whole.download.suggestedFilename()).toMatch(/^atelier-pgo-du-rectorat-\d{4}-\d\d-\d\d\.png$/);
    // A PNG's width and height sit in its IHDR chunk.
    const wholeWidth = whole.bytes.readUInt32BE(16);

    await dialog.getByRole('radio', { name: 'Le cadre d’une étape' }).check();
    await dialog.getByLabel('Étape', { exact: true }).selectOption({ index: 0 });
    const step = await downloaded(() => dialog.getByRole('button', { name: 'Télécharger en PNG' }).click());
    expect([...step.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The intro's frame alone is narrower than the whole board.
    expect(step.bytes.readUInt32BE(16)).toBeLessThan(wholeWidth);

    await dialog.getByRole('radio', { name: 'Tout le tableau' }).check();
    const svg = await downloaded(() => dialog.getByRole('button', { name: 'Télécharger en SVG' }).click());
    expect(svg.download.suggestedFilename()).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg/);
    await page.keyboard.press('Escape');
  });

  it('builds the report as PDF: one image page at least per step frame, then the text', async () => {
    const dialog = await openExportMenu(page);
    const pdf = await downloaded(() => dialog.getByRole('button', { name: 'Créer le PDF' }).click());
    expect(pdf.download.suggestedFilename()).toMatch(/^atelier-pgo-du-rectorat-\d{4}-\d\d-\d\d\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const status = await dialog.getByRole('status').first().textContent();
    const match = /PDF de (\d+) pages téléchargé : (\d+) page\(s\) de cadres, (\d+) page\(s\) de texte/.exec(
      status ?? '',
    );
    expect(match, status ?? '').not.toBeNull();
    // Final before the file was handed over, so reading it once the download is there is never early.
    const statusesAtDownload = await page.evaluate(
      () => (window as unknown as { statusesAtDownload: string[] }).statusesAtDownload,
    );
    expect(statusesAtDownload.at(-1)).toBe(status);
    const [total, frames, text] = match!.slice(1).map(Number) as [number, number, number];

    const session = (await (
      await fetch(`${app.server.url}/api/boards/${board.id}/session`)
    ).json()) as PublicSessionState;
    const stepFrames = new Set(session.steps.flatMap((step) => (step.frameId ? [step.frameId] : [])));
    expect(frames).toBeGreaterThanOrEqual(stepFrames.size);
    expect(text).toBeGreaterThanOrEqual(2);
    expect(total).toBe(frames + text);
    expect(pdfPageCount(pdf.bytes)).toBe(total);
    fs.writeFileSync(path.join(artifacts, 'compte-rendu.pdf'), pdf.bytes);
    await page.screenshot({ path: path.join(artifacts, 'export-menu.png') });
    const audit = await new AxeBuilder({ page })
      .include('.export-panel')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(audit.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('links the server’s documents, downloaded under the session’s name', async () => {
    const dialog = await openExportMenu(page);
    const report = await downloaded(() =>
      dialog.getByRole('link', { name: 'Compte rendu (Markdown)' }).click(),
    );
    expect(report.download.suggestedFilename()).toMatch(
      /^atelier-pgo-du-rectorat-compte-rendu-\d{4}-\d\d-\d\d\.md$/,
    );
    expect(report.bytes.toString('utf8')).toContain('# Atelier PGO du rectorat');
    const file = await downloaded(() =>
      dialog.getByRole('link', { name: /Tableau \(fichier \.tldr/ }).click(),
    );
    expect(JSON.parse(file.bytes.toString('utf8'))).toMatchObject({ tldrawFileFormatVersion: 1 });
    await page.keyboard.press('Escape');
    // Nothing was fetched from another host: the PDF's fonts are shipped by the app, images drawn here.
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors.filter((error) => /pageerror|Content Security Policy/.test(error))).toEqual([]);
  });
});
