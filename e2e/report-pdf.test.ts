// The report of a PGO session as PDF, made in the facilitator's browser and read back as a person
// would: pages rendered to images by poppler's pdftoppm (a table's borders found in the pixels),
// text extracted by pdftotext (in the report's reading order). Screenshots of the export menu's name
// choice on a phone, a tablet and a desktop.
// First: axe-core (through ./support/app) must load before testkit's sync clients install their
// stand-in `window` for tldraw.
import { enterBoard, openExportMenu } from './support/app';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readCard, withCard } from '@atelier/board-schema';
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import {
  connectSessionClient,
  connectSocketIoClient,
  noteRecord,
  testClientKey,
  type TestSyncClient,
} from '@atelier/testkit';
import type { TLFrameShape, TLShape, TLShapeId } from '@tldraw/tlschema';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIsolatedPage } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();
const pdfDir = path.join(artifacts, 'compte-rendu-pgo');
let board: CreatedBoard;
let page: Page;
const open: { close(): void }[] = [];

/** The web app's user id: base64url(sha256(client key)), 20 characters. */
const userIdOf = (clientKey: string) =>
  createHash('sha256').update(clientKey).digest('base64url').slice(0, 20);

async function command(body: unknown): Promise<void> {
  const response = await fetch(`${app.server.url}/api/boards/${board.id}/session/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
    body: JSON.stringify(body),
  });
  expect(response.status, JSON.stringify(body)).toBe(200);
}

function themeColumn(client: TestSyncClient, theme: string): TLFrameShape {
  const column = client.store
    .allRecords()
    .find(
      (record): record is TLFrameShape =>
        record.typeName === 'shape' &&
        record.type === 'frame' &&
        (record.meta['atelier.zone'] as { theme?: string } | undefined)?.theme === theme,
    );
  if (!column) throw new Error(`no column for ${theme}`);
  return column;
}

/**
 * Three participants from three labs write ideas in the theme columns and vote on the themes: a tie
 * at the cut for the two places, settled by a run-off.
 */
async function playSession(): Promise<void> {
  const people = [
    { name: 'Jean-Luc Moreau', lab: 'Académie de la Guadeloupe' },
    { name: 'Mehdi Benali', lab: 'Lab Innovation Lyon' },
    { name: 'Sophie Martin', lab: 'Académie de Rennes' },
  ].map((person) => ({ ...person, clientKey: testClientKey() }));
  const clients: TestSyncClient[] = [];
  for (const person of people) {
    const client = connectSocketIoClient(app.server.url, { boardId: board.id, ...person });
    open.push(client);
    await client.loaded;
    clients.push(client);
  }
  let n = 0;
  const write = (who: number, theme: string, text: string, y: number): TLShapeId => {
    const client = clients[who]!;
    const id = `shape:pgo-idea-${++n}` as TLShapeId;
    client.store.put([
      noteRecord({
        id,
        text,
        x: 50,
        y,
        index: `a${n + 10}`,
        parentId: themeColumn(client, theme).id,
        meta: { 'atelier.author': userIdOf(people[who]!.clientKey) },
      }),
    ]);
    return id;
  };
  write(0, 'open-data', 'Publier les données des appels à projets', 170);
  write(1, 'open-data', 'Ouvrir le code des téléservices académiques', 400);
  write(2, 'school-health', 'Des temps d’écoute pour la santé mentale', 170);
  write(1, 'inclusive-school', 'Guide FALC des droits des familles', 170);
  await clients[0]!.waitFor(() => clients[0]!.notes().length === 4, 10_000, 'the four notes');

  // The kit's vote: on the themes' columns, two places. 2–2–2 is a tie at the cut, settled by a run-off.
  const { steps } = (await (
    await fetch(`${app.server.url}/api/boards/${board.id}/session`)
  ).json()) as PublicSessionState;
  const themeVote = steps.find((step) => step.id === 'theme-vote')!;
  await command({ type: 'step.goto', stepId: 'theme-vote', start: true });
  await command({ type: 'vote.open', ...themeVote.vote, frameId: themeVote.frameId });
  const [openData, schoolHealth, inclusive] = ['open-data', 'school-health', 'inclusive-school'].map(
    (theme) => themeColumn(clients[0]!, theme).id,
  ) as [TLShapeId, TLShapeId, TLShapeId];
  const voters = people.map((person) => {
    const voter = connectSessionClient(app.server.url, { boardId: board.id, ...person });
    open.push(voter);
    return voter;
  });
  await Promise.all(voters.map((voter) => voter.connected()));
  const castAll = async (ballots: readonly (readonly TLShapeId[])[]) => {
    for (const [who, items] of ballots.entries())
      for (const itemId of items)
        expect(await voters[who]!.command({ type: 'vote.cast', itemId })).toEqual({ ok: true });
  };
  await castAll([
    [openData, schoolHealth],
    [openData, inclusive],
    [schoolHealth, inclusive],
  ]);
  await command({ type: 'vote.close' });
  await command({ type: 'vote.reveal' });
  await command({ type: 'vote.runoff' });
  await castAll([
    [openData, schoolHealth],
    [openData, schoolHealth],
    [schoolHealth, inclusive],
  ]);
  await command({ type: 'vote.close' });

  // The server puts the retained themes' engagement cards on the board; the group writes one.
  const engagementCard = (theme: string) =>
    clients[0]!.store.allRecords().find((record) => {
      const card = readCard(record);
      return card?.kind === 'engagement' && card.fields.theme === theme;
    });
  await clients[0]!.waitFor(
    () => engagementCard('open-data') !== undefined && engagementCard('school-health') !== undefined,
    10_000,
    'the engagement cards of the retained themes',
  );
  clients[0]!.store.put([
    withCard(
      engagementCard('open-data') as TLShape,
      'engagement',
      {
        theme: 'open-data',
        engagement: 'Un service d’aide à l’appropriation de la donnée, accessible en académie',
        criteria: {
          transformative: true,
          'open-government-values': true,
          'civil-society': false,
          measurable: true,
        },
        actions: ['Des points de référence au niveau local', 'Des outils pour comprendre les données'],
      },
      'fr',
    ),
  ]);
  await command({ type: 'step.goto', stepId: 'engagements', start: true });
  await clients[0]!.waitFor(
    () =>
      readCard(engagementCard('open-data')!)?.kind === 'engagement' &&
      JSON.stringify(engagementCard('open-data')).includes('appropriation'),
    10_000,
    'the written engagement',
  );
  // The recap step: the server fills its frame with the decision and the engagements.
  await command({ type: 'step.goto', stepId: 'recap', start: true });
  await clients[0]!.waitFor(
    () =>
      clients[0]!.store
        .allRecords()
        .some((record) => JSON.stringify(record).includes('"atelier.recap":true')),
    10_000,
    'the recap on the board',
  );
}

/** The facilitator types the summary in the panel, as at the end of a session. */
async function writeSummary(target: Page): Promise<void> {
  const panel = target.getByTestId('facilitator-panel');
  const show = panel.getByRole('button', { name: 'Afficher le panneau d’animation' });
  if (await show.isVisible()) await show.click();
  await panel.getByText('Synthèse', { exact: true }).click();
  const field = panel.getByLabel('Synthèse de la séance (elle ouvre le compte rendu)');
  await field.fill(
    'Deux thématiques retenues : le droit à l’information et l’ouverture des données, puis la santé à l’école.\n\nProchaine étape : des sessions dans les académies de Limoges, Créteil et Lille.',
  );
  const save = panel.getByRole('button', { name: 'Enregistrer la synthèse' });
  await save.click();
  // Saved once the server's state comes back with it (the button has nothing left to save).
  await panel.locator('form:has(textarea[maxlength="5000"]) button[type="submit"]:disabled').waitFor({
    timeout: 10_000,
  });
  await panel.screenshot({ path: path.join(artifacts, 'facilitator-summary.png') });
}

beforeAll(async () => {
  fs.rmSync(pdfDir, { recursive: true, force: true });
  fs.mkdirSync(pdfDir, { recursive: true });
  const response = await fetch(`${app.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Atelier PGO – Journée des labs', template: 'pgo', locale: 'fr' }),
  });
  board = (await response.json()) as CreatedBoard;
  ({ page } = await openIsolatedPage(app.browser, app.server.url));
  await enterBoard(page, board.facilitatorUrl, 'Claire Dubois', 'Lab 110 bis');
  await playSession();
  await writeSummary(page);
});
afterAll(async () => {
  for (const client of open.splice(0)) client.close();
  await page?.context().close();
});

