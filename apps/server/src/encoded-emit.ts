import type { ServerToClientEvents } from '@atelier/protocol';
import type { BoardSocket } from './socket-types';

/**
 * Sends an event whose payload is already JSON text. `socket.emit` would encode the payload again
 * for every socket (and a string payload would be escaped, so the client parsed it twice); writing
 * Socket.IO's event packet ourselves (protocol 5: "2" is an EVENT on the main namespace) embeds the
 * text as it is, encoded once for any number of sockets, and the client receives it parsed.
 * `json` must be the JSON encoding of the event's payload.
 */
export function emitEncoded(socket: BoardSocket, event: keyof ServerToClientEvents, json: string): void {
  if (socket.connected) socket.conn.write(`2[${JSON.stringify(event)},${json}]`);
}
