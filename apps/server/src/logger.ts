import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Secrets must never reach the logs, whatever a log call passes in.
    redact: {
      paths: ['facilitatorKey', '*.facilitatorKey', 'req.headers.authorization', 'auth.facilitatorKey'],
      censor: '[redacted]',
    },
  });
}
