// Facilitators sign in with OpenID Connect, against a real provider (oidc-provider) in its own
// process: the whole flow through the server, "Mes ateliers" on another device, co-facilitators,
// and each refusal (forged state, expired or replayed code, creation without a session), logout.
import {
  SocketEvent,
  type AccountInfo,
  type BoardFacilitatorList,
  type CreatedBoard,
  type MyBoardList,
  type Welcome,
} from '@atelier/protocol';
import {
  connectSessionClient,
  createBoard,
  freePort,
  HttpBrowser,
  signInThroughProvider,
  startOidcProvider,
  startServer,
  type RunningOidcProvider,
  type RunningServer,
  type TestSessionClient,
} from '@atelier/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface SignInSetup {
  provider: RunningOidcProvider;
  server: RunningServer;
}

async function startWithProvider(
  options: { codeTtlSeconds?: number; env?: Record<string, string> } = {},
): Promise<SignInSetup> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({
    redirectUri: `${url}/auth/callback`,
    postLogoutRedirectUri: `${url}/`,
    ...(options.codeTtlSeconds ? { codeTtlSeconds: options.codeTtlSeconds } : {}),
  });
  const server = await startServer({
    port,
    env: { ...provider.serverEnv, PUBLIC_URL: url, ...options.env },
  });
  return { provider, server };
}

async function me(browser: HttpBrowser, server: RunningServer): Promise<AccountInfo> {
  return (await (await browser.fetch(`${server.url}/api/me`)).json()) as AccountInfo;
}