async function downloaded(action: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()]);
  return { download, bytes: fs.readFileSync(await download.path()) };
}

/** A page rendered by pdftoppm as PPM (P6): width, height and RGB bytes, read without a library. */
function renderPage(
  pdf: string,
  pageNumber: number,
  dpi: number,
): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-f', String(pageNumber), '-l', String(pageNumber), pdf],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Rows of the page crossed by a dark line at least `minLength` pixels long: a table's horizontal borders. */
function horizontalRules(image: ReturnType<typeof renderPage>, minLength: number): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let run = 0;
    let best = 0;
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      const dark = image.rgb[i]! < 160 && image.rgb[i + 1]! < 160 && image.rgb[i + 2]! < 170;
      run = dark ? run + 1 : 0;
      best = Math.max(best, run);
    }
    // One border line may cover two pixel rows: count it once.
    if (best >= minLength && rows.at(-1) !== y - 1) rows.push(y);
    else if (best >= minLength) rows[rows.length - 1] = y;
  }
  return rows;
}

describe('the report of a PGO session as PDF', () => {
  it('is made in the browser, reads in order, names labs only, and draws real tables', async () => {
    const dialog = await openExportMenu(page);
    await expect(dialog.getByRole('radio', { name: /Labs seulement/ }).isChecked()).resolves.toBe(true);
    const pdf = await downloaded(() => dialog.getByRole('button', { name: 'Créer le PDF' }).click());
    expect(pdf.download.suggestedFilename()).toMatch(/^atelier-pgo-journee-des-labs-\d{4}-\d\d-\d\d\.pdf$/);
    const status = (await dialog.getByRole('status').first().textContent()) ?? '';
    const match = /PDF de (\d+) pages téléchargé : (\d+) page\(s\) de cadres, (\d+) page\(s\) de texte/.exec(
      status,
    );
    expect(match, status).not.toBeNull();
    const [total, frames] = match!.slice(1).map(Number) as [number, number];
    await page.keyboard.press('Escape');

    const file = path.join(pdfDir, 'compte-rendu.pdf');
    fs.writeFileSync(file, pdf.bytes);
    const info = execFileSync('pdfinfo', [file]).toString('utf8');
    expect(info).toMatch(new RegExp(`Pages:\\s+${total}\\n`));
    expect(info).toMatch(/Title:\s+Atelier PGO – Journée des labs — Compte rendu\n/);
    // Embedded (emb: yes), with a Unicode map (uni: yes) so the text can be copied and searched.
    expect(execFileSync('pdffonts', [file]).toString('utf8')).toMatch(
      /DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+no\s+yes/,
    );
    // One page per step frame at least (intro, themes as an overview and tiles, engagements, recap).
    expect(frames).toBeGreaterThanOrEqual(4);

    // Every page, as a person sees it.
    execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(pdfDir, 'page')]);
    expect(fs.readdirSync(pdfDir).filter((name) => name.endsWith('.png'))).toHaveLength(total);

    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    fs.writeFileSync(path.join(pdfDir, 'compte-rendu.txt'), text);
    for (const name of ['Jean-Luc', 'Moreau', 'Mehdi', 'Sophie', 'Claire']) expect(text).not.toContain(name);
    // In the report's order, past the contents on the first page.
    let from = text.indexOf('\f');
    for (const needle of [
      'Synthèse',
      'Deux thématiques retenues',
      'Décisions',
      'Thématiques retenues',
      'égalité à la coupure, départagée par',
      "Santé à l'école/université",
      'Ouverture des données',
      'Départage',
      'second vote entre les 3 ex aequo',
      'Suites',
      'Engagement — Santé',
      'à formuler',
      'Déroulé',
      'Choix des deux thématiques',
      'Participants',
      'Académie de la Guadeloupe',
      'Votes',
      'Choix des deux thématiques — départage',
      '3 points',
      'Production',
      'Publier les données des appels à projets',
      'Ouvrir le code des téléservices académiques',
      'Récapitulatif de la production',
      'Thématiques retenues : Santé',
      'Engagements',
      'Un service d’aide à l’appropriation de la donnée',
      'Critères',
      'Des points de référence au niveau local',
    ]) {
      const at = text.indexOf(needle, from);
      expect(at, `${needle} after position ${from}`).toBeGreaterThan(from);
      from = at + needle.length;
    }
    expect(text).not.toContain('[x]');

    // The sequence's table: find its page, render it, count the horizontal borders.
    const pages = text.split('\f');
    const tablePage = pages.findIndex((content) => /Déroulé[\s\S]*Étape\s+Type\s+Prévu/.test(content)) + 1;
    expect(tablePage).toBeGreaterThan(1);
    const image = renderPage(file, tablePage, 100);
    const rules = horizontalRules(image, image.width * 0.6);
    // Header + 7 steps + total: 10 borders at least (the heading's rule may add one).
    expect(rules.length).toBeGreaterThanOrEqual(10);
  });

  it('carries the name choice to every file', async () => {
    const dialog = await openExportMenu(page);
    await dialog.getByRole('radio', { name: /Prénoms et labs/ }).check();
    const link = dialog.getByRole('link', { name: 'Compte rendu (Markdown)' });
    await expect(link.getAttribute('href')).resolves.toContain('names=first-name-lab');
    const csv = dialog.getByRole('link', { name: /Post-its \(CSV/ });
    await expect(csv.getAttribute('href')).resolves.toContain('names=first-name-lab');
    const markdown = await downloaded(() => link.click());
    const text = markdown.bytes.toString('utf8');
    fs.writeFileSync(path.join(pdfDir, 'compte-rendu.md'), text);
    expect(text).toContain('Jean-Luc (Académie de la Guadeloupe)');
    expect(text).not.toContain('Moreau');
    await page.keyboard.press('Escape');
  });
});

describe('the export menu on every screen', () => {
  const viewports = [
    { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
    { name: 'tablet', viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false },
    { name: 'desktop', viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false },
  ];

  async function facilitatorOn(browser: Browser, options: (typeof viewports)[number]): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'fr-FR' });
    const target = await context.newPage();
    await enterBoard(target, board.facilitatorUrl, 'Claire Dubois', 'Lab 110 bis');
    return target;
  }

  it.each(viewports)('shows the name choice on the $name', async (options) => {
    const target = await facilitatorOn(app.browser, options);
    try {
      const dialog = await openExportMenu(target);
      const names = dialog.getByRole('group', { name: 'Noms des participants dans les exports' });
      await names.scrollIntoViewIfNeeded();
      await expect(names.isVisible()).resolves.toBe(true);
      for (const radio of await names.getByRole('radio').all()) {
        const box = await radio.locator('..').boundingBox();
        // The whole label is the touch target.
        expect(box!.height).toBeGreaterThanOrEqual(options.hasTouch ? 44 : 24);
      }
      await target.screenshot({ path: path.join(artifacts, `export-names-${options.name}.png`) });
    } finally {
      await target.context().close();
    }
  });
});
