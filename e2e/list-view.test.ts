// The list view (issue 16): a PGO step taken with the keyboard alone, no mouse event at all (join,
// "Vue liste", a note in a theme's column, a vote, the facilitator's step change heard through the
// live region), while a canvas user on another page sees the note arrive and their own note comes
// into the list; axe-core (WCAG 2.1 AA) on the list view, the facilitator's panel and the card form
// with a vote open, its results and groups; the accessibility tree; screenshots on every screen.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardRecords, createBoardAt, enterBoard, facilitatorCommand } from './support/app';
import { devices, openIsolatedPage, type Device, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

/** Time for a change to travel server → browsers; a wrong outcome still fails. */
const PATIENCE = { timeout: 10_000, interval: 100 };

const command = (board: CreatedBoard, body: unknown): Promise<PublicSessionState> =>
  facilitatorCommand(app.server.url, board, body);

async function sessionOf(board: CreatedBoard): Promise<PublicSessionState> {
  const response = await fetch(`${app.server.url}/api/boards/${board.id}/session`);
  return (await response.json()) as PublicSessionState;
}

interface Finding {
  id: string;
  impact: string | null | undefined;
  targets: string[];
}

/** Every WCAG 2.1 A/AA violation of any impact inside `selector` (the canvas is hidden meanwhile). */
async function violationsIn(page: Page, selector: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
}

/** Counts every mouse and pointer event the page receives, from its first script on. */
async function countMouseEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { mouseEvents: string[] };
    w.mouseEvents = [];
    for (const type of [
      'mousedown',
      'mouseup',
      'mousemove',
      'pointerdown',
      'pointerup',
      'pointermove',
      'wheel',
    ])
      window.addEventListener(type, () => w.mouseEvents.push(type), { capture: true });
  });
}

/** The page's focused element's accessible text. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    return `${element?.getAttribute('aria-label') ?? ''} ${element?.textContent?.trim() ?? ''}`.trim();
  });

/** Presses Tab until the focused element's name matches, like a keyboard user looking for it. */
async function tabTo(page: Page, name: RegExp, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedText(page))) return presses;
  }
  throw new Error(`${name} cannot be reached with Tab (last: ${await focusedText(page)})`);
}

const announcer = (page: Page) => page.getByTestId('live-announcer');

