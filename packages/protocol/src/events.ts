import { z } from 'zod';
import type { SocketError, SyncMessage, TimeSyncResponse, Welcome } from './socket';
import { socketErrorSchema } from './socket';
import type { PublicSessionState } from './session';
import type { Reaction } from './room';

/** Socket.IO event names, in one place so client and server cannot drift. */
export const SocketEvent = {
  /** One tldraw sync protocol message, both ways. */
  sync: 'sync',
  /** The server ended the sync session; tldraw's close code 4099 carries a reason (NOT_FOUND, INVALID_RECORD…). */
  syncClose: 'sync:close',
  welcome: 'welcome',
  error: 'atelier:error',
  timeSync: 'time:sync',
  sessionCommand: 'session:command',
  sessionState: 'session:state',
  /** An ephemeral reaction (never stored): `reactionRequestSchema` in, `Reaction` out to the whole board. */
  reaction: 'room:reaction',
} as const;

export const commandAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: socketErrorSchema }),
]);
export type CommandAck = z.infer<typeof commandAckSchema>;

export interface ClientToServerEvents {
  [SocketEvent.sync]: (message: SyncMessage) => void;
  [SocketEvent.timeSync]: (
    request: { clientSentAt: number },
    ack: (response: TimeSyncResponse) => void,
  ) => void;
  /** The payload is validated on the server with `sessionCommandSchema`; it is `unknown` until then. */
  [SocketEvent.sessionCommand]: (command: unknown, ack: (result: CommandAck) => void) => void;
  /** Validated with `reactionRequestSchema`; the ack is optional (refusals come as `atelier:error` without it). */
  [SocketEvent.reaction]: (reaction: unknown, ack?: (result: CommandAck) => void) => void;
}

export interface ServerToClientEvents {
  /** A tldraw sync message, embedded as a JSON value (the server writes it pre-serialised). */
  [SocketEvent.sync]: (message: SyncMessage | object) => void;
  [SocketEvent.syncClose]: (close: { code: number; reason: string }) => void;
  [SocketEvent.welcome]: (welcome: Welcome) => void;
  [SocketEvent.error]: (error: SocketError) => void;
  [SocketEvent.sessionState]: (state: PublicSessionState) => void;
  [SocketEvent.reaction]: (reaction: Reaction) => void;
}
