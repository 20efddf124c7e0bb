// A real OpenID Connect provider (oidc-provider) for the tests, run as its own process: one client
// (the Atelier server under test), accounts made up from whatever e-mail is typed on its sign-in
// page, consent given at once. Plain JavaScript: Node runs it as it is.
//
// Environment: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI,
// CODE_TTL_SECONDS (authorization codes' lifetime; 60 by default).
import http from 'node:http';
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI } = process.env;
const issuer = `http://127.0.0.1:${PORT}`;

const escape = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function page(title, body) {
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)}</title><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem">
<h1>${escape(title)}</h1>${body}</body></html>`;
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_post',
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  pkce: { required: () => true },
  cookies: { keys: ['atelier-test-provider-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  ttl: { AuthorizationCode: Number(process.env.CODE_TTL_SECONDS ?? 60) },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.body = page(
          'Se déconnecter du fournisseur',
          `${form}<button form="op.logoutForm" type="submit" name="logout" value="yes">Se déconnecter</button>`,
        );
      },
    },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const local = id.split('@')[0] ?? id;
    const [given = local, family = ''] = local.split('.');
    const cap = (word) => word.charAt(0).toUpperCase() + word.slice(1);
    return {
      accountId: id,
      claims: () => ({
        sub: id,
        email: id,
        email_verified: true,
        given_name: cap(given),
        family_name: cap(family),
        name: [cap(given), cap(family)].filter(Boolean).join(' '),
      }),
    };
  },
});

function readForm(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

const callback = provider.callback();
const server = http.createServer(async (request, response) => {
  const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(request.url ?? '');
  if (!match) return callback(request, response);
  try {
    const details = await provider.interactionDetails(request, response);
    if (!match[2]) {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(
        page(
          'Fournisseur d’identité de test',
          `<form method="post" action="/interaction/${escape(details.uid)}/login">
<label for="email">Adresse e-mail</label><br>
<input id="email" name="email" type="email" required autofocus style="font-size:1rem;padding:.5rem;width:100%"><br><br>
<button type="submit" style="font-size:1rem;padding:.5rem 1rem">Se connecter</button></form>`,
        ),
      );
      return;
    }
    const form = await readForm(request);
    const accountId = String(form.get('email') ?? '')
      .trim()
      .toLowerCase();
    if (!accountId) {
      response.statusCode = 400;
      return response.end('an e-mail is needed');
    }
    // Consent given at once, for every scope asked.
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    response.statusCode = 400;
    response.end(`interaction failed: ${error.message}`);
  }
});

server.listen(Number(PORT), '127.0.0.1', () => {
  process.stdout.write(`oidc provider ready at ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
