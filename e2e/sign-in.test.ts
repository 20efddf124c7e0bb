// Sign-in for facilitators in the browser, against a real OpenID provider (oidc-provider) started by
// the test: a facilitator signs in and creates a board, finds it again in "Mes ateliers" from
// another browser, opens it as facilitator without the link, and deletes it; a participant erases
// their name; the "Données personnelles" page. Screenshots at the three screen sizes.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterBoard,
  freePort,
  seriousViolations,
  startOidcProvider,
  startServer,
  type RunningOidcProvider,
  type RunningServer,
} from './support/app';
import { devices, launchBrowser, openIsolatedPage, type Device } from './support/browser';
import { artifacts } from './support/server-and-browser';

let provider: RunningOidcProvider;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    redirectUri: `${url}/auth/callback`,
    postLogoutRedirectUri: `${url}/`,
  });
  server = await startServer({ port, env: { ...provider.serverEnv, PUBLIC_URL: url } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
});

async function open(device: Device = devices.desktop) {
  return openIsolatedPage(browser, server.url, device, [provider.issuer]);
}

/** The home page's "Se connecter", the provider's own page, and back. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Se connecter', exact: true }).click();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText(`Connecté avec ${email}`).waitFor();
}

describe('facilitators sign in (OpenID Connect, real provider)', () => {
  it('creates a board signed in, finds it from another browser, opens it as facilitator without the link, deletes it', async () => {
    const laptop = await open();
    await laptop.page.goto(server.url);
    // Signed out, creating waits for a sign-in.
    await laptop.page.getByRole('link', { name: 'Connectez-vous pour créer un tableau.' }).waitFor();
    expect(await laptop.page.getByLabel('Titre du tableau').count()).toBe(0);

    await signIn(laptop.page, 'camille.martin@education.gouv.fr');
    await laptop.page.getByRole('heading', { name: 'Mes ateliers' }).waitFor();
    await laptop.page.getByText('Aucun atelier pour l’instant').waitFor();
    await laptop.page.getByLabel('Titre du tableau').fill('Atelier des labs d’académie');
    await laptop.page.getByRole('button', { name: 'Créer le tableau' }).click();
    await laptop.page.getByText('Votre tableau est prêt').waitFor();
    const participantUrl = await laptop.page.getByLabel('Lien participants (à partager)').inputValue();

    // Another browser, no link kept anywhere: signing in is enough.
    const tablet = await open(devices.tablet);
    await signIn(tablet.page, 'camille.martin@education.gouv.fr');
    const mine = tablet.page.locator('.my-boards-list li');
    await mine.filter({ hasText: 'Atelier des labs d’académie' }).waitFor();
    await tablet.page
      .getByText(/Suppression prévue le/)
      .first()
      .waitFor();
    expect(await seriousViolations(tablet.page)).toEqual([]);
    await tablet.page
      .getByRole('link', { name: 'Ouvrir « Atelier des labs d’académie » en animateur' })
      .click();
    expect(tablet.page.url()).toBe(participantUrl);
    await enterBoard(tablet.page, participantUrl, 'Camille');
    // No key in this browser: the session makes it the facilitator.
    const panel = tablet.page.getByTestId('facilitator-panel');
    await panel.waitFor();
    await tablet.page.getByTestId('connection-badge').filter({ hasText: 'Animateur' }).waitFor();
    await panel.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();

    // A participant on a phone erases their name.
    const phone = await open(devices.phone);
    await enterBoard(phone.page, participantUrl, 'Awa Diallo', 'Lab 110 bis');
    await panel.getByText('Participants').click();
    // The "Participants" section (the room view lists people too).
    const people = panel.locator('details', {
      has: tablet.page.locator('summary', { hasText: /^Participants/ }),
    });
    await people.getByText('Awa Diallo').waitFor();
    await phone.page.getByRole('button', { name: 'Données personnelles' }).click();
    const privacy = phone.page.getByRole('dialog', { name: 'Données personnelles' });
    await privacy.getByText(/Suppression prévue le/).waitFor();
    await phone.page.screenshot({ path: path.join(artifacts, 'donnees-board-phone.png') });
    phone.page.once('dialog', (dialog) => void dialog.accept());
    await privacy.getByRole('button', { name: 'Effacer mon nom de ce tableau' }).click();
    await privacy
      .getByText('Votre nom est effacé de ce tableau : vous apparaissez comme « Participant 1 ».')
      .waitFor();
    await people.getByText('Participant 1').waitFor();
    expect(await people.getByText('Awa Diallo').count()).toBe(0);
    await privacy.getByRole('button', { name: 'Fermer' }).click();

    // The facilitator's "Tableau et données": the date, co-facilitators, and deletion.
    await panel.getByText('Tableau et données').click();
    await panel.getByText(/Suppression prévue le/).waitFor();
    await panel.getByText('Créé par camille.martin@education.gouv.fr').waitFor();
    await panel.getByLabel('Adresse e-mail d’un co-animateur').fill('yanis.petit@ac-nantes.fr');
    await panel.getByRole('button', { name: 'Ajouter' }).click();
    await panel.getByRole('button', { name: 'Retirer yanis.petit@ac-nantes.fr' }).waitFor();
    await panel.getByRole('button', { name: 'Supprimer le tableau…' }).scrollIntoViewIfNeeded();
    await tablet.page.screenshot({ path: path.join(artifacts, 'tableau-et-donnees-tablet.png') });
    await panel.getByRole('button', { name: 'Supprimer le tableau…' }).click();
    const confirm = tablet.page.getByRole('dialog', { name: 'Supprimer ce tableau ?' });
    await confirm.getByText(/supprimés définitivement/).waitFor();
    expect(await seriousViolations(tablet.page, { exclude: ['.tl-canvas'] })).toEqual([]);
    await tablet.page.screenshot({ path: path.join(artifacts, 'supprimer-tablet.png') });
    await confirm.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await tablet.page.waitForURL(`${server.url}/`);
    await tablet.page.getByText('Aucun atelier pour l’instant').waitFor();

    // Everyone else learns it; its link leads nowhere.
    await phone.page.getByText('Ce tableau a été supprimé.').waitFor();
    await laptop.page.goto(participantUrl);
    await laptop.page.getByText('Ce tableau n’existe pas ou le lien est incomplet.').waitFor();
    for (const each of [laptop, tablet, phone]) {
      expect(each.watch.errors.filter((error) => !/404|Failed to load resource/.test(error))).toEqual([]);
      expect(each.watch.foreignRequests).toEqual([]);
    }
  });

  it('signs out: back on the home page, signed out', async () => {
    const { page } = await open();
    await signIn(page, 'sortie@example.fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // The provider asks whether to end its own session too.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: 'Se connecter', exact: true }).waitFor();
  });
});

describe('the "Données personnelles" page', () => {
  for (const [name, device] of Object.entries(devices)) {
    it(`is linked from the home page (Mes ateliers signed in) and reads well on ${name}`, async () => {
      const { page, watch } = await open(device);
      // Signed in, with one board in "Mes ateliers".
      await signIn(page, `lecture-${name}@example.fr`);
      await page.getByLabel('Titre du tableau').fill(`Atelier vu sur ${name}`);
      await page.getByRole('button', { name: 'Créer le tableau' }).click();
      await page.getByText('Votre tableau est prêt').waitFor();
      await page.goto(server.url);
      await page
        .locator('.my-boards-list li')
        .filter({ hasText: `Atelier vu sur ${name}` })
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(artifacts, `mes-ateliers-${name}.png`), fullPage: true });
      await page.getByRole('link', { name: 'Données personnelles' }).click();
      await page.getByRole('heading', { name: 'Données personnelles', level: 1 }).waitFor();
      await page.getByText('Un tableau sans activité est supprimé au bout de 180 jours').waitFor();
      for (const heading of [
        'Ce qui est conservé, pourquoi et combien de temps',
        'Où',
        'Suppression',
        'Cookies',
      ])
        await page.getByRole('heading', { name: heading }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: path.join(artifacts, `donnees-personnelles-${name}.png`),
        fullPage: true,
      });
      expect(watch.errors).toEqual([]);
    });
  }
});

describe('the planned deletion (P-RET-2)', () => {
  it('warns the facilitator from two weeks before (a server keeping boards 10 days)', async () => {
    const shortLived = await startServer({ env: { BOARD_RETENTION_DAYS: '10' } });
    try {
      const { page } = await openIsolatedPage(browser, shortLived.url, devices.desktop);
      await page.goto(shortLived.url);
      await page.getByLabel('Titre du tableau').fill('Atelier éphémère');
      await page.getByRole('button', { name: 'Créer le tableau' }).click();
      const facilitatorUrl = await page.getByLabel('Lien animateur (à garder pour vous)').inputValue();
      await enterBoard(page, facilitatorUrl, 'Animatrice');
      const panel = page.getByTestId('facilitator-panel');
      await panel.getByRole('button', { name: 'Afficher le panneau d’animation' }).click();
      await panel.getByText('Tableau et données').click();
      const warning = panel.getByRole('alert').filter({ hasText: /exportez-le pour en garder une trace/ });
      await warning.waitFor();
      // Without sign-in, no co-facilitators to name; deleting is there all the same.
      expect(await panel.getByText('Co-animateurs').count()).toBe(0);
      await panel.getByRole('button', { name: 'Supprimer le tableau…' }).scrollIntoViewIfNeeded();
      expect(await seriousViolations(page, { exclude: ['.tl-canvas'] })).toEqual([]);
      await page.screenshot({ path: path.join(artifacts, 'suppression-proche-desktop.png') });
    } finally {
      await shortLived.stop();
    }
  });
});
