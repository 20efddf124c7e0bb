import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { originChecker } from './origin';

const from = (host: string) => ({ headers: { host } }) as IncomingMessage;

describe('originChecker', () => {
  it('with PUBLIC_URL, only that origin may open a socket', () => {
    const allowed = originChecker('https://atelier.education.gouv.fr');
    expect(allowed('https://atelier.education.gouv.fr', from('internal:3000'))).toBe(true);
    expect(allowed('http://atelier.education.gouv.fr', from('atelier.education.gouv.fr'))).toBe(false);
    expect(allowed('https://evil.example', from('atelier.education.gouv.fr'))).toBe(false);
    expect(allowed('https://atelier.education.gouv.fr.evil.example', from('x'))).toBe(false);
    expect(allowed('null', from('atelier.education.gouv.fr'))).toBe(false);
  });

  it('without PUBLIC_URL, the page must come from the host the request came to', () => {
    const allowed = originChecker(undefined);
    expect(allowed('http://localhost:3000', from('localhost:3000'))).toBe(true);
    expect(allowed('http://localhost:3001', from('localhost:3000'))).toBe(false);
    expect(allowed('http://localhost:3000')).toBe(false);
  });

  it('lets clients that are not browsers (no Origin) through', () => {
    expect(originChecker('https://a.fr')(undefined)).toBe(true);
  });
});