async function close(pages: { page: Page; watch: PageWatch }[]): Promise<void> {
  for (const { page, watch } of pages) {
    expect(watch.errors.filter((error) => /pageerror|Content Security Policy/.test(error))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  }
}

describe('the list view', () => {
  it('a PGO step with the keyboard alone, live with a canvas user', async () => {
    const board = await createBoardAt(app.server.url, {
      title: 'Atelier PGO',
      template: 'pgo',
      locale: 'fr',
    });
    // Shared rather than private (S-PRIV-7), so the keyboard user writes on the board itself.
    await command(board, { type: 'private.set', stepId: 'themes', private: false });
    await command(board, { type: 'step.goto', stepId: 'themes', start: true });
    const { steps } = await sessionOf(board);
    const themes = steps.find((step) => step.id === 'themes')!;
    const records = await boardRecords(app.server.url, board.id);
    const columns = records.filter(
      (record) =>
        record.type === 'frame' &&
        record.parentId === themes.frameId &&
        (record.meta?.['atelier.zone'] as { kind?: string } | undefined)?.kind === 'theme',
    );
    const columnName = (index: number) => String(columns[index]!.props?.name);
    const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    // Kim, keyboard only: joins with Tab, typing and Enter.
    const kim = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await countMouseEvents(kim.page);
    const { page } = kim;
    await page.goto(board.participantUrl);
    await page.getByLabel('Votre nom').waitFor();
    // The name field has the focus on arrival.
    await page.keyboard.type('Kim');
    await page.keyboard.press('Enter');
    await page.getByTestId('connection-badge').filter({ hasText: 'Connecté' }).waitFor({ timeout: 30_000 });

    // Léa, on the canvas of another page.
    const lea = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await enterBoard(lea.page, board.participantUrl, 'Léa');

    // "Vue liste" is reached with Tab from the top of the page; Enter opens it, its title focused.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    console.info(`"Vue liste" reached in ${await tabTo(page, /^Vue liste$/)} presses of Tab`);
    await page.keyboard.press('Enter');
    const list = page.getByTestId('list-view');
    await list.waitFor();
    await expect.poll(() => focusedText(page)).toBe('Vue liste : Atelier PGO');
    // The canvas is out of sight and out of the accessibility tree meanwhile.
    expect(await page.locator('.tl-canvas').isVisible()).toBe(false);
    // The step, as the header says it, and each theme's column as a heading.
    await list.getByRole('heading', { level: 2, name: themes.title.fr }).waitFor();
    for (let index = 0; index < columns.length; index++)
      await list.getByRole('heading', { level: 4, name: new RegExp(pattern(columnName(index))) }).waitFor();

    // A note in the first column: its button, the text, Enter on "Ajouter un post-it".
    await tabTo(page, new RegExp(`Ajouter un post-it dans « ${pattern(columnName(0))} »`));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('Une idée écrite sans souris');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const kimsNote = list.getByTestId('list-item').filter({ hasText: 'Une idée écrite sans souris' });
    await kimsNote.waitFor();
    await expect.poll(() => kimsNote.textContent()).toMatch(/par vous/);
    // The focus is back on the button that opened the form.
    await expect.poll(() => focusedText(page)).toMatch(/Ajouter un post-it dans/);

    // Léa sees it on her canvas, in the column, by Kim; the server has it there.
    await lea.page
      .locator('.tl-shape[data-shape-type="note"]')
      .filter({ hasText: 'Une idée écrite sans souris' })
      .waitFor(PATIENCE);
    await expect
      .poll(
        async () =>
          (await boardRecords(app.server.url, board.id)).find(
            (record) => record.type === 'note' && JSON.stringify(record.props).includes('sans souris'),
          )?.parentId,
        PATIENCE,
      )
      .toBe(columns[0]!.id);

    // Léa adds hers on the canvas, in the second column: Kim's list has it, by Léa, and says so.
    await lea.page.getByRole('button', { name: 'Ajouter un post-it' }).click();
    await lea.page.getByRole('group', { name: 'Dans quelle colonne ?' }).getByRole('button').nth(1).click();
    await lea.page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
    await lea.page.keyboard.type('Idée de Léa');
    await lea.page.keyboard.press('Escape');
    const leasNote = list.getByTestId('list-item').filter({ hasText: 'Idée de Léa' });
    await leasNote.waitFor(PATIENCE);
    expect(await leasNote.textContent()).toMatch(/par Léa/);
    await expect
      .poll(() => list.locator(`[data-section-id="${columns[1]!.id}"]`).textContent(), PATIENCE)
      .toMatch(/Idée de Léa/);
    await expect
      .poll(() => announcer(page).textContent(), PATIENCE)
      .toMatch(/nouveau post-it dans votre zone/);
    // Kim may not delete Léa's note (W-NOTE-DELETE): no such button; his own has one.
    expect(await leasNote.getByRole('button', { name: /Supprimer/ }).count()).toBe(0);
    expect(await kimsNote.getByRole('button', { name: /Supprimer/ }).count()).toBe(1);

    // The vote: announced; a dot with Enter, taken back, put again.
    await command(board, {
      type: 'vote.open',
      dotsPerPerson: 3,
      maxDotsPerItem: 3,
      anonymous: false,
      frameId: themes.frameId,
    });
    await expect.poll(() => announcer(page).textContent(), PATIENCE).toMatch(/Vote ouvert : 3 point/);
    const dotsLeft = list.getByTestId('dots-left');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/3 sur 3/);
    await tabTo(page, /^Voter pour « Idée de Léa »/);
    await page.keyboard.press('Enter');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/2 sur 3/);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toMatch(/Retirer un point de « Idée de Léa »/);
    await page.keyboard.press('Enter');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/3 sur 3/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/2 sur 3/);
    await expect.poll(() => leasNote.textContent(), PATIENCE).toMatch(/1 de vos points/);
    expect(await violationsIn(page, '[data-testid="list-view"]'), 'vote open').toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'list-view-vote-open-1440.png') });

    // Results shown: announced, counted on each note.
    await command(board, { type: 'vote.close' });
    await command(board, { type: 'vote.reveal' });
    await expect
      .poll(() => announcer(page).textContent(), PATIENCE)
      .toMatch(/Vote terminé : ses résultats sont affichés/);
    await expect.poll(() => leasNote.textContent(), PATIENCE).toMatch(/1 point\(s\)/);
    expect(await violationsIn(page, '[data-testid="list-view"]'), 'results').toEqual([]);

    // The facilitator moves on: the step change is heard and the list follows.
    const next = steps[steps.indexOf(themes) + 1]!;
    await command(board, { type: 'step.next', start: true });
    await expect.poll(() => announcer(page).textContent(), PATIENCE).toContain(next.title.fr);
    await list.getByRole('heading', { level: 2, name: next.title.fr }).waitFor(PATIENCE);

    // The accessibility tree: the view's title, the step, its zones and their lists, every control named.
    await command(board, { type: 'step.goto', stepId: 'themes' });
    await list.getByRole('heading', { level: 2, name: themes.title.fr }).waitFor(PATIENCE);
    const tree = await list.ariaSnapshot();
    expect(tree).toContain('heading "Vue liste : Atelier PGO" [level=1]');
    expect(tree).toContain(`heading "${themes.title.fr}" [level=2]`);
    expect(tree).toMatch(new RegExp(`heading "${pattern(columnName(0))} \\(votre zone\\)" \\[level=4\\]`));
    expect(tree).toMatch(new RegExp(`list "Contenu de « ${pattern(columnName(0))} »"`));
    expect(tree).toMatch(/listitem:[\s\S]*article "Une idée écrite sans souris"/);
    expect(tree).toMatch(/button "Modifier « Une idée écrite sans souris »"/);
    expect(tree).toMatch(/timer "[^"]+"/);
    console.info(tree.split('\n').slice(0, 40).join('\n'));

    // Alt+Shift+L goes back to the canvas, focus on the switch.
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(() => list.count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Vue liste');
    // On the canvas, Tab walks the notes in reading order, across columns, skipping the template;
    // tldraw's status region reads each one's text.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, /Déplacer le focus sur la toile/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('tl-container'));
    const status = page.getByRole('status', { name: 'Statut' });
    await page.keyboard.press('Tab');
    await expect.poll(() => status.textContent(), PATIENCE).toMatch(/^Une idée écrite sans souris, /);
    await page.keyboard.press('Tab');
    await expect.poll(() => status.textContent(), PATIENCE).toMatch(/^Idée de Léa, /);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => status.textContent(), PATIENCE).toMatch(/^Une idée écrite sans souris, /);
    // And back to the list.
    await page.keyboard.press('Alt+Shift+L');
    await list.waitFor();

    // Not a single mouse or pointer event on Kim's page.
    expect(await page.evaluate(() => (window as unknown as { mouseEvents: string[] }).mouseEvents)).toEqual(
      [],
    );
    await close([kim, lea]);
  }, 150_000);

  it('groups, the facilitator panel and a card form from the list, on every screen', async () => {
    const board = await createBoardAt(app.server.url, {
      title: 'Idéation',
      template: 'ideation',
      locale: 'fr',
      groups: 2,
    });
    const records = await boardRecords(app.server.url, board.id);
    const zone = (record: { meta?: Record<string, unknown> }) =>
      record.meta?.['atelier.zone'] as { kind?: string; group?: number } | undefined;
    const groupFrames = records
      .filter((record) => record.type === 'frame' && zone(record)?.kind === 'group')
      .sort((a, b) => (zone(a)?.group ?? 0) - (zone(b)?.group ?? 0))
      .map((record) => record.id);

    const screens: [string, string, Device][] = [
      ['Claire', board.facilitatorUrl, devices.desktop],
      ['Mehdi', board.participantUrl, devices.phone],
      ['Sophie', board.participantUrl, devices.tablet],
      [
        'Jean',
        board.participantUrl,
        { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true },
      ],
    ];
    const people: { name: string; page: Page; watch: PageWatch }[] = [];
    for (const [name, url, device] of screens) {
      const opened = await openIsolatedPage(app.browser, app.server.url, device);
      await enterBoard(opened.page, url, name);
      people.push({ name, ...opened });
    }
    const [facilitator, ...participants] = people as [(typeof people)[0], ...typeof people];
    await command(board, { type: 'step.goto', stepId: 'ideas', start: true });
    await command(board, {
      type: 'groups.split',
      count: 2,
      mode: 'balanced',
      frameIds: groupFrames,
      names: ['Groupe 1', 'Groupe 2'],
    });
    // The canvas at 320 px, before the switch.
    await people[3]!.page.screenshot({ path: path.join(artifacts, 'list-view-canvas-320.png') });
    for (const person of people) {
      await person.page.getByTestId('list-view-toggle').click();
      await person.page.getByTestId('list-view').waitFor();
    }
    // Each participant's zone is their group's: one "votre zone", with its add button.
    for (const person of participants) {
      const list = person.page.getByTestId('list-view');
      await expect.poll(() => list.getByText('(votre zone)').count(), PATIENCE).toBe(1);
      await list.getByRole('button', { name: /Ajouter un post-it dans/ }).waitFor();
      // Usable at 320 px: nothing wider than the screen.
      expect(
        await person.page.evaluate(
          () => document.querySelector('.list-view')!.scrollWidth <= window.innerWidth,
        ),
        person.name,
      ).toBe(true);
      expect(await violationsIn(person.page, '[data-testid="list-view"]'), `${person.name}, groups`).toEqual(
        [],
      );
    }

    // The facilitator works from the list: the panel in its flow, open, checked.
    const panel = facilitator.page.getByTestId('list-view').getByTestId('facilitator-panel');
    await panel.waitFor();
    if ((await panel.getByRole('button', { name: 'Afficher le panneau d’animation' }).count()) > 0)
      await panel.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();
    await panel.getByRole('button', { name: /Étape suivante|Terminer/ }).waitFor();
    expect(await violationsIn(facilitator.page, '[data-testid="list-view"]'), 'facilitator').toEqual([]);
    await panel.getByRole('button', { name: /Étape suivante/ }).click();
    const actions = (await sessionOf(board)).steps.find((step) => step.id === 'actions')!;
    await command(board, { type: 'step.goto', stepId: 'actions' });
    for (const person of people)
      await person.page
        .getByTestId('list-view')
        .getByRole('heading', { level: 2, name: actions.title.fr })
        .waitFor(PATIENCE);

    // An action card's form, opened from the list, checked, closed back to its button.
    const phone = participants[0]!;
    const fill = phone.page
      .getByTestId('list-view')
      .getByRole('button', { name: /Remplir la fiche/ })
      .first();
    await fill.click();
    const form = phone.page.getByTestId('card-panel');
    await form.waitFor();
    expect(await violationsIn(phone.page, '[data-testid="card-panel"]'), 'card form').toEqual([]);
    await phone.page.screenshot({ path: path.join(artifacts, 'list-view-card-form-390.png') });
    await phone.page.getByRole('button', { name: 'Fermer la fiche' }).click();
    await expect.poll(() => focusedText(phone.page)).toMatch(/Remplir la fiche/);

    for (const [index, person] of people.entries()) {
      const { width } = person.page.viewportSize()!;
      await person.page.screenshot({
        path: path.join(artifacts, `list-view-${index === 0 ? 'facilitator' : 'participant'}-${width}.png`),
      });
    }
    // The facilitator's list on a tablet's and a phone's width too (the panel above the list).
    for (const viewport of [devices.tablet.viewport, devices.phone.viewport]) {
      await facilitator.page.setViewportSize(viewport);
      await facilitator.page.screenshot({
        path: path.join(artifacts, `list-view-facilitator-${viewport.width}.png`),
      });
    }
    await close(people);
  }, 150_000);
});
