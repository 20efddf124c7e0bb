// One simulated participant: tldraw's stock TLSyncClient with a store, over the project's Socket.IO
// transport or over tldraw's own WebSocket adapter (the native baseline).
import { SocketIoSyncSocket } from '@atelier/sync-transport';
import {
  ClientWebSocketAdapter,
  authorMeta,
  installBrowserGlobals,
  nativeUserId,
  noteRecord,
  pushesAnswered,
  userIdFromClientKey,
} from '@atelier/testkit';
import { atom } from '@tldraw/state';
import { Store } from '@tldraw/store';
import { TLSyncClient, type TLPersistentClientSocket } from '@tldraw/sync-core';
import {
  createTLSchema,
  InstancePresenceRecordType,
  toRichText,
  type TLInstancePresence,
  type TLNoteShape,
  type TLRecord,
  type TLShapeId,
} from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { WebSocket as BrowserWebSocketTransport } from 'engine.io-client';
import { io, type Socket } from 'socket.io-client';
import type { Histogram } from './histogram';
import type { ClientSpec } from './protocol';

installBrowserGlobals();
const schema = createTLSchema();

/** One clock for every process on this machine: wall time with sub-millisecond precision. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface ClientMetrics {
  measuring: boolean;
  edit: Histogram;
  cursor: Histogram;
  messages: number;
  reconnects: number;
}

interface SentMeta {
  sentAt?: unknown;
}

export function noteIdFor(index: number): TLShapeId {
  return `shape:bench-note-${index}` as TLShapeId;
}

function noteText(index: number, seq: number): string {
  return `participant ${index} edit #${seq}`;
}

export class BenchClient {
  readonly store = new Store<TLRecord>({ schema, props: {} });
  readonly startedAt = wallNow();
  readonly loaded: Promise<number>;
  loadedAt: number | null = null;
  /** Set when the connection is dropped on purpose; cleared once the room answered the reconnect. */
  droppedAt: number | null = null;
  resyncMs: number | null = null;
  editSeq = 0;
  movesSent = 0;
  private readonly presence = atom<TLInstancePresence | null>('presence', null);
  private readonly socket: TLPersistentClientSocket<object, object>;
  private readonly client: TLSyncClient<TLRecord, Store<TLRecord>>;
  private readonly disconnectTransport: () => void;
  private readonly dropTransport: () => void;
  private lastIndex: IndexKey = 'a1' as IndexKey;
  /** The id the server knows this participant by: its notes are signed with it, as the web app does. */
  private readonly userId: string;

  constructor(
    readonly spec: ClientSpec,
    private readonly metrics: ClientMetrics,
  ) {
    if (spec.transport === 'socketio') {
      const clientKey = `bench-${process.pid}-${spec.index}`.padEnd(16, 'x');
      this.userId = userIdFromClientKey(clientKey);
      const socket: Socket = io(spec.url, {
        auth: { boardId: spec.boardId, name: `Bench ${spec.index}`, clientKey },
        // The web app's own settings (apps/web/src/board/board-connection.ts). In a browser
        // 'websocket' is engine.io's transport over the platform's WebSocket; under Node it would be
        // the `ws` package instead, so name the browser transport: it runs on Node's own WebSocket,
        // the one the native baseline's clients use too.
        transports: [BrowserWebSocketTransport],
        reconnectionDelay: 500,
        reconnectionDelayMax: 5000,
        forceNew: true,
      });
      this.socket = new SocketIoSyncSocket(socket);
      this.disconnectTransport = () => socket.disconnect();
      this.dropTransport = () => socket.io.engine?.close();
    } else {
      const wsUrl = spec.url.replace(/^http/, 'ws');
      const sessionId = `bench-${process.pid}-${spec.index}`;
      this.userId = nativeUserId(sessionId);
      const adapter = new ClientWebSocketAdapter(
        () => `${wsUrl}/sync/${spec.boardId}?sessionId=${sessionId}`,
      );
      this.socket = adapter;
      this.disconnectTransport = () => adapter.close();
      this.dropTransport = () => adapter._ws?.close();
    }

    let resolveLoaded!: (ms: number) => void;
    let rejectLoaded!: (error: Error) => void;
    this.loaded = new Promise((resolve, reject) => {
      resolveLoaded = resolve;
      rejectLoaded = reject;
    });
    if (spec.withPresence) this.presence.set(this.presenceRecord(640, 400));
    this.client = new TLSyncClient<TLRecord, Store<TLRecord>>({
      store: this.store,
      socket: this.socket as TLPersistentClientSocket,
      presence: this.presence,
      // useSync passes 'full' once someone else is on the board; without it presence is never re-pushed.
      presenceMode: atom('presence mode', 'full' as const),
      onLoad: () => {
        this.loadedAt = wallNow();
        resolveLoaded(this.loadedAt - this.startedAt);
      },
      onSyncError: (reason) => rejectLoaded(new Error(`sync error: ${reason}`)),
    });

    // Registered after the client's own listener, so the store already holds what a message carried.
    this.socket.onReceiveMessage((message) => {
      this.metrics.messages += 1;
      if ((message as { type?: string }).type === 'connect' && this.droppedAt !== null) {
        this.resyncMs = wallNow() - this.droppedAt;
        this.droppedAt = null;
      }
    });
    this.socket.onStatusChange((event) => {
      if (event.status !== 'online' && this.metrics.measuring && this.droppedAt === null) {
        this.metrics.reconnects += 1;
      }
    });
    this.store.listen(
      ({ changes }) => {
        if (!this.metrics.measuring) return;
        const now = wallNow();
        const ownNote = noteIdFor(this.spec.index);
        const seen = (record: TLRecord) => {
          // A rebase on the author's side shows its own note as a remote change: not a delivery.
          if (record.id === ownNote) return;
          const sentAt = (record.meta as SentMeta).sentAt;
          if (typeof sentAt !== 'number') return;
          if (record.typeName === 'shape') this.metrics.edit.record(now - sentAt);
          else if (record.typeName === 'instance_presence') this.metrics.cursor.record(now - sentAt);
        };
        for (const record of Object.values(changes.added)) seen(record);
        for (const [, to] of Object.values(changes.updated)) seen(to);
      },
      { source: 'remote', scope: 'all' },
    );
  }

  private presenceRecord(x: number, y: number, sentAt?: number): TLInstancePresence {
    const userId = `user:bench-${this.spec.index}` as TLInstancePresence['userId'];
    return InstancePresenceRecordType.create({
      id: InstancePresenceRecordType.createId(userId),
      userId,
      userName: `Bench ${this.spec.index}`,
      currentPageId: 'page:page' as TLInstancePresence['currentPageId'],
      cursor: { x, y, type: 'default', rotation: 0 },
      lastActivityTimestamp: Math.round(sentAt ?? Date.now()),
      meta: sentAt === undefined ? {} : { sentAt },
    });
  }

  /** A pointer move: the presence record changes, tldraw pushes it at its collaborative rate. */
  moveCursor(): void {
    const angle = (this.movesSent / 30) * Math.PI;
    this.movesSent += 1;
    this.presence.set(
      this.presenceRecord(640 + 200 * Math.cos(angle), 400 + 200 * Math.sin(angle), wallNow()),
    );
  }

  /** Creates this participant's note, then rewrites its text; the send time rides in `meta`. */
  edit(): void {
    const id = noteIdFor(this.spec.index);
    this.editSeq += 1;
    const timing = { sentAt: wallNow(), seq: this.editSeq };
    const existing = this.store.get(id) as TLNoteShape | undefined;
    if (existing) {
      this.store.put([
        {
          ...existing,
          // The rest of the meta (its author) stays, as in the editor.
          meta: { ...existing.meta, ...timing },
          props: { ...existing.props, richText: toRichText(noteText(this.spec.index, this.editSeq)) },
        },
      ]);
      return;
    }
    this.lastIndex = getIndexAbove(this.lastIndex);
    this.store.put([
      benchNote(
        id,
        this.lastIndex,
        noteText(this.spec.index, this.editSeq),
        { ...authorMeta(this.userId), ...timing },
        this.spec.index,
      ),
    ]);
  }

  /** Adds `count` notes in batches (to build a big board); resolves once the server acknowledged them. */
  async seed(count: number): Promise<void> {
    const batch = 250;
    for (let done = 0; done < count; done += batch) {
      const notes: TLNoteShape[] = [];
      for (let i = done; i < Math.min(count, done + batch); i++) {
        this.lastIndex = getIndexAbove(this.lastIndex);
        const id = `shape:seed-${this.spec.index}-${i}` as TLShapeId;
        notes.push(
          benchNote(
            id,
            this.lastIndex,
            `Idée n°${i} : ouvrir les données de la cantine`,
            authorMeta(this.userId),
            i,
          ),
        );
      }
      this.store.put(notes);
      await this.settled();
    }
  }

  /** Waits until every local change was pushed and acknowledged. */
  settled(timeoutMs = 60_000): Promise<void> {
    return pushesAnswered(this.client, this.store, timeoutMs);
  }

  shapeCount(): number {
    let count = 0;
    for (const record of this.store.allRecords()) if (record.typeName === 'shape') count += 1;
    return count;
  }

  /** The edit sequence number of another participant's note as this client sees it. */
  seqOf(noteId: string): number {
    const note = this.store.get(noteId as TLShapeId) as TLNoteShape | undefined;
    const seq = (note?.meta as { seq?: unknown } | undefined)?.seq;
    return typeof seq === 'number' ? seq : 0;
  }

  drop(): void {
    this.droppedAt = wallNow();
    this.resyncMs = null;
    this.dropTransport();
  }

  close(): void {
    this.client.close();
    this.disconnectTransport();
  }
}

/** The `n`th note of a board, on a grid of 100 columns. */
function benchNote(
  id: TLShapeId,
  index: IndexKey,
  text: string,
  meta: TLNoteShape['meta'],
  n: number,
): TLNoteShape {
  return noteRecord({ id, index, text, meta, x: (n % 100) * 220, y: Math.floor(n / 100) * 220 });
}
