// Facilitation in real browsers: one countdown for everyone whatever their clock, dot votes, the
// facilitator's panel (and nobody else's), accessibility.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterBoard, seriousViolations, writeStickyNote } from './support/app';
import { openIsolatedPage, type PageWatch } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

/** An ideation workshop (four timed steps, a vote step), created as the home page would. */
async function createWorkshop(): Promise<{ participantUrl: string; facilitatorUrl: string }> {
  const response = await fetch(`${app.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Journée des labs', template: 'ideation', groups: 1, locale: 'fr' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { participantUrl: string; facilitatorUrl: string };
}

interface Person {
  page: Page;
  watch: PageWatch;
}

async function openPerson(options: { clockSkewMs?: number } = {}): Promise<Person> {
  const person = await openIsolatedPage(app.browser, app.server.url);
  if (options.clockSkewMs) {
    // This computer's clock is wrong: the countdown must not be.
    await person.page.addInitScript((skew: number) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + skew;
    }, options.clockSkewMs);
  }
  return person;
}

async function close(...people: Person[]): Promise<void> {
  for (const { page, watch } of people) {
    expect(watch.errors.filter((error) => /pageerror/.test(error))).toEqual([]);
    await page.context().close();
  }
}

/** Time for a change to reach another page; a wrong value still fails, only later. */
const PATIENCE = { timeout: 10_000 };

const countdown = (page: Page) => page.getByTestId('countdown');

/** The canvas camera, as tldraw applies it to the shapes layer ("scale(z) translate(x, y)"). */
async function camera(page: Page): Promise<number[]> {
  const transform = await page
    .locator('.tl-html-layer')
    .first()
    .evaluate((element) => element.style.transform);
  return (transform.match(/-?[\d.]+/g) ?? []).map((value) => Math.round(Number(value)));
}

function seconds(display: string): number {
  const match = /^(-?)(?:(\d+):)?(\d+):(\d+)$/.exec(display.trim());
  if (!match) throw new Error(`not a countdown: ${display}`);
  const [, sign, hours, minutes, rest] = match;
  const total = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(rest);
  return sign ? -total : total;
}

/** Records, in the page, when each countdown value first appears (on a clock shared by all pages). */
async function recordFlips(page: Page): Promise<void> {
  await countdown(page).evaluate((element) => {
    const flips: { text: string; at: number }[] = [];
    (window as unknown as { __flips: typeof flips }).__flips = flips;
    new MutationObserver(() => {
      flips.push({ text: element.textContent ?? '', at: performance.timeOrigin + performance.now() });
    }).observe(element, { childList: true, characterData: true, subtree: true });
  });
}

async function flips(page: Page): Promise<{ text: string; at: number }[]> {
  return page.evaluate(() => (window as unknown as { __flips: { text: string; at: number }[] }).__flips);
}

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();
  await page.getByRole('button', { name: 'Réduire le panneau d’animation' }).waitFor();
}

describe('facilitating a workshop in the browser', () => {
  it('shows everyone the same step and countdown, whatever their clock, and survives a reload', async () => {
    const { participantUrl, facilitatorUrl } = await createWorkshop();
    const facilitator = await openPerson();
    await enterBoard(facilitator.page, facilitatorUrl, 'Animatrice', 'Lab 110 bis');
    // 97 s ahead: seconds shown from the local clock would differ by 97.
    const participant = await openPerson({ clockSkewMs: 97_000 });
    await enterBoard(participant.page, participantUrl, 'Participant', 'Lab de Lyon');
    expect((await participant.page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(90_000);

    for (const { page } of [facilitator, participant]) {
      await page.getByRole('heading', { name: 'Idées individuelles en silence' }).waitFor();
      await expect.poll(() => countdown(page).textContent(), PATIENCE).toBe('08:00');
    }
    expect(await participant.page.getByTestId('instructions').textContent()).toMatch(/une idée par post-it/);
    // A participant has no facilitation controls at all.
    await facilitator.page.getByTestId('facilitator-panel').waitFor();
    expect(await participant.page.getByTestId('facilitator-panel').count()).toBe(0);
    expect(await participant.page.getByRole('button', { name: 'Démarrer' }).count()).toBe(0);
    expect(await participant.page.getByRole('button', { name: 'Rassembler tout le monde ici' }).count()).toBe(
      0,
    );

    await recordFlips(facilitator.page);
    await recordFlips(participant.page);
    // The panel starts closed; the header has the facilitator's quick controls.
    await facilitator.page
      .getByRole('group', { name: 'Commandes rapides du minuteur' })
      .getByRole('button', { name: 'Démarrer' })
      .click();
    await participant.page.locator('[data-testid="countdown"][data-status="running"]').waitFor();
    await expect.poll(() => countdown(participant.page).textContent(), PATIENCE).toMatch(/^07:5[0-7]$/);

    // Read at the same moment, the two screens show the same second (or are one tick apart).
    const [shownByFacilitator, shownByParticipant] = await Promise.all([
      countdown(facilitator.page).textContent(),
      countdown(participant.page).textContent(),
    ]);
    expect(
      Math.abs(seconds(shownByFacilitator ?? '') - seconds(shownByParticipant ?? '')),
    ).toBeLessThanOrEqual(1);

    // When does each screen turn to the same value? Their difference is the countdowns' skew.
    const facilitatorFlips = await flips(facilitator.page);
    const participantFlips = await flips(participant.page);
    const differences = facilitatorFlips.flatMap((flip) => {
      const same = participantFlips.find((other) => other.text === flip.text);
      return same && flip.text !== '08:00' ? [same.at - flip.at] : [];
    });
    expect(differences.length).toBeGreaterThanOrEqual(2);
    const worst = Math.max(...differences.map(Math.abs));
    console.info(
      `countdown turn times, participant minus facilitator (ms): ${differences.map((d) => d.toFixed(1)).join(', ')}`,
    );
    expect(worst).toBeLessThan(1000);

    // Pause, from the panel: both screens freeze on the same value.
    await openPanel(facilitator.page);
    await facilitator.page.getByRole('button', { name: 'Pause' }).click();
    await participant.page.locator('[data-testid="countdown"][data-status="paused"]').waitFor();
    await facilitator.page.locator('[data-testid="countdown"][data-status="paused"]').waitFor();
    expect(await countdown(participant.page).textContent()).toBe(
      await countdown(facilitator.page).textContent(),
    );
    await facilitator.page.getByRole('button', { name: '+5 min' }).click();
    await expect
      .poll(async () => seconds((await countdown(participant.page).textContent()) ?? ''), PATIENCE)
      .toBeGreaterThan(12 * 60);

    // The facilitator reloads mid-step: the state comes back from the server.
    await facilitator.page.getByRole('button', { name: 'Reprendre' }).click();
    await participant.page.locator('[data-testid="countdown"][data-status="running"]').waitFor();
    await facilitator.page.reload();
    await facilitator.page.getByRole('button', { name: 'Entrer dans le tableau' }).click();
    await facilitator.page.getByRole('button', { name: 'Pause' }).waitFor();
    await facilitator.page.locator('[data-testid="countdown"][data-status="running"]').waitFor();
    const [afterReload, participantNow] = await Promise.all([
      countdown(facilitator.page).textContent(),
      countdown(participant.page).textContent(),
    ]);
    expect(Math.abs(seconds(afterReload ?? '') - seconds(participantNow ?? ''))).toBeLessThanOrEqual(1);

    // Next step: its timer starts at once (S-STEP-1), and everyone moves on.
    await facilitator.page.getByRole('button', { name: /Étape suivante/ }).click();
    await participant.page.getByRole('heading', { name: 'Partage et regroupement' }).waitFor();
    await participant.page.locator('[data-testid="countdown"][data-status="running"]').waitFor();

    await participant.page.screenshot({ path: path.join(artifacts, 'facilitation-participant.png') });
    await facilitator.page.screenshot({ path: path.join(artifacts, 'facilitation-facilitator.png') });
    await close(facilitator, participant);
  });

  it('counts a dot cast on one page in the results the other page shows after the reveal', async () => {
    const { participantUrl, facilitatorUrl } = await createWorkshop();
    const facilitator = await openPerson();
    await enterBoard(facilitator.page, facilitatorUrl, 'Animatrice');
    const participant = await openPerson();
    await enterBoard(participant.page, participantUrl, 'Participant');

    await writeStickyNote(participant.page, 'Partager nos outils', { x: 900, y: 450 }, { x: 700, y: 700 });
    await facilitator.page.locator('.tl-shape').getByText('Partager nos outils').first().waitFor();

    await openPanel(facilitator.page);
    await facilitator.page.locator('summary', { hasText: 'Vote à points' }).click();
    await facilitator.page.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await participant.page.getByText('Vote en cours').waitFor();
    const dotsLeft = participant.page.getByTestId('dots-left');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/3 sur 3/);

    // The note just written is selected: vote with the button, then with the P key.
    await participant.page.getByRole('button', { name: 'Voter', exact: true }).click();
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/2 sur 3/);
    await participant.page.keyboard.press('p');
    await expect.poll(() => dotsLeft.textContent(), PATIENCE).toMatch(/1 sur 3/);
    const participantBadge = participant.page.getByTestId('vote-badge');
    await expect.poll(() => participantBadge.getAttribute('data-mine'), PATIENCE).toBe('2');
    // Before the reveal, a participant sees their own dots only.
    expect(await participantBadge.getAttribute('data-count')).toBe('');

    // The facilitator follows the count live.
    await expect
      .poll(() => facilitator.page.getByTestId('vote-progress').textContent(), PATIENCE)
      .toMatch(/Votants : 1 · points posés : 2/);
    await expect
      .poll(() => facilitator.page.getByTestId('vote-badge').getAttribute('data-count'), PATIENCE)
      .toBe('2');

    await facilitator.page.getByRole('button', { name: 'Clore le vote' }).click();
    await facilitator.page.getByRole('button', { name: 'Révéler les résultats' }).click();
    await expect.poll(() => participantBadge.getAttribute('data-count'), PATIENCE).toBe('2');
    await participant.page.locator('summary', { hasText: 'Résultats du vote' }).click();
    const results = participant.page.getByRole('list', { name: 'Résultats du vote' });
    expect(await results.textContent()).toMatch(/Partager nos outils.*points : 2/);

    await participant.page.screenshot({ path: path.join(artifacts, 'facilitation-vote.png') });
    await close(facilitator, participant);
  });

  it('has no serious accessibility violation with the panel open', async () => {
    const { participantUrl, facilitatorUrl } = await createWorkshop();
    const facilitator = await openPerson();
    await enterBoard(facilitator.page, facilitatorUrl, 'Animatrice', 'Lab 110 bis');
    const participant = await openPerson();
    await enterBoard(participant.page, participantUrl, 'Participant', 'Lab de Lyon');

    const panel = facilitator.page.getByTestId('facilitator-panel');
    await openPanel(facilitator.page);
    for (const title of ['Vote à points', 'Groupes', 'Participants'])
      await panel.locator('summary', { hasText: title }).click();
    await panel.getByRole('button', { name: 'Former les groupes' }).click();
    await participant.page.getByTestId('my-group').waitFor();
    await panel.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await panel.getByRole('button', { name: 'Démarrer' }).click();
    await participant.page.getByText('Vote en cours').waitFor();
    await expect
      .poll(() => panel.getByTestId('presence').textContent(), PATIENCE)
      .toMatch(/Connectés : 2 sur 2/);

    // "Bring everyone here": the participant, who wandered off, sees what the facilitator sees.
    await participant.page.mouse.move(900, 600);
    await participant.page.mouse.wheel(1500, 900);
    await expect.poll(() => camera(participant.page), PATIENCE).not.toEqual(await camera(facilitator.page));
    await panel.getByRole('button', { name: 'Rassembler tout le monde ici' }).click();
    await expect.poll(async () => camera(participant.page), PATIENCE).toEqual(await camera(facilitator.page));

    await facilitator.page.screenshot({ path: path.join(artifacts, 'facilitation-panel.png') });
    expect(await seriousViolations(facilitator.page, { exclude: ['.tl-canvas'] })).toEqual([]);
    expect(await seriousViolations(participant.page, { exclude: ['.tl-canvas'] })).toEqual([]);

    // Collapsed, the panel leaves the canvas free (the header keeps the essentials) and opens
    // again from the keyboard.
    await panel.getByRole('button', { name: 'Réduire le panneau d’animation' }).click();
    expect(await panel.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await facilitator.page
      .getByTestId('facilitation-header')
      .getByRole('button', { name: 'Pause' })
      .waitFor();
    await panel.getByRole('button', { name: 'Afficher le panneau d’animation' }).focus();
    await facilitator.page.keyboard.press('Enter');
    await panel.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await facilitator.page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await close(facilitator, participant);
  });

  it('lets the facilitator remove someone from the participants panel, after confirming; they are told why', async () => {
    const { participantUrl, facilitatorUrl } = await createWorkshop();
    const troll = await openPerson();
    await enterBoard(troll.page, participantUrl, 'Troll', 'Nulle part');
    const kept = await openPerson();
    await enterBoard(kept.page, participantUrl, 'Paul', 'Lab de Lyon');

    // The participants panel, as the facilitator sees it, on a phone, a tablet and a desktop.
    const viewports = [
      { name: '390x844', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      { name: '1024x768', viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false },
      { name: '1440x900', viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false },
    ];
    let facilitator: Person | null = null;
    for (const { name, ...options } of viewports) {
      const context = await app.browser.newContext({ ...options, locale: 'fr-FR' });
      const page = await context.newPage();
      const watch: PageWatch = { foreignRequests: [], errors: [] };
      page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
      await enterBoard(page, facilitatorUrl, 'Animatrice', 'Lab 110 bis');
      await openPanel(page);
      const panel = page.getByTestId('facilitator-panel');
      await panel.locator('summary', { hasText: 'Participants' }).click();
      const removeTroll = panel.getByRole('button', { name: 'Retirer Troll du tableau' });
      await removeTroll.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, `participants-panel-${name}.png`) });
      const box = await removeTroll.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      if (facilitator) await close({ page, watch });
      else facilitator = { page, watch };
    }
    const page = facilitator!.page;
    const panel = page.getByTestId('facilitator-panel');
    await panel.locator('summary', { hasText: 'Participants' }).click();
    await panel.locator('summary', { hasText: 'Participants' }).click();
    // The "Participants" section (the room view lists people too).
    const people = panel.locator('details', { has: page.locator('summary', { hasText: /^Participants/ }) });

    // Nothing happens before the confirmation; closing the dialog cancels.
    await panel.getByRole('button', { name: 'Retirer Troll du tableau' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirer Troll du tableau ?' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'participants-remove-dialog-390x844.png') });
    expect(await seriousViolations(page, { exclude: ['.tl-canvas'] })).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    expect(await people.getByText('Troll').count()).toBe(1);
    await panel.getByRole('button', { name: 'Retirer Troll du tableau' }).click();
    await page.getByRole('button', { name: 'Retirer du tableau', exact: true }).click();

    await expect.poll(() => people.getByText('Troll').count(), PATIENCE).toBe(0);
    await troll.page.getByText('L’animation vous a retiré·e de ce tableau.').waitFor(PATIENCE);
    await troll.page.screenshot({ path: path.join(artifacts, 'participant-removed.png') });
    // Reloading does not bring them back; Paul carries on.
    await troll.page.reload();
    await troll.page.getByRole('button', { name: 'Entrer dans le tableau' }).click();
    await troll.page.getByText('L’animation vous a retiré·e de ce tableau.').waitFor(PATIENCE);
    expect(await people.getByText('Paul').count()).toBe(1);
    await close(facilitator!, kept);
    await troll.page.context().close();
  });
});
