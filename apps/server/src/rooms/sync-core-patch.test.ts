// patches/@tldraw__sync-core@5.4.2.patch: a broadcast computes its network diff once and serialises
// it once for all sessions. These tests fail if the patch is not applied or changes what is sent.
import { noteRecord } from '@atelier/testkit';
import * as syncCore from '@tldraw/sync-core';
import { TLSocketRoom, type WebSocketMinimal } from '@tldraw/sync-core';
import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import { afterEach, describe, expect, it, vi } from 'vitest';

const schema = createTLSchema();
// Exported at run time, left out of the public types (a connect request must carry it).
const { getTlsyncProtocolVersion } = syncCore as unknown as { getTlsyncProtocolVersion: () => number };

class RecordingSocket implements WebSocketMinimal {
  readonly sent: string[] = [];
  readyState = 1;
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
}

function connect(room: TLSocketRoom<TLRecord>, sessionId: string): RecordingSocket {
  const socket = new RecordingSocket();
  room.handleSocketConnect({ sessionId, socket });
  room.handleSocketMessage(
    sessionId,
    JSON.stringify({
      type: 'connect',
      connectRequestId: `connect-${sessionId}`,
      lastServerClock: 0,
      protocolVersion: getTlsyncProtocolVersion(),
      schema: schema.serialize(),
    }),
  );
  return socket;
}

/** Pushes a new note from `sessionId`, as TLSyncClient would. */
function pushNote(room: TLSocketRoom<TLRecord>, sessionId: string, text: string): void {
  const note = noteRecord({ id: 'shape:shared', text });
  room.handleSocketMessage(
    sessionId,
    JSON.stringify({ type: 'push', clientClock: 1, diff: { [note.id]: ['put', note] } }),
  );
}

describe('broadcasts of the patched sync room', () => {
  afterEach(() => vi.restoreAllMocks());

  it('serialise a broadcast diff once, whatever the number of receivers', () => {
    const room = new TLSocketRoom<TLRecord>({ schema });
    const author = connect(room, 'author');
    const receivers = ['b', 'c', 'd', 'e'].map((id) => connect(room, id));
    const before = [author, ...receivers].map((socket) => socket.sent.length);

    const stringify = vi.spyOn(JSON, 'stringify');
    pushNote(room, 'author', 'Ouvrir les données');
    // The note is serialised inside the diff (patched) or inside each receiver's whole message.
    const noteSerialisations = stringify.mock.calls.filter(([value]) => {
      if (typeof value !== 'object' || value === null) return false;
      return 'shape:shared' in value || (value as { type?: unknown }).type === 'data';
    });
    stringify.mockRestore();

    // Unpatched, each of the four receivers' messages is serialised whole (4 serialisations of the
    // note); patched, its diff once.
    expect(noteSerialisations).toHaveLength(1);
    receivers.forEach((socket, i) => expect(socket.sent.length).toBe(before[i + 1]! + 1));
    room.close();
  });

  it('send every receiver the same message, readable as tldraw sent it before', () => {
    const room = new TLSocketRoom<TLRecord>({ schema });
    connect(room, 'author');
    const receivers = ['b', 'c'].map((id) => connect(room, id));
    pushNote(room, 'author', 'Potagers partagés');

    const [first, second] = receivers.map((socket) => socket.sent.at(-1)!);
    expect(first).toBe(second);
    const message = JSON.parse(first!) as {
      type: string;
      data: { type: string; diff: Record<string, [string, TLRecord]>; serverClock: number }[];
    };
    expect(message.type).toBe('data');
    expect(message.data).toHaveLength(1);
    const [patch] = message.data;
    expect(patch!.type).toBe('patch');
    expect(typeof patch!.serverClock).toBe('number');
    expect(patch!.diff['shape:shared']![0]).toBe('put');
    expect(patch!.diff['shape:shared']![1]).toMatchObject({ id: 'shape:shared', type: 'note' });
    // The whole message is what JSON.stringify gives for the same value.
    expect(JSON.stringify(message)).toBe(first);
    room.close();
  });
});
