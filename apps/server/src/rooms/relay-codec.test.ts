import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRelayFrame, encodeRelayFrame, type RelayFrame } from './relay-codec';

const SEED = 20261203;
const runs = { numRuns: 2000, seed: SEED };

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Characters a length-prefixed format could trip on. */
const framingChar = fc.constantFrom('0', '1', '9', ':', 'm', 's', 'o', '\u0000', '\n', '-');
const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: framingChar, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.json(),
);
const sessionId = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZ09_-:'), minLength: 1, maxLength: 128 }),
  fc.uuid().map((uuid) => `ws:${uuid.slice(0, 8)}:${uuid}`),
);
const processId = fc.uuid();
const boardId = fc.string({ unit: fc.constantFrom(...'abcXYZ0189_-'), minLength: 22, maxLength: 22 });

const frame: fc.Arbitrary<RelayFrame> = fc.oneof(
  fc.record({ kind: fc.constant('message' as const), sessionId, data: anyText }),
  fc.record({ kind: fc.constant('end' as const), sessionId }),
  fc.record(
    {
      kind: fc.constant('close' as const),
      sessionId,
      code: fc.nat({ max: 4999 }),
      reason: anyText.filter((text) => text.length > 0),
    },
    { requiredKeys: ['kind', 'sessionId'] },
  ),
  fc.record({
    kind: fc.constant('open' as const),
    sessionId,
    boardId,
    from: processId,
    isReadonly: fc.boolean(),
    meta: fc.record({
      userId: fc.string({ maxLength: 200 }),
      name: fc.string({ unit: codeUnit, maxLength: 200 }),
      role: fc.constantFrom('facilitator' as const, 'participant' as const, 'viewer' as const),
    }),
  }),
  fc.record({
    kind: fc.constant('lookup' as const),
    requestId: fc.string({ unit: fc.constantFrom(...'az09_-'), minLength: 1, maxLength: 32 }),
    boardId,
    from: processId,
    shapeId: fc
      .string({ unit: fc.constantFrom(...'aZ09_-:.'), minLength: 1, maxLength: 122 })
      .map((id) => `shape:${id}`),
  }),
  fc.record({
    kind: fc.constant('found' as const),
    requestId: fc.string({ unit: fc.constantFrom(...'az09_-'), minLength: 1, maxLength: 32 }),
    chain: fc.option(fc.oneof(anyText, fc.constant('')), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('send' as const),
    // Broadcasts repeat texts: draw them from a small pool.
    messages: fc
      .tuple(fc.array(anyText, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(sessionId, fc.nat())))
      .map(([texts, picks]) =>
        picks.map(([id, pick]): [string, string] => [id, texts[pick % texts.length] as string]),
      ),
  }),
);

describe('relay codec', () => {
  it('R-RELAY-1: every frame decodes to itself', () => {
    fc.assert(
      fc.property(frame, (sent) => {
        expect(decodeRelayFrame(encodeRelayFrame(sent))).toEqual(sent);
      }),
      runs,
    );
  });

  it('R-RELAY-1: a text many sessions receive is carried once', () => {
    const text = JSON.stringify({ type: 'data', data: ['x'.repeat(1000)] });
    const messages = Array.from({ length: 100 }, (_, i): [string, string] => [`session-${i}`, text]);
    const encoded = encodeRelayFrame({ kind: 'send', messages });
    expect(encoded.length).toBeLessThan(text.length + 100 * 20);
    expect(decodeRelayFrame(encoded)).toEqual({ kind: 'send', messages });
  });

  it('R-RELAY-2: any string decodes to a well-formed frame or an invalid value, never a throw', () => {
    const garbage = fc.oneof(
      fc.string({ unit: codeUnit, maxLength: 200 }),
      fc.string({ unit: framingChar, maxLength: 200 }),
      fc
        .tuple(fc.constantFrom('o', 'm', 'e', 's', 'c'), fc.string({ unit: framingChar, maxLength: 100 }))
        .map(([kind, rest]) => kind + rest),
    );
    let invalid = 0;
    fc.assert(
      fc.property(garbage, (raw) => {
        const decoded = decodeRelayFrame(raw);
        if (decoded.kind === 'invalid') invalid += 1;
        // Whatever decodes is a frame the codec can write and read again.
        else expect(decodeRelayFrame(encodeRelayFrame(decoded))).toEqual(decoded);
      }),
      runs,
    );
    expect(invalid).toBeGreaterThan(runs.numRuns / 2);
  });

  it('R-RELAY-2: every truncation of a frame is invalid, every corruption decodes without a throw', () => {
    fc.assert(
      fc.property(frame, fc.nat(), codeUnit, (sent, at, replacement) => {
        const encoded = encodeRelayFrame(sent);
        const cut = at % encoded.length;
        expect(decodeRelayFrame(encoded.slice(0, cut)).kind).toBe('invalid');
        const corrupted = encoded.slice(0, cut) + replacement + encoded.slice(cut + 1);
        const inserted = encoded.slice(0, cut) + replacement + encoded.slice(cut);
        for (const raw of [corrupted, inserted]) expect(() => decodeRelayFrame(raw)).not.toThrow();
      }),
      runs,
    );
  });

  it('R-RELAY-2: ids outside their alphabet, unknown kinds and bad fields are refused', () => {
    const message = (id: string) => `m${id.length}:${id}2:{}`;
    expect(decodeRelayFrame(message('a\u0000b'))).toEqual({ kind: 'invalid', reason: 'bad session id' });
    expect(decodeRelayFrame(message('a b')).kind).toBe('invalid');
    expect(decodeRelayFrame(message('x'.repeat(129))).kind).toBe('invalid');
    expect(decodeRelayFrame(message('ws:abc:123'))).toEqual({
      kind: 'message',
      sessionId: 'ws:abc:123',
      data: '{}',
    });
    expect(decodeRelayFrame('').kind).toBe('invalid');
    expect(decodeRelayFrame('x1:a').kind).toBe('invalid');
    // Leading zeros and over-long lengths are not this codec's.
    expect(decodeRelayFrame('e01:a').kind).toBe('invalid');
    expect(decodeRelayFrame(`e1234567890:${'a'.repeat(20)}`).kind).toBe('invalid');
    // A delivery pointing past the texts, a read-only flag other than 0/1, meta that is not JSON.
    expect(decodeRelayFrame('s1:11:12:{}1:a1:1').kind).toBe('invalid');
    const open = encodeRelayFrame({
      kind: 'open',
      sessionId: 's',
      boardId: 'abcdefghijklmnopqrstuv',
      from: 'p',
      isReadonly: false,
      meta: { userId: 'u', name: 'n', role: 'participant' },
    });
    expect(decodeRelayFrame(open).kind).toBe('open');
    expect(decodeRelayFrame(open.replace('1:0', '1:2')).kind).toBe('invalid');
    expect(decodeRelayFrame(open.replace('"role":"participant"', '"role":"admin__"')).kind).toBe('invalid');
    expect(decodeRelayFrame(open.replace('{"userId"', '["userId"')).kind).toBe('invalid');
  });
});
