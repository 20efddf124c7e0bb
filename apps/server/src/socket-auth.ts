// Socket.IO handshake: who is connecting, to which board, with which powers; and the guards that
// keep one connection or one address from taking the server for itself.
import { connectAuthSchema, describeZodError, ErrorCode, SocketEvent } from '@atelier/protocol';
import type { BoardService } from './boards/board-service';
import { clientAddress, type TrustProxy } from './http/client-address';
import type { ConnectionCounter } from './http/connection-counter';
import type { RateLimiter } from './http/rate-limiter';
import type { Logger } from './logger';
import { userIdFromClientKey } from './secrets';
import type { BoardSocket } from './socket-types';

/** A refused handshake: the client's `connect_error` carries `data.code`. */
function refusal(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}

export interface SocketGuards {
  /** Wrong facilitator keys per address, shared with the REST routes. */
  failedKeys: RateLimiter;
  /** Open sockets per address, shared with the native `/sync` endpoint. */
  connections: ConnectionCounter;
  /** Whose `X-Forwarded-For` names the client (`TRUST_PROXY`). */
  trustProxy: TrustProxy;
  logger: Logger;
}

export function authenticateSocket(boards: BoardService, guards: SocketGuards) {
  return (socket: BoardSocket, next: (error?: Error) => void) => {
    const parsed = connectAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(refusal(ErrorCode.invalidPayload, `handshake: ${describeZodError(parsed.error)}`));
      return;
    }
    const auth = parsed.data;
    // A read-only link's key makes a viewer; a board id, a participant or (with the key) its facilitator.
    const viewerKey = 'viewerKey' in auth ? auth.viewerKey : undefined;
    const facilitatorKey = 'facilitatorKey' in auth ? auth.facilitatorKey : undefined;
    const ip = clientAddress(
      socket.handshake.address,
      socket.handshake.headers['x-forwarded-for'],
      guards.trustProxy,
    );
    if (facilitatorKey !== undefined && guards.failedKeys.exceeded(ip)) {
      const seconds = guards.failedKeys.retryAfterSeconds(ip);
      next(
        refusal(
          ErrorCode.rateLimited,
          `too many wrong facilitator keys from this address; try again in ${seconds} s`,
        ),
      );
      return;
    }
    ('viewerKey' in auth ? boards.findByViewerKey(auth.viewerKey) : boards.find(auth.boardId))
      .then((board) => {
        if (!board) return next(refusal(ErrorCode.boardNotFound, 'no board with this id'));
        if (facilitatorKey !== undefined && !boards.isFacilitatorKey(board, facilitatorKey)) {
          guards.failedKeys.take(ip);
          return next(refusal(ErrorCode.unauthorized, 'this facilitator key is not valid for this board'));
        }
        const release = guards.connections.acquire(ip);
        if (!release) {
          return next(refusal(ErrorCode.rateLimited, 'too many open connections from this address'));
        }
        // Whichever comes first; release is idempotent.
        socket.once('disconnect', release);
        socket.conn.once('close', release);
        socket.data = {
          boardId: board.meta.id,
          userId: userIdFromClientKey(auth.clientKey),
          name: auth.name,
          ...(auth.lab ? { lab: auth.lab } : {}),
          ...(viewerKey !== undefined
            ? { role: 'viewer', viewerKey }
            : { role: boards.roleFor(board, facilitatorKey) }),
        };
        next();
      })
      .catch((error: Error) => {
        guards.logger.error({ err: error.message }, 'handshake refused: board store unavailable');
        next(refusal(ErrorCode.storeUnavailable, 'the board store is unavailable'));
      });
  };
}

/**
 * Past `perSecond` incoming events (of any kind) in one second, the connection is told
 * `rate_limited` and cut; a well-behaved client (tldraw pushes at most 30 times a second)
 * never gets near it, and one that does reconnects and resyncs.
 */
export function limitMessageRate(socket: BoardSocket, perSecond: number, now: () => number = Date.now): void {
  let windowStartedAt = 0;
  let count = 0;
  socket.use((_packet, next) => {
    const time = now();
    if (time - windowStartedAt >= 1000) {
      windowStartedAt = time;
      count = 0;
    }
    count += 1;
    if (count <= perSecond) return next();
    if (count === perSecond + 1) {
      socket.emit(SocketEvent.error, {
        code: ErrorCode.rateLimited,
        message: `more than ${perSecond} messages in one second; reconnect and slow down`,
      });
      socket.disconnect(true);
    }
  });
}
