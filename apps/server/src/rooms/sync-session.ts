// What a sync transport hands to a board's room, and what it gets back, wherever that room runs.
import { welcomeSchema } from '@atelier/protocol';
import type { WebSocketMinimal } from '@tldraw/sync-core';
import { z } from 'zod';

/** Who a session is, as the room (and its record authorisers) sees it; crosses the relay as JSON. */
export const syncSessionMetaSchema = z.object({
  userId: z.string().max(200),
  name: z.string().max(200),
  role: welcomeSchema.shape.role,
});
export type SyncSessionMeta = z.infer<typeof syncSessionMetaSchema>;

/** A transport's session, as handed to a room. */
export interface SyncSession {
  sessionId: string;
  socket: WebSocketMinimal;
  isReadonly: boolean;
  meta: SyncSessionMeta;
}

/** What a transport needs from the room its session joined, wherever that room runs. */
export interface SessionLink {
  handleSocketMessage(sessionId: string, message: string): void;
  handleSocketClose(sessionId: string): void;
}

// A transport's own id (`syncSessionIdSchema`: a Socket.IO connection id) or one composed from it
// by the server (`ws:<id>:<uuid>` on /sync).
const ROOM_SESSION_ID = /^[A-Za-z0-9_:-]{1,128}$/;

/** True for the id of a session in a room; the relay refuses any other. */
export function isRoomSessionId(id: string): boolean {
  return ROOM_SESSION_ID.test(id);
}
