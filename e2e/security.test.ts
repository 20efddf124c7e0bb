// The browser-facing protections: helmet's headers and a Content Security Policy strict enough to
// matter (scripts from this server only, no plugin, no framing by other sites, sockets to this
// server only) under which the tldraw board still works without a single violation.
import type { CreatedBoard } from '@atelier/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterBoard, writeStickyNote } from './support/app';
import { openIsolatedPage } from './support/browser';
import { useServerAndBrowser } from './support/server-and-browser';

const app = useServerAndBrowser();

async function newBoard(): Promise<CreatedBoard> {
  const response = await fetch(`${app.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Sécurité', template: 'codev-flash' }),
  });
  return (await response.json()) as CreatedBoard;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

/** Every CSP violation the page reports, recorded from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe('security headers and Content Security Policy', () => {
  it('the pages carry helmet’s headers and a strict policy', async () => {
    const board = await newBoard();
    for (const path of ['/', `/b/${board.id}`]) {
      const response = await fetch(`${app.server.url}${path}`);
      expect(response.status).toBe(200);
      const headers = response.headers;
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('access-control-allow-origin')).toBeNull();

      const csp = directives(headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      // Sockets to this server only: no bare ws:/wss: scheme that would reach any host.
      const connect = csp.get('connect-src') ?? [];
      expect(connect).toContain("'self'");
      expect(connect).toContain(`ws://${new URL(app.server.url).host}`);
      expect(connect.filter((source) => source === 'ws:' || source === 'wss:' || source === '*')).toEqual([]);
    }
  });

  it('a board page works under the policy with no violation (joining, drawing a sticky note)', async () => {
    const board = await newBoard();
    const { page, watch } = await openIsolatedPage(app.browser, app.server.url);
    const violations = await watchViolations(page);
    await enterBoard(page, board.participantUrl, 'Camille', 'Lab 110 bis');
    await writeStickyNote(page, 'Sous CSP', { x: 700, y: 450 });
    await page.locator('.tl-shape').getByText('Sous CSP').first().waitFor({ timeout: 10_000 });

    // The note made it to the server: another page sees it.
    const other = await openIsolatedPage(app.browser, app.server.url);
    const otherViolations = await watchViolations(other.page);
    await enterBoard(other.page, board.participantUrl, 'Dominique');
    await other.page.locator('.tl-shape').getByText('Sous CSP').first().waitFor({ timeout: 10_000 });

    // No report at all: everything tldraw and the app need is allowed, and zod runs jitless.
    expect(await violations()).toEqual([]);
    expect(await otherViolations()).toEqual([]);
    for (const errors of [watch.errors, other.watch.errors]) {
      expect(errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
    }
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
    await other.page.context().close();
  });
});
