// Sign-in for facilitators: `/auth/login` sends the person to the provider, `/auth/callback` checks
// its answer and opens a session, `/auth/logout` ends it (here and at the provider). `/api/me` says
// whether sign-in is on and who is signed in; `/api/me/boards` is "Mes ateliers".
import { Router, type Request } from 'express';
import { ErrorCode, type AccountInfo, type MyBoardList } from '@atelier/protocol';
import { HttpError } from '../http/http-error';
import type { Logger } from '../logger';
import type { AccountBoards } from './account-boards';
import type { LoginSessions } from './login-sessions';
import { SignInRefused, type OidcClient } from './oidc-client';

export interface AuthRouteDeps {
  /** Absent: sign-in is off, and only `/api/me` answers (saying so). */
  oidc?: OidcClient;
  sessions: LoginSessions;
  accountBoards: AccountBoards;
  createRequiresLogin: boolean;
  publicUrl: string;
  logger: Logger;
}

/** Only a path of this site: never another origin (`//host`, `/\\host`), never a scheme. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}

function refusalPage(message: string): string {
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Connexion refusée · Atelier</title>
<main style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1>La connexion n’a pas abouti</h1><p>${message}</p>
<p><a href="/auth/login">Se connecter à nouveau</a> · <a href="/">Accueil</a></p></main></html>`;
}

export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();
  const { oidc, sessions } = deps;
  const cookies = (request: Request) => request.get('cookie');

  router.get('/api/me', async (request, response) => {
    const signedIn = oidc ? await sessions.signedIn(cookies(request)) : null;
    response.setHeader('Cache-Control', 'no-store');
    response.json({
      signIn: Boolean(oidc),
      createRequiresLogin: deps.createRequiresLogin,
      account: signedIn
        ? { email: signedIn.account.email, ...(signedIn.account.name ? { name: signedIn.account.name } : {}) }
        : null,
    } satisfies AccountInfo);
  });

  if (!oidc) return router;

  router.get('/api/me/boards', async (request, response) => {
    const signedIn = await sessions.signedIn(cookies(request));
    if (!signedIn) throw new HttpError(401, ErrorCode.unauthorized, 'sign in to see your boards');
    response.setHeader('Cache-Control', 'no-store');
    response.json((await deps.accountBoards.list(signedIn.account)) satisfies MyBoardList);
  });

  router.get('/auth/login', async (request, response) => {
    const { url, pending } = await oidc.start().catch((error: Error) => {
      deps.logger.error({ err: error.message }, 'the identity provider cannot be reached');
      throw new HttpError(503, ErrorCode.storeUnavailable, 'the identity provider cannot be reached');
    });
    await sessions.begin(response, pending, safeReturnPath(request.query.returnTo));
    response.redirect(303, url.toString());
  });

  router.get('/auth/callback', async (request, response) => {
    const pending = await sessions.takePending(cookies(request), response);
    const refuse = (message: string) => {
      response.status(400).type('html').send(refusalPage(message));
    };
    if (!pending) return refuse('Cette connexion a expiré ou a déjà servi. Recommencez depuis Atelier.');
    if (typeof request.query.error === 'string')
      return refuse('Le fournisseur d’identité a refusé la connexion.');
    const callbackUrl = new URL(request.originalUrl, deps.publicUrl);
    try {
      const signedIn = await oidc.finish(callbackUrl, pending);
      await sessions.open(response, signedIn);
      response.redirect(303, pending.returnTo);
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      // The reason says which check failed (state, nonce, code…); never who tried.
      deps.logger.warn({ reason: error.message }, 'a sign-in was refused');
      refuse('La réponse du fournisseur d’identité n’a pas pu être vérifiée. Recommencez.');
    }
  });

  router.post('/auth/logout', async (request, response) => {
    const closed = await sessions.close(cookies(request), response);
    response.redirect(303, await oidc.endSessionUrl(closed?.idToken));
  });

  return router;
}