function json(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

async function createAs(browser: HttpBrowser, server: RunningServer, title: string): Promise<CreatedBoard> {
  const response = await browser.fetch(`${server.url}/api/boards`, json({ title }));
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedBoard;
}

async function welcomeOf(client: TestSessionClient): Promise<Welcome> {
  return new Promise((resolve, reject) => {
    client.socket.once(SocketEvent.welcome, resolve);
    client.socket.once('connect_error', reject);
  });
}

describe('sign-in for facilitators (OpenID Connect, real provider)', () => {
  let setup: SignInSetup;
  const clients: TestSessionClient[] = [];
  beforeAll(async () => {
    setup = await startWithProvider();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await setup?.server.stop();
    await setup?.provider.stop();
  });

  it('signs a facilitator in (PKCE, state, nonce), keeps the session server-side, and refuses creation without one', async () => {
    const { server } = setup;
    const browser = new HttpBrowser();
    expect(await me(browser, server)).toEqual({ signIn: true, createRequiresLogin: true, account: null });
    const refused = await browser.fetch(`${server.url}/api/boards`, json({ title: 'Sans session' }));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const imported = await browser.fetch(`${server.url}/api/boards/import`, json({}));
    expect(imported.status).toBe(401);

    const signedIn = await signInThroughProvider(browser, server.url, 'Camille.Martin@education.gouv.fr', {
      returnTo: '/?from=test',
    });
    const authorization = new URL(signedIn.authorization ?? '');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    for (const param of ['code_challenge', 'state', 'nonce'])
      expect(authorization.searchParams.get(param)?.length).toBeGreaterThanOrEqual(22);
    // Back where the sign-in started, with a session cookie the page's scripts cannot read.
    expect(signedIn.hops.at(-2)?.location).toBe('/?from=test');
    const sessionCookie = browser.setCookies.find((header) => header.startsWith('atelier_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/); // plain http here; Secure behind https
    expect(await me(browser, server)).toEqual({
      signIn: true,
      createRequiresLogin: true,
      account: { email: 'camille.martin@education.gouv.fr', name: 'Camille Martin' },
    });

    const board = await createAs(browser, server, 'Atelier du lundi');
    const mine = (await (await browser.fetch(`${server.url}/api/me/boards`)).json()) as MyBoardList;
    expect(mine.boards).toHaveLength(1);
    expect(mine.boards[0]).toMatchObject({ id: board.id, title: 'Atelier du lundi', role: 'creator' });
    const day = 24 * 60 * 60 * 1000;
    expect(mine.boards[0]!.deletesAt! - mine.boards[0]!.lastActivityAt!).toBe(180 * day);
  });

  it('finds a board again from another browser and opens it as facilitator without the link', async () => {
    const { server } = setup;
    const laptop = new HttpBrowser();
    await signInThroughProvider(laptop, server.url, 'awa.diallo@ac-lyon.fr');
    const board = await createAs(laptop, server, 'Idéation académique');

    const tablet = new HttpBrowser();
    expect((await tablet.fetch(`${server.url}/api/me/boards`)).status).toBe(401);
    await signInThroughProvider(tablet, server.url, 'awa.diallo@ac-lyon.fr');
    const found = (await (await tablet.fetch(`${server.url}/api/me/boards`)).json()) as MyBoardList;
    expect(found.boards.map((each) => each.id)).toEqual([board.id]);

    // No key: the session makes the tablet the board's facilitator, over sockets and REST alike.
    const facilitator = connectSessionClient(server.url, {
      boardId: board.id,
      cookie: tablet.cookieHeader(server.url),
    });
    const participant = connectSessionClient(server.url, { boardId: board.id });
    clients.push(facilitator, participant);
    expect((await welcomeOf(facilitator)).role).toBe('facilitator');
    expect((await welcomeOf(participant)).role).toBe('participant');
    expect(await facilitator.command({ type: 'timer.start' })).toEqual({ ok: true });
    expect(await participant.command({ type: 'timer.pause' })).toMatchObject({ ok: false });
    const viewerLink = await tablet.fetch(`${server.url}/api/boards/${board.id}/viewer-link`, {
      method: 'POST',
    });
    expect(viewerLink.status).toBe(201);
    // The link keeps working as before, without any session.
    expect((await fetch(`${server.url}/api/boards/${board.id}`)).status).toBe(200);
  });

  it('lets a facilitator name co-facilitators by e-mail, who then facilitate after signing in', async () => {
    const { server } = setup;
    const creator = new HttpBrowser();
    await signInThroughProvider(creator, server.url, 'lea.roux@education.gouv.fr');
    const board = await createAs(creator, server, 'Co-développement');
    const put = await creator.fetch(`${server.url}/api/boards/${board.id}/facilitators`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ coFacilitators: ['Yanis.Petit@ac-nantes.fr', 'not an e-mail'] }),
    });
    expect(put.status).toBe(400);
    const named = await creator.fetch(`${server.url}/api/boards/${board.id}/facilitators`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ coFacilitators: ['Yanis.Petit@ac-nantes.fr'] }),
    });
    expect((await named.json()) as BoardFacilitatorList).toEqual({
      createdBy: 'lea.roux@education.gouv.fr',
      coFacilitators: ['yanis.petit@ac-nantes.fr'],
    });

    const coFacilitator = new HttpBrowser();
    await signInThroughProvider(coFacilitator, server.url, 'yanis.petit@ac-nantes.fr');
    const listed = (await (await coFacilitator.fetch(`${server.url}/api/me/boards`)).json()) as MyBoardList;
    expect(listed.boards).toMatchObject([{ id: board.id, role: 'co-facilitator' }]);
    const asCo = connectSessionClient(server.url, {
      boardId: board.id,
      cookie: coFacilitator.cookieHeader(server.url),
    });
    clients.push(asCo);
    expect((await welcomeOf(asCo)).role).toBe('facilitator');

    // Someone else signed in is nobody's facilitator here.
    const stranger = new HttpBrowser();
    await signInThroughProvider(stranger, server.url, 'intrus@example.fr');
    expect((await stranger.fetch(`${server.url}/api/boards/${board.id}/facilitators`)).status).toBe(401);
    const asStranger = connectSessionClient(server.url, {
      boardId: board.id,
      cookie: stranger.cookieHeader(server.url),
    });
    clients.push(asStranger);
    expect((await welcomeOf(asStranger)).role).toBe('participant');

    // Taken off the list, the co-facilitator no longer finds the board.
    await creator.fetch(`${server.url}/api/boards/${board.id}/facilitators`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ coFacilitators: [] }),
    });
    const after = (await (await coFacilitator.fetch(`${server.url}/api/me/boards`)).json()) as MyBoardList;
    expect(after.boards).toEqual([]);
  });

  it('refuses a forged state, and a provider answer used twice', async () => {
    const { server } = setup;
    const browser = new HttpBrowser();
    const stopped = await signInThroughProvider(browser, server.url, 'eve@example.fr', {
      stopAtCallback: true,
    });
    const callback = new URL(stopped.hops.at(-1)?.location ?? '');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-0123456789abcdef');
    const refused = await browser.fetch(forged.toString());
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('La connexion n’a pas abouti');
    expect((await me(browser, server)).account).toBeNull();
    // The real answer after that: the sign-in under way was spent by the forged one.
    expect((await browser.fetch(callback.toString())).status).toBe(400);
    expect((await me(browser, server)).account).toBeNull();
    expect(server.output()).not.toContain('eve@example.fr');
  });

  it('logs out: the session is gone on the server, and the provider is asked to end its own', async () => {
    const { server, provider } = setup;
    const browser = new HttpBrowser();
    await signInThroughProvider(browser, server.url, 'sortie@example.fr');
    const stolenCookie = browser.cookieHeader(server.url);
    const logout = await browser.fetch(`${server.url}/auth/logout`, { method: 'POST' });
    expect(logout.status).toBe(303);
    const endSession = new URL(logout.headers.get('location') ?? '');
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    expect((await me(browser, server)).account).toBeNull();
    // The old cookie, replayed, opens nothing: the session lived on the server.
    const replayed = await fetch(`${server.url}/api/me`, { headers: { cookie: stolenCookie } });
    expect(((await replayed.json()) as AccountInfo).account).toBeNull();
  });
});

