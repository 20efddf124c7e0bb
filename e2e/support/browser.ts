// Debian's Chromium driven by playwright-core: no browser download, nothing but localhost.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface PageWatch {
  /** Requests to any host but the app's own, which were blocked. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions, including CSP violations. */
  errors: string[];
}

/** A screen to test on: its size, and for phones and tablets touch (`hasTouch`, `isMobile`). */
export interface Device {
  viewport: { width: number; height: number };
  hasTouch?: boolean;
  isMobile?: boolean;
}

/** The three screens every change is looked at on: a laptop, a tablet and a phone (both touch). */
export const devices = {
  desktop: { viewport: { width: 1440, height: 900 } },
  tablet: { viewport: { width: 1024, height: 768 }, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
} satisfies Record<string, Device>;

/** A fresh page that may only reach `appUrl`; everything else is blocked and recorded. */
export async function openIsolatedPage(
  browser: Browser,
  appUrl: string,
  device: Device = { viewport: { width: 1400, height: 900 } },
  /** Other origins the page may reach (an identity provider started by the test). */
  alsoAllowed: string[] = [],
): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ ...device, locale: 'fr-FR' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl });
  const page = await context.newPage();
  const watch: PageWatch = { foreignRequests: [], errors: [] };
  const origins = [appUrl, ...alsoAllowed].map((url) => new URL(url).origin);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (
      origins.some((origin) => url.startsWith(origin)) ||
      url.startsWith('data:') ||
      url.startsWith('blob:')
    )
      return route.continue();
    watch.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  return { page, watch };
}
