import type { IncomingMessage } from 'node:http';

/**
 * Browsers send `Origin` on WebSocket and cross-site requests. Only pages of this app may open a
 * socket: the configured public URL, or (without one) the host the request came to. Clients that
 * are not browsers send no Origin and are let through: they cannot ride on a visitor's cookies.
 */
export function originChecker(publicUrl: string | undefined) {
  const allowed = publicUrl ? new URL(publicUrl).origin : undefined;
  return (origin: string | undefined, request?: IncomingMessage): boolean => {
    if (!origin) return true;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (allowed) return parsed.origin === allowed;
    return request?.headers.host !== undefined && parsed.host === request.headers.host;
  };
}
