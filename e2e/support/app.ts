// The app as a person meets it: a real server process serving the built web app.
import type { Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import type { CreateBoardBody, CreatedBoard, PublicSessionState } from '@atelier/protocol';
// After axe: testkit installs browser globals that axe-core must not see when it loads.
export {
  createBoard,
  freePort,
  lastYearsLabs,
  startOidcProvider,
  startServer,
  startRedis,
  tempDir,
  type RunningOidcProvider,
  type RunningServer,
} from '@atelier/testkit';

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical accessibility violations on the page (RGAA follows WCAG). */
export async function seriousViolations(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/** `POST /api/boards`, as the home page sends it. */
export async function createBoardAt(appUrl: string, body: CreateBoardBody): Promise<CreatedBoard> {
  const response = await fetch(`${appUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedBoard;
}

/** A facilitator's command over REST (what the panel sends over its socket): the state after it. */
export async function facilitatorCommand(
  appUrl: string,
  board: CreatedBoard,
  body: unknown,
): Promise<PublicSessionState> {
  const response = await fetch(`${appUrl}/api/boards/${board.id}/session/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${JSON.stringify(body)}: ${response.status} ${text}`);
  return JSON.parse(text) as PublicSessionState;
}

/** Fills the join dialog of a board page and waits for the canvas to be live. */
export async function enterBoard(
  page: Page,
  boardUrl: string,
  name: string,
  lab = '',
  /** How long the connection may take (a whole day's board on a busy machine takes longer). */
  connectTimeoutMs = 15_000,
): Promise<void> {
  await page.goto(boardUrl);
  await page.getByLabel('Votre nom').fill(name);
  if (lab) await page.getByLabel('Votre lab ou académie (facultatif)').fill(lab);
  await page.getByRole('button', { name: 'Entrer dans le tableau' }).click();
  await page.locator('.tl-canvas').waitFor({ state: 'visible', timeout: 30_000 });
  await page
    .getByTestId('connection-badge')
    .filter({ hasText: 'Connecté' })
    .waitFor({ timeout: connectTimeoutMs });
}

/**
 * Writes a sticky note with tldraw's keyboard shortcut at `at`, after a click on an empty spot of the
 * canvas (`emptySpot`) gives it the focus.
 */
export async function writeStickyNote(
  page: Page,
  text: string,
  at: { x: number; y: number },
  emptySpot = { x: 50, y: 300 },
): Promise<void> {
  await page.locator('.tl-canvas').click({ position: emptySpot });
  await page.keyboard.press('n');
  await page.mouse.click(at.x, at.y);
  // tldraw opens the note's text editor on the next frame: type once it has focus.
  await page.locator('.tl-shape [contenteditable="true"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/** Opens the board's export menu ("Exporter") and waits for its dialog. */
export async function openExportMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporter le tableau' });
  await dialog.waitFor();
  return dialog;
}

/** A record of a board as the server's `.tldr` export gives it (shapes, pages, the document). */
export interface BoardRecord {
  id: string;
  typeName: string;
  type?: string;
  x?: number;
  y?: number;
  isLocked?: boolean;
  parentId?: string;
  meta?: Record<string, unknown>;
  props?: Record<string, unknown>;
}

/** The board as the server holds it (the live room), read through the `.tldr` export. */
export async function boardRecords(serverUrl: string, boardId: string): Promise<BoardRecord[]> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/export/board.tldr`);
  return ((await response.json()) as { records: BoardRecord[] }).records;
}

/** Reads until `ok` says yes (15 s at most): for what the server must come to hold. */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > 15_000)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
