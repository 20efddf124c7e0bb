import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the peer address, IPv4-mapped addresses unwrapped', () => {
    expect(clientAddress('::ffff:192.0.2.7', undefined)).toBe('192.0.2.7');
    expect(clientAddress('2001:db8::1', undefined)).toBe('2001:db8::1');
  });

  it('believes X-Forwarded-For from a local proxy only', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.4')).toBe('198.51.100.4');
    expect(clientAddress('::1', '203.0.113.9, 127.0.0.1')).toBe('203.0.113.9');
    expect(clientAddress('192.0.2.7', '198.51.100.4')).toBe('192.0.2.7');
  });

  it('takes the nearest untrusted hop, not what the client wrote first', () => {
    expect(clientAddress('127.0.0.1', 'spoofed, 198.51.100.4')).toBe('198.51.100.4');
  });
});
