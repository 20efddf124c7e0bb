// Server-side login sessions: the browser holds a random id in an HttpOnly cookie (Secure behind
// https, SameSite=Lax), the store holds what it stands for under the id's hash. A sign-in under way
// has its own short-lived cookie, read once when the provider sends the person back.
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { hashKey } from '../secrets';
import type { Account, BoardStore, LoginRecord } from '../store/board-store';
import type { PendingSignIn } from './oidc-client';

/** How long a signed-in session lasts (a working day, as ProConnect's own). */
export const LOGIN_SESSION_MS = 12 * 60 * 60 * 1000;
/** How long someone has to finish signing in at the provider. */
export const SIGN_IN_MS = 10 * 60 * 1000;

export interface SignedIn {
  account: Account;
  idToken?: string;
}

/** One cookie's value from a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.split('=');
    if (key?.trim() === name) return rest.join('=').trim();
  }
  return undefined;
}

const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

export class LoginSessions {
  /** `__Host-` cookies are bound to this exact origin, but exist only with Secure. */
  readonly sessionCookie: string;
  readonly signInCookie: string;

  constructor(
    private readonly store: Pick<BoardStore, 'putLogin' | 'getLogin' | 'deleteLogin'>,
    private readonly secure: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.sessionCookie = secure ? '__Host-atelier_session' : 'atelier_session';
    this.signInCookie = secure ? '__Host-atelier_signin' : 'atelier_signin';
  }

  private setCookie(response: Response, name: string, value: string, maxAgeMs: number): void {
    response.cookie(name, value, {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: maxAgeMs,
    });
  }

  private clearCookie(response: Response, name: string): void {
    response.clearCookie(name, { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/' });
  }

  private async read(cookieHeader: string | undefined, name: string): Promise<LoginRecord | null> {
    const id = readCookie(cookieHeader, name);
    if (!id || !COOKIE_VALUE.test(id)) return null;
    return this.store.getLogin(hashKey(id), this.now());
  }

  /** Who the request's session cookie signs in, or null. */
  async signedIn(cookieHeader: string | undefined): Promise<SignedIn | null> {
    const record = await this.read(cookieHeader, this.sessionCookie);
    if (record?.kind !== 'account') return null;
    return { account: record.account, ...(record.idToken ? { idToken: record.idToken } : {}) };
  }

  /** Remembers a sign-in under way until the provider answers. */
  async begin(response: Response, pending: PendingSignIn, returnTo: string): Promise<void> {
    const id = randomBytes(32).toString('base64url');
    await this.store.putLogin(
      hashKey(id),
      { kind: 'pending', ...pending, returnTo },
      this.now() + SIGN_IN_MS,
    );
    this.setCookie(response, this.signInCookie, id, SIGN_IN_MS);
  }

  /** The sign-in under way, taken once: a second use of the provider's answer finds nothing. */
  async takePending(
    cookieHeader: string | undefined,
    response: Response,
  ): Promise<(PendingSignIn & { returnTo: string }) | null> {
    const id = readCookie(cookieHeader, this.signInCookie);
    this.clearCookie(response, this.signInCookie);
    if (!id || !COOKIE_VALUE.test(id)) return null;
    const record = await this.store.getLogin(hashKey(id), this.now());
    await this.store.deleteLogin(hashKey(id));
    return record?.kind === 'pending' ? record : null;
  }

  /** Opens a session for a person the provider vouched for (a new id: no session fixation). */
  async open(response: Response, signedIn: SignedIn): Promise<void> {
    const id = randomBytes(32).toString('base64url');
    await this.store.putLogin(
      hashKey(id),
      {
        kind: 'account',
        account: signedIn.account,
        ...(signedIn.idToken ? { idToken: signedIn.idToken } : {}),
      },
      this.now() + LOGIN_SESSION_MS,
    );
    this.setCookie(response, this.sessionCookie, id, LOGIN_SESSION_MS);
  }

  /** Ends the request's session here; returns it (its ID token is the provider's logout hint). */
  async close(cookieHeader: string | undefined, response: Response): Promise<SignedIn | null> {
    const signedIn = await this.signedIn(cookieHeader);
    const id = readCookie(cookieHeader, this.sessionCookie);
    if (id && COOKIE_VALUE.test(id)) await this.store.deleteLogin(hashKey(id));
    this.clearCookie(response, this.sessionCookie);
    return signedIn;
  }
}