describe('sign-in refusals that need their own provider', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    // Codes live one second; creation stays open to everyone.
    setup = await startWithProvider({ codeTtlSeconds: 1, env: { CREATE_REQUIRES_LOGIN: 'false' } });
  });
  afterAll(async () => {
    await setup?.server.stop();
    await setup?.provider.stop();
  });

  it('refuses an expired code', async () => {
    const { server } = setup;
    const browser = new HttpBrowser();
    const stopped = await signInThroughProvider(browser, server.url, 'lent@example.fr', {
      stopAtCallback: true,
    });
    const callback = stopped.hops.at(-1)?.location ?? '';
    // Past the code's lifetime at the provider.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const refused = await browser.fetch(callback);
    expect(refused.status).toBe(400);
    expect((await me(browser, server)).account).toBeNull();
    expect(server.output()).toMatch(/a sign-in was refused/);
  });

  it('with CREATE_REQUIRES_LOGIN=false, anyone creates boards as before', async () => {
    const info = await me(new HttpBrowser(), setup.server);
    expect(info).toMatchObject({ signIn: true, createRequiresLogin: false });
    expect((await createBoard(setup.server.url, { title: 'Ouvert' })).id).toBeTruthy();
  });
});

describe('with sign-in off', () => {
  it('everything stays as it was: anyone creates boards, /auth answers nothing', async () => {
    const server = await startServer();
    try {
      expect(await me(new HttpBrowser(), server)).toEqual({
        signIn: false,
        createRequiresLogin: false,
        account: null,
      });
      expect((await createBoard(server.url)).id).toBeTruthy();
      expect((await fetch(`${server.url}/auth/login`, { redirect: 'manual' })).status).not.toBe(303);
      expect((await fetch(`${server.url}/api/me/boards`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});
