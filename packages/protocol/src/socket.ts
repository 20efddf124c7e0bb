import { z } from 'zod';
import { boardIdSchema, viewerKeySchema } from './board';
import { errorCodeSchema } from './errors';

export const displayNameSchema = z.string().trim().min(1).max(60);
export const labNameSchema = z.string().trim().max(80);

const personSchema = z.object({
  name: displayNameSchema,
  lab: labNameSchema.optional(),
  /**
   * A random secret kept by the browser: the server derives the user's public id from it, so a
   * reload keeps your votes and group, and nobody can act as someone else by copying a public id.
   */
  clientKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a client key'),
});

/**
 * Sent in the Socket.IO handshake (`io(url, { auth })`): a board's id (a participant, or its
 * facilitator with the key), or a read-only link's key (a viewer: sees everything live, changes
 * nothing). Being a viewer is the link's power, never a flag a client sets.
 */
export const connectAuthSchema = z.union([
  personSchema.extend({
    boardId: boardIdSchema,
    facilitatorKey: z.string().min(1).max(200).optional(),
  }),
  personSchema.extend({ viewerKey: viewerKeySchema }),
]);
export type ConnectAuth = z.infer<typeof connectAuthSchema>;

/**
 * The id a sync client gives its session (tldraw's `sessionId` query parameter on `/sync`; a
 * Socket.IO connection's id on the tunnel): URL-safe characters only, as tldraw and Socket.IO make
 * them, so it can be neither mistaken for framing nor grown without bound. Anything else is refused
 * before the session reaches a room, here or in another process.
 */
export const syncSessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a session id');

/**
 * One tldraw sync protocol message, serialised as tldraw sends it over a WebSocket. The payload is
 * opaque to Atelier: `TLSocketRoom` parses and validates it.
 */
export const syncMessageSchema = z.string().min(1);
export type SyncMessage = z.infer<typeof syncMessageSchema>;

export const socketErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** The event that was refused, when the error answers one. */
  event: z.string().optional(),
  /** With `protected`: the write rule that refused the change (`W-…`, @atelier/board-schema SPEC). */
  rule: z.string().max(32).optional(),
});
export type SocketError = z.infer<typeof socketErrorSchema>;

/** What a person may do on a board: run it, take part, or only watch. */
export const BoardRole = {
  facilitator: 'facilitator',
  participant: 'participant',
  viewer: 'viewer',
} as const;
export type BoardRole = (typeof BoardRole)[keyof typeof BoardRole];
export const boardRoleSchema = z.enum([BoardRole.facilitator, BoardRole.participant, BoardRole.viewer]);

/** Who the server says you are once connected. */
export const welcomeSchema = z.object({
  /** Absent for a viewer: a read-only link does not lead to the participant link. */
  boardId: boardIdSchema.optional(),
  role: boardRoleSchema,
  userId: z.string(),
  serverTime: z.number(),
});
export type Welcome = z.infer<typeof welcomeSchema>;

/** The client's clock probe: the server answers with its time (for offset estimation). */
export const timeSyncRequestSchema = z.object({ clientSentAt: z.number() });
export const timeSyncResponseSchema = z.object({ clientSentAt: z.number(), serverTime: z.number() });
export type TimeSyncResponse = z.infer<typeof timeSyncResponseSchema>;
