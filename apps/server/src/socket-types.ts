import type { ClientToServerEvents, ServerToClientEvents, SessionState } from '@atelier/protocol';
import type { Server, Socket } from 'socket.io';

/** What the handshake established about a connection. */
export interface SocketData {
  boardId: string;
  userId: string;
  name: string;
  lab?: string;
  role: 'facilitator' | 'participant' | 'viewer';
  /** A viewer's read-only link key: what it is shown instead of the board's id. */
  viewerKey?: string;
}

/** Between server processes (through the Redis adapter). */
export interface InterServerEvents {
  'session:changed': (boardId: string, state: SessionState) => void;
}

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
