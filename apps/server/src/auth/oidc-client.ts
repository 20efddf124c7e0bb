// The OpenID Connect relying party (openid-client): authorization code flow with PKCE, `state` and
// `nonce`, the ID token's signature checked against the provider's keys (non-repudiation checks),
// and the person's e-mail from the ID token or the userinfo endpoint (ProConnect gives it there).
import * as client from 'openid-client';
import type { Account } from '../store/board-store';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** Where the provider sends people back: `${PUBLIC_URL}/auth/callback`. */
  redirectUri: string;
  /** Where the provider sends people after signing out: `${PUBLIC_URL}/`. */
  postLogoutRedirectUri: string;
}

/** What a sign-in needs to remember until the provider answers. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's answer did not check out (forged state, expired code, bad token…): sign in again. */
export class SignInRefused extends Error {}

export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  /** Discovery, once; retried on the next sign-in if the provider could not be reached. */
  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      const insecure = issuer.startsWith('http:');
      this.configuration = client
        .discovery(new URL(issuer), clientId, undefined, client.ClientSecretPost(clientSecret), {
          execute: [
            client.enableNonRepudiationChecks,
            // http is accepted for a provider on this machine only (config.ts).
            ...(insecure ? [client.allowInsecureRequests] : []),
          ],
        })
        .catch((error: unknown) => {
          this.configuration = null;
          throw error;
        });
    }
    return this.configuration;
  }

  /** The provider's authorization URL for a new sign-in, and what to check its answer against. */
  async start(): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchanges the code the provider sent back; throws `SignInRefused` for anything amiss. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<{ account: Account; idToken: string }> {
    const config = await this.config();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new SignInRefused(error instanceof Error ? error.message : String(error));
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new SignInRefused('the provider sent no ID token');
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let name = nameOf(claims);
    if (config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => null);
      if (info && typeof info.email === 'string') email = info.email;
      name = nameOf(info ?? {}) ?? name;
      if (info?.email_verified === false) email = undefined;
    }
    if (claims.email_verified === false && email === claims.email) email = undefined;
    if (!email) throw new SignInRefused('the provider gave no verified e-mail address (scope "email")');
    return {
      account: { subject: claims.sub, email: email.toLowerCase(), ...(name ? { name } : {}) },
      idToken: tokens.id_token,
    };
  }

  /** Where to send someone signing out: the provider's end-session endpoint when it has one. */
  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const config = await this.config().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return this.settings.postLogoutRedirectUri;
    return client
      .buildEndSessionUrl(config, {
        post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  }
}

/** A display name from standard claims, or ProConnect's `given_name` + `usual_name`. */
function nameOf(claims: Record<string, unknown>): string | undefined {
  if (typeof claims.name === 'string' && claims.name.trim()) return claims.name.trim().slice(0, 120);
  const parts = [claims.given_name, claims.usual_name ?? claims.family_name].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.length ? parts.join(' ').slice(0, 120) : undefined;
}
