// The relay between server processes under attack: hostile session ids at the door, then random
// session ids and random frames published straight onto the owner's relay channel. The owner never
// dies, bystanders on both processes keep editing, and nothing acknowledged is lost.
import { syncSessionIdSchema } from '@atelier/protocol';
import * as syncCore from '@tldraw/sync-core';
import { TLSyncErrorCloseEventCode, TLSyncErrorCloseEventReason } from '@tldraw/sync-core';
import { createTLSchema } from '@tldraw/tlschema';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  connectSocketIoClient,
  createBoard,
  type RunningServer,
  type TestSyncClient,
} from '@atelier/testkit';
import { encodeRelayFrame, type RelayFrame } from '../src/rooms/relay-codec';
import { clusterHarness, ownerOf } from './cluster-support';

const SEED = 20261204;
const { getTlsyncProtocolVersion } = syncCore as unknown as { getTlsyncProtocolVersion: () => number };

describe('the relay between processes under attack', () => {
  const { cleanups, twoProcesses, track } = clusterHarness();

  function expectAlive(server: RunningServer): void {
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(server.output()).not.toMatch(/uncaught|unhandled rejection|SyntaxError|FATAL/i);
  }

  /** Opens `/sync/<board>?<query>` and resolves with how the server closed it (or null if it stayed open). */
  function openNative(
    server: RunningServer,
    path: string,
  ): Promise<{ code: number; reason: string } | { open: true }> {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${path}`);
    cleanups.push(() => ws.terminate());
    return new Promise((resolve) => {
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
      ws.once('error', () => {});
      // A connection left open after a moment was accepted (and its messages relayed).
      ws.once('open', () => setTimeout(() => resolve({ open: true }), 1500));
    });
  }

  /** Both bystanders write a note and see the other's: the relay works both ways. */
  async function stillSyncing(onA: TestSyncClient, onB: TestSyncClient, tag: string): Promise<void> {
    onA.addNote(`${tag} (A)`);
    onB.addNote(`${tag} (B)`);
    for (const client of [onA, onB]) {
      await client.waitFor(
        () => client.hasNoteWithText(`${tag} (A)`) && client.hasNoteWithText(`${tag} (B)`),
        10_000,
        `both notes of ${tag}`,
      );
    }
  }

  it('R-RELAY-3 (attack row 1): a NUL in a /sync session id on the non-owner is refused; the owner, its clients and their notes carry on', async () => {
    const { a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Relais' });
    // A opens the board first: it holds the lease, B relays to it.
    const onA = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await onA.loaded;
    const onB = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }));
    await onB.loaded;
    onA.addNote('acquittée avant l’attaque');
    await onB.waitFor(() => onB.hasNoteWithText('acquittée avant l’attaque'), 10_000, 'the note on B');

    for (const sessionId of ['a%00b', '%00', 'a%0Ab', 'x%20y', 'é', 'a'.repeat(65)]) {
      const outcome = await openNative(b, `${board.id}?sessionId=${sessionId}`);
      expect(outcome, sessionId).toEqual({
        code: TLSyncErrorCloseEventCode,
        reason: TLSyncErrorCloseEventReason.NOT_FOUND,
      });
    }
    // Whatever else the attacker controls (its display name) travels through the relay intact.
    const named = await openNative(b, `${board.id}?sessionId=fine&name=${encodeURIComponent('a\u0000b')}`);
    expect(named).toEqual({ open: true });

    expectAlive(a);
    expectAlive(b);
    await stillSyncing(onA, onB, 'après l’attaque');
    const late: TestSyncClient = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Chloé' }));
    await late.loaded;
    expect(late.hasNoteWithText('acquittée avant l’attaque')).toBe(true);
    expectAlive(a);
  });

  it('R-RELAY-2, R-RELAY-3: fuzzing the relay with two processes: random session ids at the door, random frames on the channels', async () => {
    const { redis, a, b } = await twoProcesses();
    const board = await createBoard(a.url, { title: 'Fuzz du relais' });
    const onA = track(connectSocketIoClient(a.url, { boardId: board.id, name: 'Awa' }));
    await onA.loaded;
    const onB = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Bruno' }));
    await onB.loaded;
    const owner = await ownerOf(redis, board.id);
    expect(owner).toBeTruthy();
    const tried: Record<string, number> = {};
    const count = (what: string) => (tried[what] = (tried[what] ?? 0) + 1);

    // 1. Random session ids on /sync at B, the non-owner: the unsafe ones are refused at the door,
    // the others are relayed to A and answered.
    const connect = JSON.stringify({
      type: 'connect',
      connectRequestId: 'fuzz',
      lastServerClock: -1,
      protocolVersion: getTlsyncProtocolVersion(),
      schema: createTLSchema().serialize(),
    });
    const sessionIds = fc.sample(
      fc.oneof(
        fc.string({ unit: fc.constantFrom(...'aZ09_-'), minLength: 1, maxLength: 70 }),
        fc.string({ unit: 'binary', maxLength: 70 }),
        fc.string({ unit: fc.constantFrom('a', '\u0000', ':', '1', ' ', '%', '\n'), maxLength: 20 }),
      ),
      { numRuns: 120, seed: SEED },
    );
    const wsUrl = b.url.replace(/^http/, 'ws');
    for (const sessionId of sessionIds) {
      const safe = syncSessionIdSchema.safeParse(sessionId).success;
      count(safe ? 'safe session id' : 'unsafe session id');
      const ws = new WebSocket(`${wsUrl}/sync/${board.id}?sessionId=${encodeURIComponent(sessionId)}`);
      const outcome = await new Promise<string>((resolve) => {
        ws.once('open', () => ws.send(connect));
        ws.once('message', (data) =>
          resolve(`answered ${(JSON.parse(String(data)) as { type: string }).type}`),
        );
        ws.once('close', (code, reason) => resolve(`closed ${code} ${reason.toString()}`));
        ws.once('error', () => resolve('error'));
      });
      ws.terminate();
      expect(outcome, JSON.stringify(sessionId)).toBe(
        safe
          ? 'answered connect'
          : `closed ${TLSyncErrorCloseEventCode} ${TLSyncErrorCloseEventReason.NOT_FOUND}`,
      );
    }
    expectAlive(a);
    expectAlive(b);
    await stillSyncing(onA, onB, 'après les identifiants');

    // 2. Random frames published straight onto both relay channels: garbage, corrupted frames, and
    // well-formed frames carrying random sessions, boards, processes and messages.
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const framing = fc.constantFrom('0', '1', '2', '9', ':', 'm', 'o', 's', 'e', 'c', '\u0000', '{');
    const sessionId = fc.oneof(
      fc.constantFrom('s1', 's2', 'ws:x:1'),
      fc.string({ unit: fc.constantFrom(...'aZ09_-:'), minLength: 1, maxLength: 20 }),
    );
    const data = fc.oneof(
      fc.string({ unit: codeUnit, maxLength: 60 }),
      fc.json(),
      fc
        .record({
          type: fc.constantFrom('connect', 'push', 'ping'),
          extra: fc.dictionary(fc.string(), fc.jsonValue()),
        })
        .map(({ type, extra }) => JSON.stringify({ ...extra, type })),
      fc.constant(connect),
    );
    const wellFormed: fc.Arbitrary<RelayFrame> = fc.oneof(
      fc.record({
        kind: fc.constant('open' as const),
        sessionId,
        boardId: fc.oneof(fc.constant(board.id), fc.constant('AAAAAAAAAAAAAAAAAAAAAA')),
        from: fc.oneof(fc.uuid(), fc.constant(owner as string)),
        isReadonly: fc.boolean(),
        meta: fc.record({
          userId: fc.string({ maxLength: 30 }),
          name: fc.string({ unit: codeUnit, maxLength: 30 }),
          role: fc.constantFrom('facilitator' as const, 'participant' as const, 'viewer' as const),
        }),
      }),
      fc.record({ kind: fc.constant('message' as const), sessionId, data }),
      fc.record({ kind: fc.constant('end' as const), sessionId }),
      fc.record({ kind: fc.constant('close' as const), sessionId, code: fc.nat({ max: 5000 }) }),
      fc.record({
        kind: fc.constant('send' as const),
        messages: fc.array(fc.tuple(sessionId, data), { maxLength: 4 }),
      }),
    );
    const frames = fc.sample(
      fc.oneof(
        fc.string({ unit: codeUnit, maxLength: 80 }).map((raw) => ['garbage', raw] as const),
        fc.string({ unit: framing, maxLength: 80 }).map((raw) => ['framing garbage', raw] as const),
        {
          weight: 3,
          arbitrary: wellFormed.map(
            (frame) => [`well-formed ${frame.kind}`, encodeRelayFrame(frame)] as const,
          ),
        },
        fc.tuple(wellFormed, fc.nat(), codeUnit).map(([frame, at, unit]) => {
          const raw = encodeRelayFrame(frame);
          const cut = at % raw.length;
          return ['corrupted', raw.slice(0, cut) + unit + raw.slice(cut + 1)] as const;
        }),
      ),
      { numRuns: 1500, seed: SEED },
    );
    const publisher = new Redis(redis.url);
    cleanups.push(() => publisher.disconnect());
    const channels = (await publisher.pubsub('CHANNELS', 'atelier:relay:*')) as string[];
    expect(channels).toHaveLength(2);
    for (let batch = 0; batch < frames.length; batch += 150) {
      for (const [what, raw] of frames.slice(batch, batch + 150)) {
        count(what);
        for (const channel of channels) await publisher.publish(channel, raw);
      }
      expectAlive(a);
      expectAlive(b);
      await stillSyncing(onA, onB, `lot ${batch}`);
    }
    const late = track(connectSocketIoClient(b.url, { boardId: board.id, name: 'Chloé' }));
    await late.loaded;
    for (let batch = 0; batch < frames.length; batch += 150) {
      expect(late.hasNoteWithText(`lot ${batch} (A)`) && late.hasNoteWithText(`lot ${batch} (B)`)).toBe(true);
    }
    console.log(`relay fuzz: ${JSON.stringify(tried)}; seed ${SEED}`);
  }, 120_000);
});
