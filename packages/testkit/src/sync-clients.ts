// Real tldraw clients for tests and benchmarks: a stock TLSyncClient over the project's Socket.IO
// transport, or over tldraw's own WebSocket adapter against the native endpoint.
import { createHash } from 'node:crypto';
import {
  assetUploadProofHeader,
  type ConnectAuth,
  type CreateBoardBody,
  type CreatedBoard,
} from '@atelier/protocol';
import { SocketIoSyncSocket, type BoardClientSocket } from '@atelier/sync-transport';
import { atom } from '@tldraw/state';
import { Store } from '@tldraw/store';
import * as syncCore from '@tldraw/sync-core';
import { TLSyncClient, type TLPersistentClientSocket } from '@tldraw/sync-core';
import { createTLSchema, type TLNoteShape, type TLRecord, type TLShapeId } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { io } from 'socket.io-client';
import { installBrowserGlobals } from './browser-globals';
import { authorMeta, noteRecord } from './note-record';

installBrowserGlobals();
const schema = createTLSchema();
const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset']);

export async function createBoard(
  baseUrl: string,
  body: CreateBoardBody = { title: 'Test board' },
  headers: Record<string, string> = {},
): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedBoard;
}

/** `PUT /api/boards/:id/assets/:assetId` as the web app sends it, with its proof when given. */
export function uploadAsset(
  baseUrl: string,
  boardId: string,
  assetId: string,
  options: {
    bytes: Uint8Array<ArrayBuffer>;
    contentType?: string;
    clientKey?: string;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  return fetch(`${baseUrl}/api/boards/${boardId}/assets/${encodeURIComponent(assetId)}`, {
    method: 'PUT',
    headers: {
      'Content-Type': options.contentType ?? 'image/png',
      ...(options.clientKey ? { [assetUploadProofHeader]: options.clientKey } : {}),
      ...options.headers,
    },
    body: options.bytes,
  });
}

let clientCounter = 0;
export function testClientKey(): string {
  clientCounter += 1;
  return `test-client-key-${process.pid}-${clientCounter}`.padEnd(16, 'x');
}

/** The server's derivation of a person's public id from their client key (apps/server/src/secrets.ts). */
export function userIdFromClientKey(clientKey: string): string {
  return createHash('sha256').update(clientKey, 'utf8').digest('base64url').slice(0, 20);
}

/** The user id the server gives a stock client on `/sync`, from the `sessionId` of its address. */
export function nativeUserId(sessionId: string): string {
  return `ws:${sessionId}`;
}

/** The server's answer to one push: taken as sent, dropped entirely, or taken in part / rewritten. */
export type PushOutcome = 'commit' | 'discard' | 'rebase';

interface SyncClientInternals {
  pendingPushRequests: unknown[];
  unsentChanges: { nextDiff?: unknown };
}

/**
 * Resolves once every local change of `store` was pushed by `client` and answered by the server.
 * Reads TLSyncClient's internal queue: no public API tells when pushes are acknowledged.
 */
export async function pushesAnswered(
  client: TLSyncClient<TLRecord, Store<TLRecord>>,
  store: Store<TLRecord>,
  timeoutMs = 10_000,
): Promise<void> {
  const internals = client as unknown as SyncClientInternals;
  // Store listeners run on the next frame; flush them so the client has seen the changes.
  (store as unknown as { _flushHistory(): void })._flushHistory();
  const started = Date.now();
  while (internals.pendingPushRequests.length > 0 || internals.unsentChanges.nextDiff) {
    if (Date.now() - started > timeoutMs) throw new Error('pushes were not answered in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export class TestSyncClient {
  readonly store: Store<TLRecord>;
  private readonly client: TLSyncClient<TLRecord, Store<TLRecord>>;
  private lastIndex: IndexKey = 'a1' as IndexKey;
  readonly loaded: Promise<void>;
  syncError: string | null = null;
  /** The server's answers to this client's pushes, in order. */
  readonly pushOutcomes: PushOutcome[] = [];

  constructor(
    readonly socket: TLPersistentClientSocket<object, object>,
    private readonly onClose: () => void = () => {},
    /** The id the server knows this client by, when the test can tell (notes are stamped with it). */
    readonly userId: string | null = null,
  ) {
    socket.onReceiveMessage((message) => this.recordOutcomes(message));
    this.store = new Store<TLRecord>({ schema, props: {} });
    let resolveLoaded!: () => void;
    let rejectLoaded!: (error: Error) => void;
    this.loaded = new Promise((resolve, reject) => {
      resolveLoaded = resolve;
      rejectLoaded = reject;
    });
    this.client = new TLSyncClient<TLRecord, Store<TLRecord>>({
      store: this.store,
      socket: socket as TLPersistentClientSocket,
      presence: atom('presence', null),
      onLoad: () => resolveLoaded(),
      onSyncError: (reason) => {
        this.syncError = reason;
        rejectLoaded(new Error(`sync error: ${reason}`));
      },
    });
  }

  private recordOutcomes(message: object): void {
    const event = message as { type?: string; data?: unknown[]; action?: unknown };
    const events = event.type === 'data' && Array.isArray(event.data) ? event.data : [event];
    for (const item of events as { type?: string; action?: unknown }[]) {
      if (item.type !== 'push_result') continue;
      this.pushOutcomes.push(
        item.action === 'commit' ? 'commit' : item.action === 'discard' ? 'discard' : 'rebase',
      );
    }
  }

  /** Resolves once every local change was pushed and answered by the server. */
  settled(timeoutMs = 10_000): Promise<void> {
    return pushesAnswered(this.client, this.store, timeoutMs);
  }

  /**
   * Makes a change to the store and resolves with the server's answer to the push it caused: the
   * proof a refusal happened, without waiting for something not to arrive.
   */
  async push(change: () => void): Promise<PushOutcome> {
    await this.settled();
    const before = this.pushOutcomes.length;
    change();
    await this.settled();
    const outcomes = this.pushOutcomes.slice(before);
    if (outcomes.length !== 1)
      throw new Error(`expected one push, got answers ${outcomes.join(', ') || 'none'}`);
    return outcomes[0]!;
  }

  /** What the board holds as this client sees it (document, pages, shapes, bindings, assets), by id. */
  documentRecords(): Record<string, TLRecord> {
    return Object.fromEntries(
      this.store
        .allRecords()
        .filter((record) => DOCUMENT_TYPES.has(record.typeName))
        .map((record) => [record.id, record]),
    );
  }

  notes(): TLNoteShape[] {
    return this.store
      .allRecords()
      .filter((record): record is TLNoteShape => record.typeName === 'shape' && record.type === 'note');
  }

  noteTexts(): string[] {
    return this.notes().map((note) => JSON.stringify(note.props.richText));
  }

  /**
   * Adds a sticky note with `text` on the default page (or in `parentId`); returns its id. Signed with
   * this client's user id when known, as the web app does, so the server takes it as it is.
   */
  addNote(
    text: string,
    position: { x: number; y: number; parentId?: string } = { x: 100, y: 100 },
  ): TLShapeId {
    this.lastIndex = getIndexAbove(this.lastIndex);
    const note = noteRecord({
      id: `shape:${Math.random().toString(36).slice(2, 12)}`,
      text,
      ...position,
      index: this.lastIndex,
      ...(this.userId ? { meta: authorMeta(this.userId) } : {}),
    });
    this.store.put([note]);
    return note.id;
  }

  hasNoteWithText(text: string): boolean {
    return this.noteTexts().some((json) => json.includes(JSON.stringify(text).slice(1, -1)));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.client.close();
    this.onClose();
  }
}

/** A board's id (a participant, or its facilitator with the key), or a read-only link's key. */
export type SocketIoClientOptions = {
  name?: string;
  /** The lab given in the join dialog. */
  lab?: string;
  clientKey?: string;
  /** The client address a local proxy would claim (`X-Forwarded-For`; believed from loopback by default). */
  address?: string;
  /** A `Cookie` header for the handshake (a signed-in facilitator's session). */
  cookie?: string;
} & ({ boardId: string; facilitatorKey?: string } | { viewerKey: string });

export function socketIoAuth(options: SocketIoClientOptions): ConnectAuth {
  const person = { name: options.name ?? 'Test', clientKey: options.clientKey ?? testClientKey() };
  if ('viewerKey' in options) return { ...person, viewerKey: options.viewerKey };
  return {
    ...person,
    boardId: options.boardId,
    ...(options.lab ? { lab: options.lab } : {}),
    ...(options.facilitatorKey ? { facilitatorKey: options.facilitatorKey } : {}),
  };
}

/** The key of a read-only link (`…/v/<key>`). */
export function viewerKeyOf(board: CreatedBoard): string {
  return board.viewerUrl.slice(board.viewerUrl.lastIndexOf('/') + 1);
}

/** A board's Socket.IO connection as the tests open it: WebSocket only, quick reconnections. */
export function connectBoardSocket(baseUrl: string, options: SocketIoClientOptions): BoardClientSocket {
  return io(baseUrl, {
    auth: socketIoAuth(options),
    transports: ['websocket'],
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    extraHeaders: {
      ...(options.address ? { 'X-Forwarded-For': options.address } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
  });
}

/** A TLSyncClient over the project's Socket.IO transport; `io` is its connection (for `atelier:error`). */
export function connectSocketIoClient(
  baseUrl: string,
  options: SocketIoClientOptions,
): TestSyncClient & { io: BoardClientSocket } {
  const clientKey = options.clientKey ?? testClientKey();
  const socket = connectBoardSocket(baseUrl, { ...options, clientKey });
  const transport = new SocketIoSyncSocket(socket);
  const client = new TestSyncClient(transport, () => socket.disconnect(), userIdFromClientKey(clientKey));
  return Object.assign(client, { io: socket });
}

/** tldraw's own WebSocket adapter: exported at run time but not in its public types. */
export const { ClientWebSocketAdapter } = syncCore as unknown as {
  ClientWebSocketAdapter: new (getUri: () => string) => TLPersistentClientSocket<object, object> & {
    _ws: WebSocket | null;
  };
};

/**
 * A TLSyncClient over tldraw's own WebSocket adapter, against `/sync/:boardId`, or, for a read-only
 * link's viewer, `/sync/v/:viewerKey`. Like `useSync({ uri })`, it keeps one session id across
 * reconnections (the server's user id for it derives from it).
 */
export function connectNativeClient(baseUrl: string, target: string | { viewerKey: string }): TestSyncClient {
  const wsUrl = baseUrl.replace(/^http/, 'ws');
  const path = typeof target === 'string' ? target : `v/${target.viewerKey}`;
  const sessionId = Math.random().toString(36).slice(2);
  const adapter = new ClientWebSocketAdapter(() => `${wsUrl}/sync/${path}?sessionId=${sessionId}`);
  return new TestSyncClient(adapter, () => adapter.close(), nativeUserId(sessionId));
}
