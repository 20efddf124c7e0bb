import { describe, expect, it } from 'vitest';
import { clientAddress, compileTrustProxy } from './client-address';

const loopback = compileTrustProxy('loopback');

describe('clientAddress', () => {
  it('is the peer address, IPv4-mapped addresses unwrapped', () => {
    expect(clientAddress('::ffff:192.0.2.7', undefined, loopback)).toBe('192.0.2.7');
    expect(clientAddress('2001:db8::1', undefined, loopback)).toBe('2001:db8::1');
    expect(clientAddress(undefined, '198.51.100.4', loopback)).toBe('unknown');
  });

  it('by default (loopback) believes X-Forwarded-For from a local proxy only', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.4', loopback)).toBe('198.51.100.4');
    expect(clientAddress('::1', '203.0.113.9, 127.0.0.1', loopback)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '::ffff:198.51.100.4', loopback)).toBe('198.51.100.4');
    // Headers as a list: one line, hops in order.
    expect(clientAddress('127.0.0.1', ['203.0.113.9', '198.51.100.4'], loopback)).toBe('198.51.100.4');
    expect(clientAddress('192.0.2.7', '198.51.100.4', loopback)).toBe('192.0.2.7');
    expect(clientAddress('172.18.0.5', '198.51.100.4', loopback)).toBe('172.18.0.5');
  });

  it('trusts a proxy on the docker network when given its subnet', () => {
    const dockerNetwork = compileTrustProxy('172.16.0.0/12');
    expect(clientAddress('172.18.0.5', '198.51.100.4', dockerNetwork)).toBe('198.51.100.4');
    expect(clientAddress('::ffff:172.18.0.5', '198.51.100.4', dockerNetwork)).toBe('198.51.100.4');
    // Outside the subnet, including loopback, which is no longer named.
    expect(clientAddress('172.32.0.5', '198.51.100.4', dockerNetwork)).toBe('172.32.0.5');
    expect(clientAddress('127.0.0.1', '198.51.100.4', dockerNetwork)).toBe('127.0.0.1');
  });

  it('ignores an X-Forwarded-For sent by an untrusted peer, whatever it claims', () => {
    const trusted = compileTrustProxy('loopback, uniquelocal');
    expect(clientAddress('198.51.100.4', '127.0.0.1', trusted)).toBe('198.51.100.4');
    expect(clientAddress('198.51.100.4', '10.0.0.1, 127.0.0.1', trusted)).toBe('198.51.100.4');
  });

  it('takes the nearest untrusted hop, not what the client wrote first', () => {
    expect(clientAddress('127.0.0.1', 'spoofed, 198.51.100.4', loopback)).toBe('198.51.100.4');
    const trusted = compileTrustProxy('loopback, 10.0.0.0/8');
    // client → 10.0.0.2 (trusted) → 198.51.100.9 (untrusted) → 10.0.0.3 (trusted) → 127.0.0.1 → us
    expect(clientAddress('127.0.0.1', '203.0.113.5, 10.0.0.2, 198.51.100.9, 10.0.0.3', trusted)).toBe(
      '198.51.100.9',
    );
    // Every hop trusted: the first one, the client.
    expect(clientAddress('127.0.0.1', '203.0.113.5, 10.0.0.2, 10.0.0.3', trusted)).toBe('203.0.113.5');
  });

  it('with none (or false), never reads X-Forwarded-For', () => {
    for (const setting of ['none', 'false', ' none ']) {
      const nobody = compileTrustProxy(setting);
      expect(clientAddress('127.0.0.1', '198.51.100.4', nobody)).toBe('127.0.0.1');
      expect(clientAddress('::ffff:10.0.0.1', '198.51.100.4', nobody)).toBe('10.0.0.1');
    }
  });
});

describe('compileTrustProxy', () => {
  it('takes addresses, subnets and named ranges, comma-separated', () => {
    const trust = compileTrustProxy(
      '192.0.2.1, 10.0.0.0/8,linklocal , 2001:db8::/32, 192.168.1.0/255.255.255.0',
    );
    expect(
      ['192.0.2.1', '10.1.2.3', '169.254.1.1', 'fe80::1', '2001:db8::7', '192.168.1.9'].map((a) =>
        trust(a, 0),
      ),
    ).toEqual([true, true, true, true, true, true]);
    expect(['192.0.2.2', '127.0.0.1', '2001:db9::1', '192.168.2.1'].map((a) => trust(a, 0))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses what is not an address, naming it', () => {
    expect(() => compileTrustProxy('loopback, proxy.local')).toThrow(/"proxy\.local" is not an IP address/);
    expect(() => compileTrustProxy('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => compileTrustProxy('true')).toThrow(/"true"/);
    // Express's hop count, which proxy-addr would read as the address 0.0.0.1.
    expect(() => compileTrustProxy('1')).toThrow(/"1" is not an IP address/);
    expect(() => compileTrustProxy('0x7f.1')).toThrow(/"0x7f\.1"/);
    expect(() => compileTrustProxy('none, 10.0.0.1')).toThrow(/"none" cannot be combined/);
    expect(() => compileTrustProxy(' , ')).toThrow(/use "none"/);
  });
});
