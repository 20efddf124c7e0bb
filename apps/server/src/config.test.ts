import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from './config';

describe('configuration from the environment', () => {
  it('runs with no variable at all: embedded store on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: './data', logLevel: 'info' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicUrl).toBeUndefined();
  });

  it('reads and normalises every value', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://127.0.0.1:6380',
      PUBLIC_URL: 'https://atelier.example.fr/',
      TLDRAW_LICENSE_KEY: '  key  ',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      redisUrl: 'redis://127.0.0.1:6380',
      publicUrl: 'https://atelier.example.fr',
      tldrawLicenseKey: 'key',
      logLevel: 'debug',
    });
  });

  it('keeps the labs registry only when asked (LABS_REGISTRY=on), and refuses other words', () => {
    expect(loadConfig({}).labsRegistry).toBe(false);
    expect(loadConfig({ LABS_REGISTRY: 'on' }).labsRegistry).toBe(true);
    expect(loadConfig({ LABS_REGISTRY: 'off' }).labsRegistry).toBe(false);
    expect(() => loadConfig({ LABS_REGISTRY: 'yes please' })).toThrow(/LABS_REGISTRY/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ REDIS_URL: '', PUBLIC_URL: ' ' }).redisUrl).toBeUndefined();
  });

  it('names each bad value in one clear error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://nope', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('TRUST_PROXY: loopback by default, an operator list, or none', () => {
    const viaDockerProxy = (config: Config) => config.trustProxy('172.18.0.5', 0);
    const viaLocalProxy = (config: Config) => config.trustProxy('127.0.0.1', 0);
    const byDefault = loadConfig({});
    expect([viaLocalProxy(byDefault), viaDockerProxy(byDefault)]).toEqual([true, false]);
    expect(viaLocalProxy(loadConfig({ TRUST_PROXY: ' ' }))).toBe(true);
    const compose = loadConfig({ TRUST_PROXY: 'loopback, uniquelocal' });
    expect([viaLocalProxy(compose), viaDockerProxy(compose)]).toEqual([true, true]);
    const subnet = loadConfig({ TRUST_PROXY: '172.16.0.0/12' });
    expect([viaLocalProxy(subnet), viaDockerProxy(subnet)]).toEqual([false, true]);
    for (const none of ['none', 'false']) {
      const config = loadConfig({ TRUST_PROXY: none });
      expect([viaLocalProxy(config), viaDockerProxy(config)]).toEqual([false, false]);
    }
  });

  it('refuses a TRUST_PROXY that is not addresses, naming the variable and the entry', () => {
    for (const [value, entry] of [
      ['loopback, proxy.local', 'proxy.local'],
      ['10.0.0.0/40', '10.0.0.0/40'],
      ['true', 'true'],
      ['2', '2'],
    ]) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        `Invalid configuration:\n  TRUST_PROXY: "${entry}" is not an IP address`,
      );
    }
  });

  it('UNDO_WINDOW_MS: 15 s by default, from 1 s to 10 min', () => {
    expect(loadConfig({}).undoWindowMs).toBe(15_000);
    expect(loadConfig({ UNDO_WINDOW_MS: '20000' }).undoWindowMs).toBe(20_000);
    for (const bad of ['999', '600001', 'soon']) {
      expect(() => loadConfig({ UNDO_WINDOW_MS: bad })).toThrow(/UNDO_WINDOW_MS/);
    }
  });

  it('sign-in: off by default; all three OIDC variables and PUBLIC_URL together; creation then needs a session', () => {
    const off = loadConfig({});
    expect(off.oidc).toBeUndefined();
    expect(off.createRequiresLogin).toBe(false);
    const on = loadConfig({
      OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
      OIDC_CLIENT_ID: 'atelier',
      OIDC_CLIENT_SECRET: 'secret',
      PUBLIC_URL: 'https://atelier.example.fr',
    });
    expect(on.oidc).toEqual({
      issuer: 'https://auth.agentconnect.gouv.fr/api/v2',
      clientId: 'atelier',
      clientSecret: 'secret',
      scopes: 'openid email profile',
    });
    expect(on.createRequiresLogin).toBe(true);
    const open = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:4000',
      OIDC_CLIENT_ID: 'atelier',
      OIDC_CLIENT_SECRET: 'secret',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      CREATE_REQUIRES_LOGIN: 'false',
    });
    expect(open.createRequiresLogin).toBe(false);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.fr' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() =>
      loadConfig({ OIDC_ISSUER: 'https://idp.example.fr', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }),
    ).toThrow(/PUBLIC_URL/);
    expect(() =>
      loadConfig({
        OIDC_ISSUER: 'http://idp.example.fr',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
        PUBLIC_URL: 'https://atelier.example.fr',
      }),
    ).toThrow(/must be https/);
  });

  it('retention, metrics and drain: 180 days, /metrics off, 2 s; checked', () => {
    const config = loadConfig({});
    expect([config.boardRetentionDays, config.metricsToken, config.drainDelayMs]).toEqual([
      180,
      undefined,
      2000,
    ]);
    expect(loadConfig({ BOARD_RETENTION_DAYS: '0' }).boardRetentionDays).toBe(0);
    expect(() => loadConfig({ BOARD_RETENTION_DAYS: '-1' })).toThrow(/BOARD_RETENTION_DAYS/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-token' }).metricsToken).toBe('a-long-enough-token');
  });

  it('accessibility contact: unset by default; an e-mail or an http(s) page, nothing else', () => {
    expect(loadConfig({}).accessibilityContact).toBeUndefined();
    expect(loadConfig({ ACCESSIBILITY_CONTACT: ' accessibilite@lab.gouv.fr ' }).accessibilityContact).toBe(
      'accessibilite@lab.gouv.fr',
    );
    expect(loadConfig({ ACCESSIBILITY_CONTACT: 'https://lab.gouv.fr/contact' }).accessibilityContact).toBe(
      'https://lab.gouv.fr/contact',
    );
    expect(() => loadConfig({ ACCESSIBILITY_CONTACT: 'écrivez-nous' })).toThrow(/ACCESSIBILITY_CONTACT/);
  });
});
