import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';

/**
 * The app's own WebSocket origin (`wss://host` behind https): older Safari versions do not count
 * WebSockets as `'self'`, and a bare `ws:`/`wss:` would allow any host.
 */
function ownSocketOrigin(publicUrl: string | undefined, request: IncomingMessage): string {
  const base = publicUrl ? new URL(publicUrl) : null;
  const host = base?.host ?? request.headers.host ?? 'localhost';
  const secure = base ? base.protocol === 'https:' : request.headers['x-forwarded-proto'] === 'https';
  // A Host header is not trusted to write into a header: anything odd falls back to 'self' alone.
  return /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `${secure ? 'wss' : 'ws'}://${host}` : "'self'";
}

/** helmet's headers with a Content Security Policy that tldraw runs under (checked by the e2e suite). */
export function securityHeaders(
  options: {
    publicUrl?: string | undefined;
    /** The identity provider: signing out posts a form here that redirects there. */
    signInOrigin?: string | undefined;
  } = {},
) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // tldraw positions and themes shapes with inline styles.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        // tldraw reads pasted images through fetch() on data: and blob: URLs.
        'connect-src': ["'self'", (request) => ownSocketOrigin(options.publicUrl, request), 'data:', 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        'media-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'self'"],
        'form-action': ["'self'", ...(options.signInOrigin ? [options.signInOrigin] : [])],
        'upgrade-insecure-requests': null,
      },
    },
    // The app runs on plain http on a laptop at a venue too; HSTS is the reverse proxy's call.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
