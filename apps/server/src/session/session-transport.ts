// What the facilitation service needs from the connections, whatever carries them: reach a board's
// people, one person or one connection, on this process or any other, and know who is connected.
// The Socket.IO adapter is socketio-session-transport.ts.
import type { ServerToClientEvents, SessionState, SocketError } from '@atelier/protocol';
import type { BoardSocket, SocketData } from '../socket-types';

export type ServerEvent = keyof ServerToClientEvents;
export type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** One connection to a board: whose, with which role. */
export type ConnectedPerson = Pick<SocketData, 'userId' | 'role'>;

export interface SessionTransport {
  /** Puts a new connection in its board's and its person's audiences. */
  join(socket: BoardSocket): void;
  /**
   * Sends each connection to a board on this process its own payload (JSON text, see
   * `emitEncoded`) for one event; returns how many connections there were. Other processes do the
   * same for theirs when told of the change (`announceState`).
   */
  sendToBoardHere(boardId: string, event: ServerEvent, jsonFor: (userId: string) => string): number;
  /** Sends an event to every connection to a board, on any process (the same payload for all). */
  sendToBoard<E extends ServerEvent>(boardId: string, event: E, payload: PayloadOf<E>): void;
  /** Sends an event to every connection of one person to a board, on any process. */
  sendToPerson<E extends ServerEvent>(boardId: string, userId: string, event: E, payload: PayloadOf<E>): void;
  /** Tells every connection of one person to a board why (an error event), then closes them, on any process. */
  disconnectPerson(boardId: string, userId: string, notice: SocketError): void;
  /** Sends an event to one connection (a sync session's id), on whichever process it is connected to. */
  sendToSession<E extends ServerEvent>(sessionId: string, event: E, payload: PayloadOf<E>): void;
  /** Every connection to a board, on any process (a person with two tabs is there twice). */
  connectedPeople(boardId: string): Promise<ConnectedPerson[]>;
  /** Tells every connection to a board, on any process, why it is ended, then disconnects it. */
  endBoard<E extends ServerEvent>(boardId: string, event: E, payload: PayloadOf<E>): void;
  /** Tells the other processes that a board's facilitation state changed (nothing with one process). */
  announceState(boardId: string, state: SessionState): void;
  /** Listens to what the other processes announce. */
  onAnnouncedState(listener: (boardId: string, state: SessionState) => void): void;
}
