import type { IncomingMessage } from 'node:http';
import { isIP, type Socket } from 'node:net';
import type { Request } from 'express';
import proxyaddr from 'proxy-addr';

/** Which peers may say who their client is in `X-Forwarded-For` (`TRUST_PROXY`, compiled once). */
export type TrustProxy = (address: string, hop: number) => boolean;

/** The `TRUST_PROXY` values that trust no proxy at all. */
const TRUST_NO_PROXY = new Set(['none', 'false']);
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isValidEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  // proxy-addr also reads `1` as 0.0.0.1: refused, lest it be taken for Express's hop count.
  if (isIP(entry.split('/')[0] ?? '') === 0) return false;
  try {
    proxyaddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles a `TRUST_PROXY` value (what Express's `trust proxy` takes as a string, or `none`/`false`);
 * throws a `TypeError` saying which entry is wrong.
 */
export function compileTrustProxy(setting: string): TrustProxy {
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 1 && TRUST_NO_PROXY.has(entries[0] ?? '')) return () => false;
  if (entries.length === 0) throw new TypeError('no address given; use "none" to trust no proxy');
  for (const entry of entries) {
    if (TRUST_NO_PROXY.has(entry)) {
      throw new TypeError(`"${entry}" cannot be combined with addresses`);
    }
    if (!isValidEntry(entry)) {
      throw new TypeError(
        `"${entry}" is not an IP address, a subnet (e.g. 172.16.0.0/12), loopback, linklocal or uniquelocal`,
      );
    }
  }
  return proxyaddr.compile(entries);
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are one client, whichever way the socket was opened. */
function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The address a limit is counted against: the peer, or, while the peer is a trusted proxy, the hop
 * it names in `X-Forwarded-For`, walking back from the nearest. The walk is proxy-addr's own, the
 * one Express does for `request.ip`, so sockets and REST count a client under the same address.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | readonly string[] | undefined,
  trustProxy: TrustProxy,
): string {
  if (remoteAddress === undefined) return 'unknown';
  // proxy-addr reads nothing else of the request than these two fields.
  const request: Pick<IncomingMessage, 'headers'> & { socket: Pick<Socket, 'remoteAddress'> } = {
    socket: { remoteAddress },
    headers: {
      'x-forwarded-for': typeof forwardedFor === 'string' ? forwardedFor : forwardedFor?.join(', '),
    },
  };
  return normaliseAddress(proxyaddr(request as IncomingMessage, trustProxy));
}

/** `clientAddress` of a REST request: Express walks the same way with the same `trust proxy`. */
export function requestAddress(request: Request): string {
  return normaliseAddress(request.ip ?? 'unknown');
}
