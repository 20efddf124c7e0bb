import helmet from 'helmet';

/** helmet's headers with a Content Security Policy that tldraw runs under (checked by the e2e suite). */
export function securityHeaders() {
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
        'connect-src': ["'self'", 'ws:', 'wss:', 'data:', 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        'media-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    // The app runs on plain http on a laptop at a venue too; HSTS is the reverse proxy's call.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
