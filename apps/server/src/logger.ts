import { isIPv4, isIPv6 } from 'node:net';
import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** Fields that would name a person: never written, whatever a log call passes in. */
const PERSONAL_FIELDS = ['name', 'email', 'lab', 'displayName', 'userName', 'account'];
/** Fields that may hold a client's address: written truncated (a /24 or a /48), never whole. */
const ADDRESS_FIELDS = new Set(['ip', 'address', 'remoteAddress', 'clientAddress']);

/** 203.0.113.42 → 203.0.113.0, 2001:db8:1:2::7 → 2001:db8:1::; anything else → "[address]". */
export function truncateAddress(value: unknown): string {
  if (typeof value !== 'string') return '[address]';
  const address = value.startsWith('::ffff:') && isIPv4(value.slice(7)) ? value.slice(7) : value;
  if (isIPv4(address)) return address.replace(/\.\d+$/, '.0');
  if (isIPv6(address)) {
    const [head = ''] = address.split('::');
    return `${head.split(':').slice(0, 3).join(':')}::`;
  }
  return '[address]';
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    // Secrets and personal data never reach the logs, whatever a log call passes in.
    redact: {
      paths: [
        'facilitatorKey',
        '*.facilitatorKey',
        'req.headers.authorization',
        'req.headers.cookie',
        'auth.facilitatorKey',
        ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]),
      ],
      censor: '[redacted]',
    },
    formatters: {
      log(object) {
        let changed: Record<string, unknown> | null = null;
        for (const key of Object.keys(object)) {
          if (!ADDRESS_FIELDS.has(key)) continue;
          changed ??= { ...object };
          changed[key] = truncateAddress(object[key]);
        }
        return changed ?? object;
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
