import { isIP } from 'node:net';

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The address a limit is counted against. Like Express's `trust proxy: 'loopback'`: a reverse proxy
 * on the same machine may say who its client is in `X-Forwarded-For`; nobody else is believed.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: unknown): string {
  let address = remoteAddress ?? 'unknown';
  if (typeof forwardedFor !== 'string' || !isLoopback(address)) return normalise(address);
  // Walk from the nearest hop back while the hops are themselves local proxies.
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (isLoopback(address) && hops.length > 0) address = hops.pop() ?? address;
  return normalise(address);
}
