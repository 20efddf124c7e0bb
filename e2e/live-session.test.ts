// The live session on every device (issue 11). Each step change the facilitator makes brings
// every screen (a phone and a tablet with touch, laptops) to the person's place at the step, whole
// and clear of every header, panel and toolbar, without anyone touching the camera; the phone's
// header stays readable; a note is added, written and voted on with the keyboard alone; a whole
// PGO session plays with a facilitator and three participants.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoardAt, enterBoard, facilitatorCommand } from './support/app';
import { devices, openIsolatedPage, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

type Device = keyof typeof devices;

/** Time for a step change to reach a screen and its camera to glide there; a wrong place still fails. */
const PATIENCE = { timeout: 10_000, interval: 100 };

interface Person {
  name: string;
  device: Device;
  page: Page;
  watch: PageWatch;
}

interface BoardRecord {
  id: string;
  type?: string;
  parentId?: string;
  meta?: Record<string, unknown>;
}

function createBoard(template: string, groups?: number): Promise<CreatedBoard> {
  return createBoardAt(app.server.url, {
    title: 'Journée des labs',
    template,
    locale: 'fr',
    ...(groups ? { groups } : {}),
  });
}

/** A facilitator's command over REST (what the panel sends over its socket). */
function command(board: CreatedBoard, body: unknown): Promise<PublicSessionState> {
  return facilitatorCommand(app.server.url, board, body);
}

async function sessionOf(board: CreatedBoard): Promise<PublicSessionState> {
  const response = await fetch(`${app.server.url}/api/boards/${board.id}/session`);
  return (await response.json()) as PublicSessionState;
}

async function recordsOf(board: CreatedBoard): Promise<BoardRecord[]> {
  const response = await fetch(`${app.server.url}/api/boards/${board.id}/export/board.tldr`);
  return ((await response.json()) as { records: BoardRecord[] }).records;
}

const zone = (record: BoardRecord) =>
  record.meta?.['atelier.zone'] as { kind: string; group?: number; stepId?: string } | undefined;

async function join(url: string, name: string, device: Device): Promise<Person> {
  const { page, watch } = await openIsolatedPage(app.browser, app.server.url, devices[device]);
  await enterBoard(page, url, name);
  return { name, device, page, watch };
}

async function leave(people: Person[]): Promise<void> {
  for (const { page, watch } of people) {
    expect(watch.errors.filter((error) => /pageerror|Content Security Policy/.test(error))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  }
}

/** What may cover the canvas: the step header, the facilitator's panel, tldraw's menus and toolbars. */
const COVERING = [
  '[data-testid="facilitation-header"]',
  '[data-testid="facilitator-panel"]',
  '.tlui-layout__top__left > *',
  '.tlui-layout__top__right > *',
  '.tlui-layout__bottom__main > :not(.step-toolbar)',
  '.step-toolbar > *',
  '.room-dock',
  '[data-testid="private-notes"]',
];

/**
 * "uncovered" when the frames show whole (with their names) inside the window, under none of
 * `COVERING`, and large (most of the window's width or height); else what is wrong. Read from
 * the page as a person sees it: the frames' rendered boxes and the covering elements' boxes.
 */
async function placeOf(page: Page, frameIds: readonly string[]): Promise<string> {
  return page.evaluate(
    ({ ids, covering }) => {
      const rects: DOMRect[] = [];
      for (const id of ids) {
        const shape = document.querySelector(`.tl-shape[data-shape-id="${id}"]`);
        const box = shape?.getBoundingClientRect();
        if (!shape || !box || box.width < 1) return `${id} is not on screen`;
        rects.push(box);
        const heading = shape.querySelector('.tl-frame-heading')?.getBoundingClientRect();
        if (heading && heading.width >= 1) rects.push(heading);
      }
      const problems = new Set<string>();
      const { innerWidth: w, innerHeight: h } = window;
      for (const r of rects)
        if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
          problems.add(
            `partly outside the window (${Math.round(r.left)}, ${Math.round(r.top)}, ${Math.round(r.right)}, ${Math.round(r.bottom)})`,
          );
      for (const element of document.querySelectorAll(covering.join(', '))) {
        const o = element.getBoundingClientRect();
        if (o.width < 1 || o.height < 1) continue;
        for (const r of rects)
          if (r.left < o.right - 1 && o.left < r.right - 1 && r.top < o.bottom - 1 && o.top < r.bottom - 1)
            problems.add(`under ${element.getAttribute('data-testid') ?? element.className}`);
      }
      const width = Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
      const height = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
      if (width / w < 0.5 && height / h < 0.4)
        problems.add(`too small (${Math.round(width)}×${Math.round(height)})`);
      return problems.size > 0 ? [...problems].join('; ') : 'uncovered';
    },
    { ids: [...frameIds], covering: COVERING },
  );
}

async function expectInPlace(person: Person, frameIds: readonly string[], what: string): Promise<void> {
  try {
    // The view is held at the step's place: nobody has moved it.
    await person.page.locator('[data-testid="facilitation-header"][data-at-place="true"]').waitFor(PATIENCE);
    await expect
      .poll(() => placeOf(person.page, frameIds), {
        ...PATIENCE,
        message: `${person.name} (${person.device}), ${what}`,
      })
      .toBe('uncovered');
  } catch (error) {
    // What the person saw, for whoever reads the failure.
    await person.page.screenshot({
      path: path.join(artifacts, `live-failed-${person.device}-${person.name}.png`),
    });
    throw error;
  }
}

/**
 * What makes the header hard to read: a text wider than its box (cut or letter-per-line), a box
 * too narrow or a font too small, the title on more than two lines, the header over tldraw's
 * menus, and on touch screens a control smaller than 44 px.
 */
async function headerProblems(page: Page, touch: boolean): Promise<string[]> {
  return page.evaluate((touch) => {
    const header = document.querySelector('[data-testid="facilitation-header"]');
    if (!header) return ['no header'];
    const problems: string[] = [];
    const readable = (selector: string, minWidth: number, minFont: number) => {
      for (const element of header.querySelectorAll<HTMLElement>(selector)) {
        const { width } = element.getBoundingClientRect();
        const font = parseFloat(getComputedStyle(element).fontSize);
        if (element.scrollWidth > element.clientWidth + 1)
          problems.push(
            `${selector} is narrower than its text (${element.clientWidth} < ${element.scrollWidth})`,
          );
        if (width < minWidth) problems.push(`${selector} is only ${Math.round(width)} px wide`);
        if (font < minFont) problems.push(`${selector} is set in ${font} px`);
      }
    };
    readable('.fac-step-number', 60, 12);
    readable('.fac-step-title', 200, 15);
    readable('[data-testid="countdown"]', 60, 24);
    readable('.fac-state', 60, 12);
    readable('.fac-instructions-toggle', 44, 12);
    const title = header.querySelector<HTMLElement>('.fac-step-title');
    if (title) {
      const lines = title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight);
      if (lines > 2.2) problems.push(`the title takes ${lines.toFixed(1)} lines`);
    }
    const box = header.getBoundingClientRect();
    if (box.left < 0 || box.right > window.innerWidth) problems.push('the header is wider than the screen');
    for (const menu of document.querySelectorAll(
      '.tlui-layout__top__left > *, .tlui-layout__top__right > *',
    )) {
      const m = menu.getBoundingClientRect();
      if (m.width > 0 && box.left < m.right && m.left < box.right && box.top < m.bottom && m.top < box.bottom)
        problems.push(`the header overlaps ${menu.className}`);
    }
    if (touch)
      for (const control of document.querySelectorAll<HTMLElement>(
        '[data-testid="facilitation-header"] button, .step-actions button, .board-share-panel button',
      )) {
        const { width, height } = control.getBoundingClientRect();
        if (width > 0 && (width < 43.5 || height < 43.5))
          problems.push(
            `"${control.textContent?.trim() || control.getAttribute('aria-label')}" is ${Math.round(width)}×${Math.round(height)} px`,
          );
      }
    return problems;
  }, touch);
}

/** Serious and critical violations in the step header and the step's action bar. */
async function liveUiViolations(page: Page): Promise<string[]> {
  let builder = new AxeBuilder({ page }).include('[data-testid="facilitation-header"]');
  if ((await page.locator('.step-actions').count()) > 0) builder = builder.include('.step-actions');
  const results = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

async function shoot(people: Person[], name: string): Promise<void> {
  for (const person of people)
    await person.page.screenshot({
      path: path.join(artifacts, `live-${name}-${person.device}-${person.name}.png`),
    });
}

/** The facilitator's "Étape suivante" in the step header (their panel stays folded). */
async function nextStep(facilitator: Person): Promise<void> {
  await facilitator.page
    .getByTestId('facilitation-header')
    .getByRole('button', { name: /Étape suivante|Terminer/ })
    .click();
}

describe('the live session, step by step, on every device', () => {
  it('co-dev flash in 3 groups: each step change brings everyone to their group’s zone, uncovered', async () => {
    const board = await createBoard('codev-flash', 3);
    const records = await recordsOf(board);
    const groupFrames = records
      .filter((record) => record.type === 'frame' && zone(record)?.kind === 'group')
      .sort((a, b) => (zone(a)?.group ?? 0) - (zone(b)?.group ?? 0))
      .map((record) => record.id);
    expect(groupFrames).toHaveLength(3);
    const zoneOf = (stepId: string, group: number) =>
      records.find(
        (record) =>
          record.type === 'frame' && zone(record)?.stepId === stepId && zone(record)?.group === group,
      )!.id;

    const facilitator = await join(board.facilitatorUrl, 'Claire', 'desktop');
    const participants = [
      await join(board.participantUrl, 'Mehdi', 'phone'),
      await join(board.participantUrl, 'Sophie', 'tablet'),
      await join(board.participantUrl, 'Jean', 'desktop'),
    ];
    await command(board, {
      type: 'groups.split',
      count: 3,
      mode: 'balanced',
      frameIds: groupFrames,
      names: ['Groupe 1', 'Groupe 2', 'Groupe 3'],
    });
    const groupOf = new Map<Person, number>();
    for (const person of participants) {
      const label = person.page.getByTestId('my-group');
      await expect.poll(() => label.textContent(), PATIENCE).toMatch(/Groupe \d/);
      groupOf.set(person, Number(/Groupe (\d)/.exec((await label.textContent()) ?? '')![1]));
    }
    // Balanced: one person per group.
    expect(new Set(groupOf.values()).size).toBe(3);

    const { steps } = await sessionOf(board);
    for (let index = 0; index < 3; index++) {
      const step = steps[index]!;
      if (index > 0) await nextStep(facilitator);
      for (const person of [facilitator, ...participants])
        await person.page.getByRole('heading', { name: step.title.fr }).waitFor(PATIENCE);
      for (const person of participants)
        await expectInPlace(person, [zoneOf(step.id, groupOf.get(person)!)], `step ${index + 1}`);
      // The facilitator, in no group, sees every group's zone of the step.
      await expectInPlace(
        facilitator,
        [1, 2, 3].map((group) => zoneOf(step.id, group)),
        `step ${index + 1}`,
      );
      expect(await headerProblems(participants[0]!.page, true)).toEqual([]);
      expect(await headerProblems(participants[1]!.page, true)).toEqual([]);
      await shoot([facilitator, ...participants], `codev-${index + 1}`);
      if (index === 0)
        for (const person of [facilitator, ...participants])
          expect(await liveUiViolations(person.page), `${person.device}`).toEqual([]);
    }
    await leave([facilitator, ...participants]);
  });

  it('a participant adds a note to their zone, writes in it and votes, with the keyboard alone', async () => {
    const board = await createBoard('ideation', 1);
    const person = await join(board.participantUrl, 'Kim', 'desktop');
    const { page } = person;

    /** Presses Tab until the focused element's text matches, like a keyboard user looking for it. */
    const tabTo = async (name: RegExp) => {
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (name.test(focused)) return presses + 1;
      }
      throw new Error(`${name} cannot be reached with Tab`);
    };

    // From the top of the page, as after joining.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    console.info(`"Ajouter un post-it" reached in ${await tabTo(/Ajouter un post-it/)} presses of Tab`);
    await page.keyboard.press('Enter');
    // The note is created in the person's zone with the text cursor in it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
    await page.keyboard.type('Une idée écrite au clavier');
    await page.keyboard.press('Escape');
    const note = page
      .locator('.tl-shape[data-shape-type="note"]')
      .filter({ hasText: 'Une idée écrite au clavier' });
    await note.waitFor();
    const noteId = (await note.getAttribute('data-shape-id'))!;
    // In the person's zone of the step, once the server has it.
    const firstZone = (await sessionOf(board)).steps[0]!.frameId;
    await expect
      .poll(async () => (await recordsOf(board)).find((record) => record.id === noteId)?.parentId, PATIENCE)
      .toBe(firstZone);

    await command(board, { type: 'vote.open', dotsPerPerson: 3, maxDotsPerItem: 3, anonymous: false });
    const dotsLeft = page.getByTestId('dots-left');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/3 sur 3/);
    // The note stays selected after Escape (tldraw's Tab then moves the selection from shape to
    // shape): P puts a dot on the selected note, Shift+P takes it back.
    await page.keyboard.press('p');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/2 sur 3/);
    await page.keyboard.press('Shift+P');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/3 sur 3/);
    await page.keyboard.press('p');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/2 sur 3/);
    await page.keyboard.press('p');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/1 sur 3/);
    // The action bar says which key does it.
    expect(
      await page.getByRole('button', { name: 'Voter', exact: true }).getAttribute('aria-keyshortcuts'),
    ).toBe('P');
    await expect.poll(() => page.getByTestId('vote-badge').getAttribute('data-mine'), PATIENCE).toBe('2');
    await page.screenshot({ path: path.join(artifacts, 'live-keyboard-note-and-vote.png') });
    await leave([person]);
  });

  it('a whole PGO session: nobody touches the camera and every step comes into view by itself', async () => {
    const board = await createBoard('pgo');
    const facilitator = await join(board.facilitatorUrl, 'Claire', 'desktop');
    const participants = [
      await join(board.participantUrl, 'Jean', 'desktop'),
      await join(board.participantUrl, 'Sophie', 'tablet'),
      await join(board.participantUrl, 'Mehdi', 'phone'),
    ];
    const everyone = [facilitator, ...participants];
    const [, tablet, phone] = participants as [Person, Person, Person];
    const { steps } = await sessionOf(board);

    // Starting the session.
    await facilitator.page
      .getByTestId('facilitation-header')
      .getByRole('button', { name: 'Démarrer' })
      .click();
    for (let index = 0; index < steps.length; index++) {
      const step = steps[index]!;
      if (index > 0) await nextStep(facilitator);
      for (const person of everyone)
        await person.page.getByRole('heading', { name: step.title.fr }).waitFor(PATIENCE);
      // The step's timer starts with it (session-ux), for everyone, on every device.
      if (step.timerStart !== 'manual')
        for (const person of everyone)
          await person.page.locator('[data-testid="countdown"][data-status="running"]').waitFor(PATIENCE);
      if (step.frameId)
        for (const person of everyone) await expectInPlace(person, [step.frameId], `step ${index + 1}`);
      expect(await headerProblems(phone.page, true)).toEqual([]);
      expect(await headerProblems(tablet.page, true)).toEqual([]);

      if (step.id === 'themes') {
        // PGO's reflection is private (S-PRIV-7): the big button opens each person's own list, its text
        // box ready, and the idea waits there, in the column chosen, until "Révéler".
        for (const [i, person] of participants.entries()) {
          await person.page.getByRole('button', { name: 'Écrire une idée privée' }).click();
          const panel = person.page.getByTestId('private-notes');
          const box = panel.getByLabel('Nouvelle idée');
          await expect.poll(() => box.evaluate((el) => el === document.activeElement), PATIENCE).toBe(true);
          await person.page.keyboard.type(`Idée de ${person.name}`);
          await panel.getByLabel('Où la placer').selectOption({ index: i + 3 });
          await panel.getByRole('button', { name: 'Ajouter', exact: true }).click();
          await panel
            .getByTestId('private-note')
            .filter({ hasText: `Idée de ${person.name}` })
            .waitFor(PATIENCE);
        }
        await shoot(participants, 'pgo-private-ideas');
        await command(board, { type: 'private.reveal' });
        for (const person of everyone)
          for (const other of participants)
            await person.page
              .locator('.tl-shape[data-shape-type="note"]')
              .filter({ hasText: `Idée de ${other.name}` })
              .waitFor({ state: 'attached', ...PATIENCE });
        await shoot(participants, 'pgo-notes');
      }
      if (step.id === 'theme-vote') {
        // The kit's vote: on the themes' columns, from the list of themes by the thumb.
        await command(board, { type: 'vote.open', ...step.vote, frameId: step.frameId });
        const choices = ["Droit à l'information", "Droit à l'information", "Santé à l'école/université"];
        for (const [i, person] of participants.entries()) {
          await person.page.getByRole('button', { name: `Voter pour « ${choices[i]} »` }).click();
          await expect
            .poll(() => person.page.getByTestId('dots-left').textContent(), PATIENCE)
            .toMatch(/1 sur 2/);
        }
        for (const person of everyone) expect(await liveUiViolations(person.page), person.device).toEqual([]);
        await shoot(everyone, 'pgo-voted');
        await command(board, { type: 'vote.close' });
        await command(board, { type: 'vote.reveal' });
        // The two themes are retained, for everyone to read; the server makes their cards.
        for (const person of everyone)
          await person.page
            .getByTestId('decision')
            .getByText("Droit à l'information")
            .first()
            .waitFor(PATIENCE);
        await phone.page.getByText('Résultats du vote').waitFor(PATIENCE);
      }
      if (index > 2)
        // The vote's results and refusals belong to its step.
        for (const person of everyone) expect(await person.page.getByText('Vote clos').count()).toBe(0);
      if (step.id === 'engagements') {
        // The phone opens a card's form from the card itself.
        const card = phone.page.locator('.tl-shape').filter({ hasText: 'Engagement —' }).first();
        await card.waitFor(PATIENCE);
        await expectInPlace(phone, [step.frameId!], 'with the engagement cards');
        const box = (await card.boundingBox())!;
        await phone.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await phone.page.getByRole('button', { name: 'Remplir la fiche' }).click();
        await phone.page
          .getByTestId('card-panel')
          .getByRole('heading', { name: 'Engagement', exact: true })
          .waitFor();
        await phone.page.screenshot({ path: path.join(artifacts, 'live-pgo-card-form-phone.png') });
        await phone.page.getByRole('button', { name: 'Fermer la fiche' }).click();
      }
      await shoot(everyone, `pgo-${index + 1}`);
    }
    await leave(everyone);
    // Four devices through every step of the kit: longer than one step's test.
  }, 180_000);
});
