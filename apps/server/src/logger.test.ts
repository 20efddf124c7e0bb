import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, truncateAddress } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'info' }, stream) };
}

describe('logs carry no personal data', () => {
  it('truncates client addresses to their network', () => {
    expect(truncateAddress('203.0.113.42')).toBe('203.0.113.0');
    expect(truncateAddress('::ffff:198.51.100.7')).toBe('198.51.100.0');
    expect(truncateAddress('2001:db8:1:2:3::7')).toBe('2001:db8:1::');
    expect(truncateAddress('not an address')).toBe('[address]');
  });

  it('never writes names, e-mails, labs, cookies or keys; addresses only truncated', async () => {
    const { lines, logger } = capture();
    logger.info(
      {
        ip: '203.0.113.42',
        name: 'Camille Martin',
        email: 'camille.martin@education.gouv.fr',
        lab: 'Lab 110 bis',
        person: { name: 'Camille Martin', address: '2001:db8:1:2::9' },
        facilitatorKey: 'secret-key',
        req: { headers: { cookie: 'atelier_session=abc', authorization: 'Bearer x' } },
        boardId: 'board-1',
      },
      'someone did something',
    );
    logger.flush();
    await new Promise((resolve) => setImmediate(resolve));
    const text = JSON.stringify(lines);
    for (const personal of [
      'Camille',
      'camille.martin',
      'Lab 110',
      '203.0.113.42',
      'secret-key',
      'abc',
      'Bearer x',
    ])
      expect(text).not.toContain(personal);
    expect(lines[0]).toMatchObject({ ip: '203.0.113.0', boardId: 'board-1', name: '[redacted]' });
  });
});
