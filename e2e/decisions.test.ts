// Ties and decisions in the browser (issue 13): the facilitator opens the PGO kit's vote on its themes
// from the panel; a 2–2–2 tie at the cut for two places is shown to the facilitator, who settles it
// (a run-off on a laptop, a choice on a phone); everyone reads the decision in the header and on the
// board, where the server wrote it. Screenshots on a phone (390×844, touch), a tablet (1024×768,
// touch) and a laptop (1440×900), as participant and as facilitator, with axe on what changed.
// First: axe-core (through ./support/app) must load before testkit's sync clients install their
// stand-in `window` for tldraw.
import { createBoardAt, enterBoard, facilitatorCommand, seriousViolations } from './support/app';
import path from 'node:path';
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import { connectSessionClient, testClientKey } from '@atelier/testkit';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { devices, openIsolatedPage } from './support/browser';
import { artifacts, useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();
const PATIENCE = { timeout: 10_000 };
type Device = keyof typeof devices;
const everyDevice: Device[] = ['phone', 'tablet', 'desktop'];

interface BoardRecord {
  id: string;
  type?: string;
  parentId?: string;
  meta?: Record<string, unknown>;
  props?: Record<string, unknown>;
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function createPgo(): Promise<CreatedBoard> {
  return createBoardAt(app.server.url, { title: 'Atelier PGO', template: 'pgo', locale: 'fr' });
}

function command(board: CreatedBoard, body: unknown): Promise<PublicSessionState> {
  return facilitatorCommand(app.server.url, board, body);
}

async function recordsOf(board: CreatedBoard): Promise<BoardRecord[]> {
  const response = await fetch(`${app.server.url}/api/boards/${board.id}/export/board.tldr`);
  return ((await response.json()) as { records: BoardRecord[] }).records;
}

/** The themes' columns and the decision's slot, by what the template marked them with. */
async function layoutOf(board: CreatedBoard) {
  const records = await recordsOf(board);
  const zone = (record: BoardRecord) => record.meta?.['atelier.zone'] as { kind?: string; theme?: string };
  const column = (theme: string) =>
    records.find((record) => record.type === 'frame' && zone(record)?.theme === theme)!.id;
  return {
    sante: column('school-health'),
    droit: column('right-to-information'),
    inclusion: column('inclusive-school'),
    slot: records.find((record) => zone(record)?.kind === 'decision')!.id,
  };
}

/**
 * Three participants who vote from Node (their dots are not what these screens are about). Each
 * ballot is cast on a fresh connection: a board socket that never syncs the canvas is let go by
 * the room after a while.
 */
function voters() {
  return ['Jean', 'Sophie', 'Mehdi'].map((name) => ({ name, clientKey: testClientKey() }));
}

async function cast(
  board: CreatedBoard,
  people: ReturnType<typeof voters>,
  ballots: string[][],
): Promise<void> {
  for (const [i, items] of ballots.entries()) {
    const client = connectSessionClient(app.server.url, { boardId: board.id, ...people[i]! });
    try {
      await client.connected();
      for (const itemId of items)
        expect(await client.command({ type: 'vote.cast', itemId })).toEqual({ ok: true });
    } finally {
      client.close();
    }
  }
}

async function open(device: Device, url: string, name: string): Promise<Page> {
  const { page, watch } = await openIsolatedPage(app.browser, app.server.url, devices[device]);
  cleanups.push(async () => {
    expect(watch.errors.filter((error) => /pageerror|Content Security Policy/.test(error))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
  await enterBoard(page, url, name);
  return page;
}

async function openPanel(page: Page) {
  const show = page.getByRole('button', { name: 'Afficher le panneau d’animation' });
  if (await show.isVisible()) await show.click();
  return page.getByTestId('facilitator-panel');
}

/** Buttons and check boxes' labels a thumb can hit (44 px). */
async function expectTouchTargets(page: Page, selector: string, device: Device): Promise<void> {
  for (const target of await page.locator(selector).all()) {
    const box = await target.boundingBox();
    expect(box?.height, `${selector} on the ${device}`).toBeGreaterThanOrEqual(44);
  }
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifacts, `decisions-${name}.png`) });

describe('ties and decisions on every device', () => {
  it(
    'the facilitator opens the vote on the themes, sees the tie at the cut and settles it by a run-off; everyone reads the decision',
    { timeout: 240_000 },
    async () => {
      const board = await createPgo();
      const { sante, droit, inclusion, slot } = await layoutOf(board);
      await command(board, { type: 'step.goto', stepId: 'theme-vote' });

      // The panel's form opens the vote as the step asks: on the frame's zones, two to keep.
      const laptop = await open('desktop', board.facilitatorUrl, 'Claire');
      const panel = await openPanel(laptop);
      await expect(panel.getByRole('radio', { name: /les zones du cadre/ }).isChecked()).resolves.toBe(true);
      await expect(panel.getByLabel('Nombre à retenir (0 : pas de décision)').inputValue()).resolves.toBe(
        '2',
      );
      await panel.getByRole('button', { name: 'Ouvrir le vote' }).click();
      await panel.getByText('Vote en cours').waitFor(PATIENCE);

      const people = voters();
      await cast(board, people, [
        [sante, droit],
        [droit, inclusion],
        [inclusion, sante],
      ]);
      await panel.getByRole('button', { name: 'Clore le vote' }).click();
      const tie = panel.getByTestId('tie-resolution');
      await tie.getByText('3 ex aequo à 2 point(s) pour 2 place(s).').waitFor(PATIENCE);
      await command(board, { type: 'vote.reveal' });

      // The tie, as the facilitator settles it and as participants wait for it, on every screen. The
      // pages stay open: the decision reaches them live.
      const screens: { device: Device; role: 'facilitator' | 'participant'; page: Page }[] = [];
      for (const device of everyDevice) {
        const facilitator =
          device === 'desktop' ? laptop : await open(device, board.facilitatorUrl, `Claire (${device})`);
        const itsTie = (await openPanel(facilitator)).getByTestId('tie-resolution');
        await itsTie.waitFor(PATIENCE);
        await itsTie.scrollIntoViewIfNeeded();
        if (device !== 'desktop') await expectTouchTargets(facilitator, '.tie-button, .tie-option', device);
        expect(await seriousViolations(facilitator, { exclude: ['.tl-canvas'] }), device).toEqual([]);
        await shot(facilitator, `tie-facilitator-${device}`);
        screens.push({ device, role: 'facilitator', page: facilitator });

        const participant = await open(device, board.participantUrl, `Participant (${device})`);
        await participant.getByTestId('tie-status').waitFor(PATIENCE);
        expect(await seriousViolations(participant, { exclude: ['.tl-canvas'] }), device).toEqual([]);
        await shot(participant, `tie-participant-${device}`);
        screens.push({ device, role: 'participant', page: participant });
      }
      // The run-off: among the tied only, one dot per place left.
      await tie.getByRole('button', { name: 'Départager par un second vote' }).click();
      await panel
        .getByTestId('runoff-status')
        .filter({ hasText: 'entre 3 ex aequo, 2 à retenir' })
        .waitFor(PATIENCE);
      await cast(board, people, [
        [sante, droit],
        [sante, droit],
        [sante, inclusion],
      ]);
      await panel.getByRole('button', { name: 'Clore le vote' }).click();
      const decision = panel.getByTestId('decision');
      await decision.getByText('égalité départagée par un second vote').waitFor(PATIENCE);
      expect(await decision.locator('li').allTextContents()).toEqual([
        "Santé à l'école/université2 points",
        "Droit à l'information2 points",
      ]);

      // Everyone reads it in the header and on the board, in the themes' frame.
      for (const { device, role, page } of screens) {
        const header = page.getByTestId('facilitation-header');
        await header.getByTestId('decision').getByText("Droit à l'information").waitFor(PATIENCE);
        await page
          .locator(`.tl-shape[data-shape-id="${slot}"]`)
          .getByText('Thématiques retenues')
          .waitFor({ state: 'attached', ...PATIENCE });
        await shot(page, `decided-${role}-${device}`);
      }
    },
  );

  it('on a phone, the facilitator keeps two of the tied by choosing them', async () => {
    const board = await createPgo();
    const { sante, droit, inclusion } = await layoutOf(board);
    const { steps } = await command(board, { type: 'step.goto', stepId: 'theme-vote' });
    const step = steps.find((candidate) => candidate.id === 'theme-vote')!;
    await command(board, { type: 'vote.open', ...step.vote, frameId: step.frameId });
    const people = voters();
    await cast(board, people, [[sante], [droit], [inclusion]]);
    await command(board, { type: 'vote.close' });

    const phone = await open('phone', board.facilitatorUrl, 'Claire');
    const tie = (await openPanel(phone)).getByTestId('tie-resolution');
    await tie.waitFor(PATIENCE);
    const keep = tie.getByRole('button', { name: 'Retenir ce choix' });
    expect(await keep.isDisabled()).toBe(true);
    await tie.getByRole('checkbox', { name: "Droit à l'information" }).check();
    await tie.getByRole('checkbox', { name: 'École/université inclusive' }).check();
    // Two places: a third cannot be ticked.
    expect(await tie.getByRole('checkbox', { name: /Santé/ }).isDisabled()).toBe(true);
    await tie.scrollIntoViewIfNeeded();
    await shot(phone, 'choice-facilitator-phone');
    await keep.click();
    const decision = phone.getByTestId('facilitator-panel').getByTestId('decision');
    await decision.getByText('égalité tranchée par l’animation').waitFor(PATIENCE);
    await expect
      .poll(
        async () =>
          (
            (await (
              await fetch(`${app.server.url}/api/boards/${board.id}/session`)
            ).json()) as PublicSessionState
          ).decisions?.[0]?.reason,
      )
      .toBe('choice');
  });
});
