import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

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
});
