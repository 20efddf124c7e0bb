// Tunnels tldraw's sync protocol over a Socket.IO connection: one `sync` event each way.
import { ErrorCode, SocketEvent, syncSessionIdSchema } from '@atelier/protocol';
import {
  TLSyncErrorCloseEventCode,
  TLSyncErrorCloseEventReason,
  type WebSocketMinimal,
} from '@tldraw/sync-core';
import { emitEncoded } from '../encoded-emit';
import type { Logger } from '../logger';
import type { BoardSocket } from '../socket-types';
import type { BoardRouter } from './board-router';
import { PendingChunks } from './pending-chunks';
import type { SessionLink } from './sync-session';
import { viewerMessageRewriter } from './viewer-view';

export interface SyncSessionOptions {
  maxMessageBytes: number;
  logger: Logger;
  /** Resolves false while the board store cannot take writes (disk full, read-only, Redis down). */
  storeHealthy?: () => Promise<boolean>;
}

function socketAsWebSocket(socket: BoardSocket, options: SyncSessionOptions): WebSocketMinimal {
  const { boardId, viewerKey } = socket.data;
  const forViewer = viewerKey ? viewerMessageRewriter(boardId, viewerKey) : (data: string) => data;
  const closeWith = (code: number | undefined, reason: string | undefined) => {
    if (code === TLSyncErrorCloseEventCode)
      socket.emit(SocketEvent.syncClose, { code, reason: reason ?? '' });
    socket.disconnect(true);
  };
  return {
    // tldraw hands each message over as JSON text.
    send: (data: string) => emitEncoded(socket, SocketEvent.sync, forViewer(data)),
    close: (code?: number, reason?: string) => {
      // A write that failed because the store is down is not the client's fault: tell it why and
      // let it reconnect with its changes still pending, instead of ending its session for good.
      if (
        code === TLSyncErrorCloseEventCode &&
        reason === TLSyncErrorCloseEventReason.UNKNOWN_ERROR &&
        options.storeHealthy
      ) {
        void options.storeHealthy().then((healthy) => {
          if (healthy) return closeWith(code, reason);
          options.logger.error(
            { boardId: socket.data.boardId },
            'a change could not be saved: store unavailable',
          );
          socket.emit(SocketEvent.error, {
            code: ErrorCode.storeUnavailable,
            message:
              'the board cannot be saved right now; your changes stay on your device and are sent again once the server can save them',
            event: SocketEvent.sync,
          });
          socket.disconnect(true);
        });
        return;
      }
      closeWith(code, reason);
    },
    get readyState() {
      return socket.connected ? 1 : 3;
    },
  };
}

const CHUNK_PREFIX = /^\d+_/;

/** Wires a connected, authenticated socket to its board's sync room. */
export function attachSyncSession(
  socket: BoardSocket,
  router: BoardRouter,
  options: SyncSessionOptions,
): void {
  const { boardId, userId, name, role } = socket.data;
  const sessionId = socket.id;
  // Socket.IO makes these ids itself; checked all the same, as on /sync, before anything is relayed.
  if (!syncSessionIdSchema.safeParse(sessionId).success) {
    socket.emit(SocketEvent.error, {
      code: ErrorCode.invalidPayload,
      message: 'this connection has no usable session id',
      event: SocketEvent.sync,
    });
    socket.disconnect(true);
    return;
  }
  let open: SessionLink | null = null;
  let closed = false;
  // What arrives before the room is open, bounded like one message.
  const pending: string[] = [];
  let pendingBytes = 0;
  const chunks = new PendingChunks(options.maxMessageBytes);
  const refuseTooLarge = (what: string) => {
    socket.emit(SocketEvent.error, {
      code: ErrorCode.messageTooLarge,
      message: `${what} may not exceed ${options.maxMessageBytes} bytes`,
      event: SocketEvent.sync,
    });
    // The sync stream is now missing a piece: reset it; the client resyncs on reconnect.
    socket.disconnect(true);
  };

  socket.on(SocketEvent.sync, (message: unknown) => {
    if (typeof message !== 'string' || message.length === 0) {
      socket.emit(SocketEvent.error, {
        code: ErrorCode.invalidPayload,
        message: 'a sync message must be a non-empty string',
        event: SocketEvent.sync,
      });
      return;
    }
    const bytes = Buffer.byteLength(message, 'utf8');
    if (bytes > options.maxMessageBytes) return refuseTooLarge('a sync message');
    // tldraw's room reads whole JSON messages (`{…`) or chunks of one (`3_…`); anything else would
    // only reset the session without saying why.
    if (!message.startsWith('{') && !CHUNK_PREFIX.test(message)) {
      socket.emit(SocketEvent.error, {
        code: ErrorCode.invalidPayload,
        message: 'a sync message must be a JSON object or a chunk of one',
        event: SocketEvent.sync,
      });
      return;
    }
    if (!chunks.admit(message, bytes)) return refuseTooLarge('a sync message sent in chunks');
    if (open) return open.handleSocketMessage(sessionId, message);
    pendingBytes += bytes;
    if (pendingBytes > options.maxMessageBytes) return refuseTooLarge('what is sent before the board opens');
    pending.push(message);
  });

  socket.on('disconnect', () => {
    closed = true;
    open?.handleSocketClose(sessionId);
  });

  router
    .connect(boardId, {
      sessionId,
      socket: socketAsWebSocket(socket, options),
      isReadonly: role === 'viewer',
      meta: { userId, name, role },
    })
    .then((link) => {
      open = link;
      if (closed) {
        link.handleSocketClose(sessionId);
        return;
      }
      for (const message of pending.splice(0)) link.handleSocketMessage(sessionId, message);
    })
    .catch((error: Error) => {
      options.logger.error({ boardId, err: error.message }, 'could not open the board room');
      socket.emit(SocketEvent.error, {
        code: ErrorCode.storeUnavailable,
        message: 'the board could not be opened',
      });
      socket.disconnect(true);
    });
}
