// The setup every browser test file shares: one server and one Chromium for the whole file.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from './app';
import { launchBrowser } from './browser';

/** Where browser tests leave screenshots and downloads. */
export const artifacts = path.resolve('test-results/e2e');

export interface ServerAndBrowser {
  /** Set once the file's `beforeAll` ran. */
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Registers the hooks that start a server and a browser before the file's tests and stop them after. */
export function useServerAndBrowser(): ServerAndBrowser {
  const started = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    started.server = await startServer();
    started.browser = await launchBrowser();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.stop();
  });
  return started;
}
