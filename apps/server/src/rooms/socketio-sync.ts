// Tunnels tldraw's sync protocol over a Socket.IO connection: one `sync` event each way.
import { ErrorCode, SocketEvent } from '@atelier/protocol';
import { TLSyncErrorCloseEventCode, type WebSocketMinimal } from '@tldraw/sync-core';
import type { Logger } from '../logger';
import type { BoardSocket } from '../socket-types';
import type { OpenRoom, RoomRegistry } from './room-registry';

function socketAsWebSocket(socket: BoardSocket): WebSocketMinimal {
  return {
    send: (data: string) => {
      socket.emit(SocketEvent.sync, data);
    },
    close: (code?: number, reason?: string) => {
      if (code === TLSyncErrorCloseEventCode)
        socket.emit(SocketEvent.syncClose, { code, reason: reason ?? '' });
      socket.disconnect(true);
    },
    get readyState() {
      return socket.connected ? 1 : 3;
    },
  };
}

/** Wires a connected, authenticated socket to its board's sync room. */
export function attachSyncSession(
  socket: BoardSocket,
  rooms: RoomRegistry,
  options: { maxMessageBytes: number; logger: Logger },
): void {
  const { boardId, userId, name, role } = socket.data;
  const sessionId = socket.id;
  let open: OpenRoom | null = null;
  let closed = false;
  const pending: string[] = [];

  socket.on(SocketEvent.sync, (message: unknown) => {
    if (typeof message !== 'string' || message.length === 0) {
      socket.emit(SocketEvent.error, {
        code: ErrorCode.invalidPayload,
        message: 'a sync message must be a non-empty string',
        event: SocketEvent.sync,
      });
      return;
    }
    if (Buffer.byteLength(message, 'utf8') > options.maxMessageBytes) {
      socket.emit(SocketEvent.error, {
        code: ErrorCode.messageTooLarge,
        message: `a sync message may not exceed ${options.maxMessageBytes} bytes`,
        event: SocketEvent.sync,
      });
      // The sync stream is now missing a piece: reset it; the client resyncs on reconnect.
      socket.disconnect(true);
      return;
    }
    if (open) open.room.handleSocketMessage(sessionId, message);
    else pending.push(message);
  });

  socket.on('disconnect', () => {
    closed = true;
    open?.room.handleSocketClose(sessionId);
  });

  rooms
    .connect(boardId, {
      sessionId,
      socket: socketAsWebSocket(socket),
      isReadonly: role === 'viewer',
      meta: { userId, name, role },
    })
    .then((room) => {
      open = room;
      if (closed) {
        room.room.handleSocketClose(sessionId);
        return;
      }
      for (const message of pending.splice(0)) room.room.handleSocketMessage(sessionId, message);
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
