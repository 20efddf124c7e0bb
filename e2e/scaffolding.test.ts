// Protected scaffolding in a real browser: a participant who selects the PGO introduction frame and
// presses Delete leaves it on the board (the editor never selects it, the server would refuse it anyway);
// the facilitator selects and moves it, and unlocks its locked text with tldraw's own lock toggle.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  boardRecords,
  createBoard,
  enterBoard,
  eventually,
  writeStickyNote,
  type BoardRecord,
} from './support/app';
import { openIsolatedPage, type Device } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

const DESKTOP: Device = { viewport: { width: 1440, height: 900 } };
const PHONE: Device = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

const records = (boardId: string) => boardRecords(app.server.url, boardId);
const createPgo = () => createBoard(app.server.url, { title: 'Atelier PGO', template: 'pgo', locale: 'fr' });

/** The introduction frame and its (locked) text, as the server holds them. */
async function intro(boardId: string): Promise<{ frame: BoardRecord; text: BoardRecord }> {
  const list = await records(boardId);
  const frame = list.find(
    (record) => (record.meta?.['atelier.zone'] as { stepId?: string } | undefined)?.stepId === 'intro',
  )!;
  const text = list.find((record) => record.parentId === frame.id && record.type === 'text')!;
  return { frame, text };
}

/** The introduction in view, where the board brings everyone before the session starts. */
async function showIntro(page: Page): Promise<void> {
  await page
    .locator('[data-testid="facilitation-header"][data-at-place="true"]')
    .waitFor({ timeout: 30_000 });
}

/**
 * Where a frame's title is on screen (what a person grabs to select or drag a frame), once the camera
 * has settled: tldraw animates zoom-to-fit, and a slow machine may still be gliding to the step's place.
 */
async function headingOf(page: Page, frameId: string): Promise<{ x: number; y: number }> {
  const heading = page.locator(`.tl-shape[data-shape-id="${frameId}"] .tl-frame-heading-hit-area`);
  let last = '';
  for (let settled = 0; settled < 3;) {
    await nextFrames(page);
    const box = await heading.boundingBox();
    const now = JSON.stringify(box);
    settled = box && now === last ? settled + 1 : 0;
    last = now;
  }
  const box = (await heading.boundingBox())!;
  const at = { x: box.x + Math.min(40, box.width / 2), y: box.y + box.height / 2 };
  // A press there must reach the frame, not a header or panel drawn over it.
  const reachable = await page.evaluate(
    ({ x, y, id }) => document.elementFromPoint(x, y)?.closest(`[data-shape-id="${id}"]`) !== null,
    { ...at, id: frameId },
  );
  if (!reachable) throw new Error(`the heading of ${frameId} is covered at ${at.x},${at.y}`);
  return at;
}

/**
 * An empty spot of the canvas just below the frame, or left of it when the toolbars are below (the
 * right edge holds the help button and the reactions).
 */
async function besideFrame(page: Page, frameId: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(`.tl-shape[data-shape-id="${frameId}"]`).boundingBox())!;
  const viewport = page.viewportSize()!;
  if (box.y + box.height + 60 < viewport.height - 200) {
    return { x: box.x + box.width / 2, y: box.y + box.height + 60 };
  }
  return { x: Math.max(box.x - 50, 20), y: box.y + box.height / 2 };
}

async function centreOf(page: Page, shapeId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.tl-shape[data-shape-id="${shapeId}"]`).boundingBox();
  if (!box) throw new Error(`${shapeId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function press(page: Page, device: Device, at: { x: number; y: number }) {
  if (device.hasTouch) await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 8 });
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 });
  await page.mouse.up();
}

/** Two animation frames: tldraw has handled the press and React has drawn its menus since. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** tldraw's quick "Supprimer" button: enabled exactly when something is selected. */
const deleteEnabled = (page: Page) => page.getByTestId('quick-actions.delete').isEnabled();

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('protected scaffolding (%s)', (deviceName, device) => {
  it('a participant who selects the intro frame and presses Delete leaves it on the board', async () => {
    const board = await createPgo();
    const before = await intro(board.id);
    const { page } = await openIsolatedPage(app.browser, app.server.url, device);
    await enterBoard(page, board.participantUrl, 'Camille');
    await showIntro(page);

    await press(page, device, await headingOf(page, before.frame.id));
    // Nothing is selected: the frame is the template's (the facilitator's same press selects it, below).
    await nextFrames(page);
    expect(await deleteEnabled(page)).toBe(false);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    await page.screenshot({ path: path.join(artifacts, `scaffolding-participant-${deviceName}.png`) });

    // A note written afterwards reaches the server: whatever the page sent before it was answered already.
    const empty = await besideFrame(page, before.frame.id);
    await writeStickyNote(page, 'Après la tentative', empty, empty);
    await eventually(
      () => records(board.id),
      (list) => list.some((record) => record.type === 'note'),
      'the participant’s note on the server',
    );
    const after = await intro(board.id);
    expect(after).toEqual(before);
    await page.locator(`.tl-shape[data-shape-id="${before.frame.id}"]`).waitFor();
    await page.context().close();
  });

  it('the facilitator selects and moves the intro frame, and unlocks its text', async () => {
    const board = await createPgo();
    const before = await intro(board.id);
    expect(before.text.isLocked).toBe(true);
    const { page } = await openIsolatedPage(app.browser, app.server.url, device);
    await enterBoard(page, board.facilitatorUrl, 'Claire');
    await showIntro(page);

    const heading = await headingOf(page, before.frame.id);
    await press(page, device, heading);
    await expect.poll(() => deleteEnabled(page)).toBe(true);
    await page.screenshot({
      path: path.join(artifacts, `scaffolding-facilitator-selected-${deviceName}.png`),
    });
    if (deviceName === 'phone') return page.context().close();

    // A new press on the heading right after the first would be a double click (renaming the frame).
    await page.keyboard.press('Escape');
    await page.waitForTimeout(600);
    await drag(page, heading, { x: -80, y: 120 });
    const moved = await eventually(
      () => intro(board.id),
      ({ frame }) => frame.y !== before.frame.y,
      'the moved frame on the server',
    );
    expect(moved.frame.y).toBeGreaterThan(before.frame.y!);

    // tldraw's own toggle, from the context menu of the locked text.
    await page.keyboard.press('Escape');
    const text = await centreOf(page, before.text.id);
    await page.mouse.click(text.x, text.y, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Modifier' }).click();
    await page.getByRole('menuitem', { name: /Verrouiller \/ Déverrouiller/ }).click();
    const textNow = async () => (await records(board.id)).find((record) => record.id === before.text.id)!;
    await eventually(textNow, (text) => text.isLocked === false, 'the unlocked text');
    await drag(page, await centreOf(page, before.text.id), { x: 0, y: 40 });
    await eventually(textNow, (text) => text.y !== before.text.y, 'the moved text on the server');
    await page.screenshot({ path: path.join(artifacts, `scaffolding-facilitator-moved-${deviceName}.png`) });
    await page.context().close();
  });
});
