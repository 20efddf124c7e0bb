import { z } from 'zod';

/** Every refusal the server can send, over REST or Socket.IO. */
export const ErrorCode = {
  badRequest: 'bad_request',
  invalidPayload: 'invalid_payload',
  messageTooLarge: 'message_too_large',
  rateLimited: 'rate_limited',
  notFound: 'not_found',
  boardNotFound: 'board_not_found',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  invalidRecord: 'invalid_record',
  /** A file Atelier cannot read at all (a tldraw 1.x file, not JSON…), as opposed to one with a bad record. */
  unsupportedFile: 'unsupported_file',
  limitExceeded: 'limit_exceeded',
  /** A change to the board only the facilitator may make (the template's scaffolding, pages, another's note). */
  protected: 'protected',
  conflict: 'conflict',
  /** An undo sent after its window closed. */
  undoExpired: 'undo_expired',
  storeUnavailable: 'store_unavailable',
  /** The board's live participant list is full of connected people (`MAX_PARTICIPANTS_PER_BOARD`). */
  sessionFull: 'session_full',
  /** The facilitator removed this person from the board; their client key may not join it again. */
  removed: 'removed',
  /** The server is busy (its export queue is full); try again after `Retry-After`. */
  busy: 'busy',
  /** The server is stopping: reconnect (a balancer sends you to another process). */
  serverDraining: 'server_draining',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export const errorCodeSchema = z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]);

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Formats a zod error as one readable line for the sender. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
