// Process entry point: configuration, store, server, signals.
import { createAtelierServer } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import type { BoardStore } from './store/board-store';
import { RedisBoardStore } from './store/redis-board-store';
import { SqliteBoardStore } from './store/sqlite-board-store';
import type { Logger } from './logger';

function createStore(config: Config, logger: Logger): BoardStore {
  if (config.redisUrl) {
    return new RedisBoardStore({ url: config.redisUrl, saveDelayMs: config.redisSaveDelayMs, logger });
  }
  return new SqliteBoardStore(config.dataDir);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const store = createStore(config, logger);
  const server = createAtelierServer(config, store, logger);

  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, config.host, resolve);
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  logger.info({ port, store: store.kind }, 'Atelier is listening');
  // The one line a person starting the app looks for.
  process.stdout.write(`\nAtelier is running: ${url}  (store: ${store.kind})\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining, then saving every open board');
    const forceExit = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000 + config.drainDelayMs);
    forceExit.unref();
    // Draining first: /readyz says 503, then the boards are saved and their people sent elsewhere.
    (signal === 'SIGTERM' ? server.drain() : Promise.resolve())
      .then(() => server.close())
      .then(
        () => {
          logger.info('stopped cleanly');
          process.exit(0);
        },
        (error: Error) => {
          logger.error({ err: error.message }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? reason.stack : String(reason) }, 'unhandled rejection');
  });
}

void main();
