// The accessibility statement and the board's own controls (issue 16, items 4 and 5): /accessibilite is
// served, reached from every screen, clean under axe (every impact, WCAG 2.1 A and AA); the board's
// top bar and panels are clean, their controls 44 px on touch screens, and nothing overlaps at 390 px.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoardAt, enterBoard, type AxeFinding } from './support/app';
import { devices, openIsolatedPage, type Device } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();
const STATEMENT_LINK = /^Accessibilité : (partiellement|totalement|non) conforme$/;

/** Every axe violation, whatever its impact (the other browser tests keep to serious and critical). */
async function allViolations(page: Page, exclude: string[] = []): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
}

/**
 * The app's own controls (not tldraw's, not links inside text) smaller than 44×44 px: a checkbox or
 * radio counts by its label, which is what a finger presses.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, summary',
    )) {
      // tldraw's own controls (its 40 px buttons) and links inside a sentence are not ours to size.
      if (element.closest('.tl-canvas, [class*="tl-watermark"]')) continue;
      if ([...element.classList].some((name) => name.startsWith('tlui-'))) continue;
      if (element.matches('a') && element.closest('p')) continue;
      const target =
        element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)
          ? (element.closest('label') ?? element)
          : element;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (box.width < 44 - 0.5 || box.height < 44 - 0.5)
        small.push(
          `${element.tagName.toLowerCase()} «${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}» ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  });
}

/** Pairs of the board's top-bar controls (and the folded facilitator strip) that overlap on screen. */
async function overlappingTopBarControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        '.board-share-panel button, .fac-header button, .fac-header summary, .fac-panel.is-collapsed button, .tlui-layout__top button',
      ),
    ].filter((element) => element.getBoundingClientRect().width > 0);
    const name = (element: HTMLElement) =>
      (element.getAttribute('aria-label') ?? element.getAttribute('title') ?? element.textContent ?? '')
        .trim()
        .slice(0, 30);
    const overlaps: string[] = [];
    controls.forEach((a, i) => {
      for (const b of controls.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        // tldraw's own menu buttons overlap by design on phones: only ours against anything count.
        const tldraws = (element: HTMLElement) => [...element.classList].some((n) => n.startsWith('tlui-'));
        if (tldraws(a) && tldraws(b)) continue;
        const r = a.getBoundingClientRect();
        const s = b.getBoundingClientRect();
        const overlapX = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const overlapY = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (overlapX > 1 && overlapY > 1) overlaps.push(`«${name(a)}» × «${name(b)}»`);
      }
      const r = a.getBoundingClientRect();
      if (r.left < -1 || r.right > window.innerWidth + 1) overlaps.push(`«${name(a)}» off screen`);
    });
    return overlaps;
  });
}

async function openStatementFrom(page: Page): Promise<void> {
  await page.getByRole('link', { name: STATEMENT_LINK }).click();
  await page.getByRole('heading', { name: 'Déclaration d’accessibilité', level: 1 }).waitFor();
}

