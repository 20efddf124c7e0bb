// Two facilitation details seen in the browser: the question the facilitator sets reaches everyone's
// header, and in the identity map's third step similar labs are joined by lines.
import { describe, expect, it } from 'vitest';
import { enterBoard } from './support/app';
import { openIsolatedPage } from './support/browser';
import { useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function createBoard(template: string) {
  const response = await fetch(`${app.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Détails', template, locale: 'fr' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as {
    id: string;
    participantUrl: string;
    facilitatorUrl: string;
    facilitatorKey: string;
  };
}

describe('workshop details', () => {
  it('the question set in the facilitator panel shows in a participant’s header', async () => {
    const board = await createBoard('ideation');
    const facilitator = await openIsolatedPage(app.browser, app.server.url);
    const participant = await openIsolatedPage(app.browser, app.server.url);
    await enterBoard(facilitator.page, board.facilitatorUrl, 'Animatrice');
    await enterBoard(participant.page, board.participantUrl, 'Camille');

    await facilitator.page.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();
    await facilitator.page.getByText('Question posée').click();
    const field = facilitator.page.getByLabel('Question affichée à tous');
    await field.fill('Quelles coopérations entre labs en 2027 ?');
    await facilitator.page.getByRole('button', { name: 'Enregistrer la question' }).click();

    await participant.page
      .getByTestId('question')
      .filter({ hasText: 'Quelles coopérations entre labs en 2027 ?' })
      .waitFor({ timeout: 10_000 });
    await facilitator.page.context().close();
    await participant.page.context().close();
  });

  it('in "repérer les labs proches", similar labs are joined by a line', async () => {
    const board = await createBoard('identity-map');
    const { page } = await openIsolatedPage(app.browser, app.server.url);
    await enterBoard(page, board.participantUrl, 'Dominique');
    const exported = await fetch(`${app.server.url}/api/boards/${board.id}/export/board.tldr`);
    const { records } = (await exported.json()) as {
      records: { id: string; meta?: Record<string, unknown> }[];
    };
    const blanks = records.filter((record) => record.meta?.['atelier.card'] === 'identity').slice(0, 2);
    expect(blanks).toHaveLength(2);

    // Once the board has brought this person to the step (on arrival), zoom out to the whole board.
    await page.locator('[data-testid="facilitation-header"][data-at-place="true"]').waitFor();
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(600);
    // Two labs fill their cards through the form: same kind of innovation, same stage.
    for (const [blank, name] of blanks.map(
      (record, i) => [record, ['Lab de Lyon', 'Lab de Nantes'][i]!] as const,
    )) {
      const box = (await page.locator(`.tl-shape[data-shape-id="${blank.id}"]`).boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      // The form opens from the card itself.
      await page.getByRole('button', { name: 'Remplir la fiche' }).click();
      const panel = page.getByTestId('card-panel');
      await panel.getByLabel('Nom du lab').fill(name);
      await panel.getByLabel('Stade').selectOption({ label: 'actif' });
      await panel.getByRole('checkbox', { name: 'numérique', exact: true }).check();
      await panel.getByRole('button', { name: 'Fermer la fiche' }).click();
      await panel.waitFor({ state: 'detached' });
    }
    expect(await page.locator('.similar-labs-links line').count()).toBe(0);

    const response = await fetch(`${app.server.url}/api/boards/${board.id}/session/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.facilitatorKey}` },
      body: JSON.stringify({ type: 'step.goto', stepId: 'find-peers' }),
    });
    expect(response.status).toBe(200);
    await page.locator('.similar-labs-links line').first().waitFor({ state: 'attached', timeout: 10_000 });
    expect(await page.locator('.similar-labs-links line').count()).toBe(1);
    expect(await page.locator('.similar-labs-links line title').textContent()).toBe(
      'même type : numérique · même stade : actif',
    );
    await page.context().close();
  });
});
