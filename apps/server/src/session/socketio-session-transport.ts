// The session transport over Socket.IO: a board's connections share the room `board:<id>`, a
// person's `person:<boardId>:<userId>`, and every connection is its own room (its id). With the
// Redis adapter, sends to a room and `fetchSockets` reach every process; announcements travel as
// server-side events.
import {
  SocketEvent,
  type ServerToClientEvents,
  type SessionState,
  type SocketError,
} from '@atelier/protocol';
import { emitEncoded } from '../encoded-emit';
import type { BoardServer, BoardSocket } from '../socket-types';
import type { ConnectedPerson, PayloadOf, ServerEvent, SessionTransport } from './session-transport';

const STATE_ANNOUNCED = 'session:changed';

function boardRoom(boardId: string): string {
  return `board:${boardId}`;
}

function personRoom(boardId: string, userId: string): string {
  return `person:${boardId}:${userId}`;
}

export class SocketIoSessionTransport implements SessionTransport {
  constructor(
    private readonly io: BoardServer,
    /** True when a cluster adapter links this process to others serving the same boards. */
    private readonly multiProcess: boolean,
  ) {}

  join(socket: BoardSocket): void {
    const { boardId, userId } = socket.data;
    void socket.join([boardRoom(boardId), personRoom(boardId, userId)]);
  }

  sendToBoardHere(boardId: string, event: ServerEvent, jsonFor: (userId: string) => string): number {
    const namespace = this.io.of('/');
    const socketIds = namespace.adapter.rooms.get(boardRoom(boardId));
    if (!socketIds) return 0;
    for (const socketId of socketIds) {
      const socket = namespace.sockets.get(socketId);
      if (socket) emitEncoded(socket, event, jsonFor(socket.data.userId));
    }
    return socketIds.size;
  }

  sendToBoard<E extends ServerEvent>(boardId: string, event: E, payload: PayloadOf<E>): void {
    this.emitToRoom(boardRoom(boardId), event, payload);
  }

  sendToPerson<E extends ServerEvent>(
    boardId: string,
    userId: string,
    event: E,
    payload: PayloadOf<E>,
  ): void {
    this.emitToRoom(personRoom(boardId, userId), event, payload);
  }

  disconnectPerson(boardId: string, userId: string, notice: SocketError): void {
    const room = personRoom(boardId, userId);
    this.emitToRoom(room, SocketEvent.error, notice);
    this.io.in(room).disconnectSockets(true);
  }

  sendToSession<E extends ServerEvent>(sessionId: string, event: E, payload: PayloadOf<E>): void {
    // Here: at once. Elsewhere: through the adapter, which every process hears.
    const local = this.io.of('/').sockets.get(sessionId);
    if (local) local.emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
    else if (this.multiProcess) this.emitToRoom(sessionId, event, payload);
  }

  async connectedPeople(boardId: string): Promise<ConnectedPerson[]> {
    const sockets = await this.io.in(boardRoom(boardId)).fetchSockets();
    return sockets.map(({ data: { userId, role } }) => ({ userId, role }));
  }

  endBoard<E extends ServerEvent>(boardId: string, event: E, payload: PayloadOf<E>): void {
    this.emitToRoom(boardRoom(boardId), event, payload);
    // Out of the namespace only: the disconnection travels after the notice on the same connection,
    // which closing it at once could drop.
    this.io.in(boardRoom(boardId)).disconnectSockets(false);
  }

  announceState(boardId: string, state: SessionState): void {
    if (this.multiProcess) this.io.serverSideEmit(STATE_ANNOUNCED, boardId, state);
  }

  onAnnouncedState(listener: (boardId: string, state: SessionState) => void): void {
    this.io.on(STATE_ANNOUNCED, listener);
  }

  private emitToRoom<E extends ServerEvent>(room: string, event: E, payload: PayloadOf<E>): void {
    this.io.to(room).emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
  }
}
