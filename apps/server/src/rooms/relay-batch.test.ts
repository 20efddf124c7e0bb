import { describe, expect, it } from 'vitest';
import { decodeRelayBatch, encodeRelayBatch } from './relay-batch';

describe('relay batches', () => {
  it('deliver every message to its session, in the order sent', () => {
    const messages: [string, string][] = [
      ['a', '{"type":"data","data":[1]}'],
      ['b', '{"type":"data","data":[1]}'],
      ['a', '{"type":"data","data":[2]}'],
      ['c', '{"type":"pong"}'],
      ['b', '{"type":"data","data":[2]}'],
      ['b', '{"type":"data","data":[1]}'],
    ];
    expect([...decodeRelayBatch(encodeRelayBatch(messages))]).toEqual(messages);
  });

  it('carry a text that many sessions receive once', () => {
    const text = JSON.stringify({ type: 'data', data: ['x'.repeat(1000)] });
    const messages = Array.from({ length: 100 }, (_, i): [string, string] => [`session-${i}`, text]);
    const batch = encodeRelayBatch(messages);
    expect(batch.length).toBeLessThan(text.length + 100 * 20);
    expect([...decodeRelayBatch(batch)]).toEqual(messages);
  });

  it('keep texts holding separators, digits and non-ASCII intact', () => {
    const messages: [string, string][] = [
      ['s1', '12\u0000"é"\u0000'],
      ['s2', ''],
      ['s1', '🙂\u00003'],
    ];
    expect([...decodeRelayBatch(encodeRelayBatch(messages))]).toEqual(messages);
  });

  it('stop at a truncated batch instead of inventing deliveries', () => {
    const batch = encodeRelayBatch([['a', '{"x":1}']]);
    expect([...decodeRelayBatch(batch.slice(0, 5))]).toEqual([]);
    expect([...decodeRelayBatch('')]).toEqual([]);
  });
});
