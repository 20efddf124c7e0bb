// Real tldraw clients for tests and benchmarks: a stock TLSyncClient over the project's Socket.IO
// transport, or over tldraw's own WebSocket adapter against the native endpoint.
import {
  SocketEvent,
  type CommandAck,
  type ConnectAuth,
  type CreateBoardBody,
  type CreatedBoard,
  type PublicSessionState,
  type SocketError,
} from '@atelier/protocol';
import { SocketIoSyncSocket, type BoardClientSocket } from '@atelier/sync-transport';
import { Store } from '@tldraw/store';
import * as syncCore from '@tldraw/sync-core';
import { TLSyncClient, type TLPersistentClientSocket } from '@tldraw/sync-core';
import {
  createTLSchema,
  toRichText,
  type TLNoteShape,
  type TLRecord,
  type TLShapeId,
} from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { io } from 'socket.io-client';
import { atom } from '@tldraw/state';
import { installBrowserGlobals } from './browser-globals';

installBrowserGlobals();
const schema = createTLSchema();

export async function createBoard(
  baseUrl: string,
  body: CreateBoardBody = { title: 'Test board' },
): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedBoard;
}

let clientCounter = 0;
export function testClientKey(): string {
  clientCounter += 1;
  return `test-client-key-${process.pid}-${clientCounter}`.padEnd(16, 'x');
}

export class TestSyncClient {
  readonly store: Store<TLRecord>;
  private readonly client: TLSyncClient<TLRecord, Store<TLRecord>>;
  private lastIndex: IndexKey = 'a1' as IndexKey;
  readonly loaded: Promise<void>;
  syncError: string | null = null;

  constructor(
    readonly socket: TLPersistentClientSocket<object, object>,
    private readonly onClose: () => void = () => {},
  ) {
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

  notes(): TLNoteShape[] {
    return this.store
      .allRecords()
      .filter((record): record is TLNoteShape => record.typeName === 'shape' && record.type === 'note');
  }

  noteTexts(): string[] {
    return this.notes().map((note) => JSON.stringify(note.props.richText));
  }

  /** Adds a sticky note with `text` on the default page; returns its id. */
  addNote(text: string, position = { x: 100, y: 100 }): TLShapeId {
    this.lastIndex = getIndexAbove(this.lastIndex);
    const id = `shape:${Math.random().toString(36).slice(2, 12)}` as TLShapeId;
    const note: TLNoteShape = {
      id,
      typeName: 'shape',
      type: 'note',
      x: position.x,
      y: position.y,
      rotation: 0,
      index: this.lastIndex,
      parentId: 'page:page' as TLNoteShape['parentId'],
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {
        color: 'yellow',
        labelColor: 'black',
        size: 'm',
        font: 'draw',
        fontSizeAdjustment: null,
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        richText: toRichText(text),
        scale: 1,
        textLastEditedBy: null,
      },
    };
    this.store.put([note]);
    return id;
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

export interface SocketIoClientOptions {
  boardId: string;
  name?: string;
  facilitatorKey?: string;
  clientKey?: string;
  viewer?: boolean;
}

export function socketIoAuth(options: SocketIoClientOptions): ConnectAuth {
  return {
    boardId: options.boardId,
    name: options.name ?? 'Test',
    clientKey: options.clientKey ?? testClientKey(),
    ...(options.facilitatorKey ? { facilitatorKey: options.facilitatorKey } : {}),
    ...(options.viewer ? { viewer: true } : {}),
  };
}

/** A TLSyncClient over the project's Socket.IO transport. */
export function connectSocketIoClient(baseUrl: string, options: SocketIoClientOptions): TestSyncClient {
  const socket = io(baseUrl, {
    auth: socketIoAuth(options),
    transports: ['websocket'],
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  const transport = new SocketIoSyncSocket(socket);
  return new TestSyncClient(transport, () => socket.disconnect());
}

// tldraw's own WebSocket adapter is exported at run time but not in its public types.
const { ClientWebSocketAdapter } = syncCore as unknown as {
  ClientWebSocketAdapter: new (getUri: () => string) => TLPersistentClientSocket<object, object>;
};

/** A TLSyncClient over tldraw's own WebSocket adapter, against `/sync/:boardId`. */
export function connectNativeClient(baseUrl: string, boardId: string): TestSyncClient {
  const wsUrl = baseUrl.replace(/^http/, 'ws');
  const adapter = new ClientWebSocketAdapter(
    () => `${wsUrl}/sync/${boardId}?sessionId=${Math.random().toString(36).slice(2)}`,
  );
  return new TestSyncClient(adapter, () => adapter.close());
}

/** A Socket.IO client that only takes part in facilitation (no canvas): states in, commands out. */
export class TestSessionClient {
  readonly states: PublicSessionState[] = [];
  readonly errors: SocketError[] = [];

  constructor(readonly socket: BoardClientSocket) {
    socket.on(SocketEvent.sessionState, (state) => this.states.push(state));
    socket.on(SocketEvent.error, (error) => this.errors.push(error));
  }

  get latest(): PublicSessionState | undefined {
    return this.states.at(-1);
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  command(command: unknown): Promise<CommandAck> {
    return new Promise((resolve) => this.socket.emit(SocketEvent.sessionCommand, command, resolve));
  }

  async waitForState(
    predicate: (state: PublicSessionState) => boolean,
    what = 'a session state',
    timeoutMs = 10_000,
  ): Promise<PublicSessionState> {
    const started = Date.now();
    for (;;) {
      const found = this.states.findLast(predicate);
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function connectSessionClient(baseUrl: string, options: SocketIoClientOptions): TestSessionClient {
  const socket: BoardClientSocket = io(baseUrl, {
    auth: socketIoAuth(options),
    transports: ['websocket'],
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  return new TestSessionClient(socket);
}