describe('the accessibility statement', () => {
  it('is served at /accessibilite by the server itself, in the official structure', async () => {
    const response = await fetch(`${app.server.url}/accessibilite`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);

    const { page, watch } = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await page.goto(`${app.server.url}/accessibilite`);
    await page.getByRole('heading', { name: 'Déclaration d’accessibilité', level: 1 }).waitFor();
    for (const heading of [
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Alternative accessible : la vue liste',
      'Établissement de cette déclaration',
      'Retour d’information et contact',
      'Voies de recours',
    ])
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    await page.getByText(/Atelier est partiellement conforme avec le référentiel/).waitFor();
    await page.getByText(/% des critères du RGAA version 4\.1\.2 sont respectés/).waitFor();
    // No contact configured on this server: the page says so rather than inventing one.
    await page.getByText(/n’a pas encore indiqué de contact \(réglage ACCESSIBILITY_CONTACT\)/).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'Écrire un message au Défenseur des droits' })
        .getAttribute('href'),
    ).toBe('https://formulaire.defenseurdesdroits.fr/');
    await page.getByText('Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07').waitFor();
    expect(await page.title()).toBe('Déclaration d’accessibilité · Atelier');
    expect(await allViolations(page)).toEqual([]);

    // In English, the page is translated and the audit's French passages are marked as French.
    await page.evaluate(() => localStorage.setItem('atelier.locale', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Accessibility statement', level: 1 }).waitFor();
    await page.getByText(/Atelier is partially compliant with the French accessibility framework/).waitFor();
    expect(await allViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('is linked from the home page, the join screen, the privacy page and the board, each clean under axe', async () => {
    const board = await createBoardAt(app.server.url, {
      title: 'Atelier lié',
      template: 'codev',
      locale: 'fr',
    });
    const { page } = await openIsolatedPage(app.browser, app.server.url, devices.desktop);
    await page.goto(app.server.url);
    await page.getByLabel('Titre du tableau').waitFor();
    expect(await allViolations(page), 'home').toEqual([]);
    await openStatementFrom(page);
    await page.goto(board.participantUrl);
    await page.getByLabel('Votre nom').waitFor();
    expect(await allViolations(page), 'join').toEqual([]);
    await openStatementFrom(page);
    await page.goto(`${app.server.url}/donnees-personnelles`);
    await page.getByRole('heading', { name: 'Données personnelles', level: 1 }).waitFor();
    expect(await allViolations(page), 'privacy page').toEqual([]);
    await openStatementFrom(page);
    // From the statement back to the privacy page: the footer is the same on both.
    await page.getByRole('link', { name: 'Données personnelles' }).click();
    await page.getByRole('heading', { name: 'Données personnelles', level: 1 }).waitFor();

    // The join screen with the keyboard alone (RGAA 12.8 and 10.7): the name has the focus, Tab reaches
    // the lab then the button, whose focus is drawn, and Enter opens the board.
    await page.goto(board.participantUrl);
    await page.getByLabel('Votre nom').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          text: element.textContent,
          autocomplete: element.getAttribute('autocomplete'),
          outline: style.outlineStyle,
        };
      });
    expect((await focused()).autocomplete).toBe('name');
    await page.keyboard.type('Camille');
    await page.keyboard.press('Tab');
    expect((await focused()).autocomplete).toBe('organization');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({
      text: 'Entrer dans le tableau',
      outline: expect.not.stringMatching(/^none$/),
    });
    await page.keyboard.press('Enter');
    await page.locator('.tl-canvas').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('connection-badge').filter({ hasText: 'Connecté' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Données personnelles' }).click();
    const dialog = page.getByRole('dialog', { name: 'Données personnelles' });
    await dialog.getByRole('link', { name: STATEMENT_LINK }).waitFor();
    expect(await allViolations(page, ['.tl-canvas']), 'board privacy dialog').toEqual([]);
    const [statement] = await Promise.all([
      page.context().waitForEvent('page'),
      dialog.getByRole('link', { name: STATEMENT_LINK }).click(),
    ]);
    await statement.getByRole('heading', { name: 'Déclaration d’accessibilité', level: 1 }).waitFor();
    await page.context().close();
  });
});

describe('the board’s top bar and panels', () => {
  const sizes: [string, Device][] = [
    ['390x844', devices.phone],
    ['1024x768-touch', devices.tablet],
    ['1440x900', devices.desktop],
  ];

  // axe runs at 1440×900 (the rules do not depend on the size; the other browser tests run the serious
  // ones on every size); every size checks targets, overlaps and leaves screenshots.
  it('participant and facilitator: no axe violation, 44 px targets on touch, no overlap at any size', async () => {
    const board = await createBoardAt(app.server.url, {
      title: 'Atelier PGO',
      template: 'pgo',
      locale: 'fr',
    });
    for (const [name, device] of sizes) {
      const touch = device.hasTouch === true;
      const withAxe = !touch;
      const participant = (await openIsolatedPage(app.browser, app.server.url, device)).page;
      await participant.goto(`${app.server.url}/accessibilite`);
      await participant.getByRole('heading', { level: 1 }).waitFor();
      await participant.screenshot({ path: path.join(artifacts, `accessibilite-${name}.png`) });
      await participant.screenshot({
        path: path.join(artifacts, `accessibilite-${name}-page.png`),
        fullPage: true,
      });
      if (touch) expect(await smallTargets(participant), `statement ${name}`).toEqual([]);

      await enterBoard(participant, board.participantUrl, `Camille ${name}`);
      await participant.screenshot({ path: path.join(artifacts, `barre-participant-${name}.png`) });
      expect(await overlappingTopBarControls(participant), `participant ${name}`).toEqual([]);
      if (touch) expect(await smallTargets(participant), `participant ${name}`).toEqual([]);
      if (withAxe)
        expect(await allViolations(participant, ['.tl-canvas']), `participant ${name}`).toEqual([]);
      await participant.context().close();

      const page = (await openIsolatedPage(app.browser, app.server.url, device)).page;
      await enterBoard(page, board.facilitatorUrl, `Claire ${name}`);
      await page.screenshot({ path: path.join(artifacts, `barre-animateur-${name}.png`) });
      expect(await overlappingTopBarControls(page), `facilitator ${name}`).toEqual([]);
      const panel = page.getByTestId('facilitator-panel');
      const show = panel.getByRole('button', { name: 'Afficher le panneau d’animation' });
      if (await show.isVisible()) await show.click();
      await panel.getByRole('button', { name: 'Démarrer' }).waitFor();
      await page.screenshot({ path: path.join(artifacts, `panneau-animateur-${name}.png`) });
      if (touch) expect(await smallTargets(page), `facilitator panel ${name}`).toEqual([]);
      if (withAxe) expect(await allViolations(page, ['.tl-canvas']), `facilitator panel ${name}`).toEqual([]);
      await panel.getByRole('button', { name: 'Réduire le panneau d’animation' }).click();

      await page.getByRole('button', { name: 'Exporter', exact: true }).click();
      await page.getByRole('dialog', { name: 'Exporter le tableau' }).waitFor();
      await page.screenshot({ path: path.join(artifacts, `export-${name}.png`) });
      if (touch) expect(await smallTargets(page), `export ${name}`).toEqual([]);
      if (withAxe) expect(await allViolations(page, ['.tl-canvas']), `export ${name}`).toEqual([]);
      await page.context().close();
    }
  }, 180_000);
});
