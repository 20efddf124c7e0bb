// Socket.IO handshake: who is connecting, to which board, with which powers; and the guards that
// keep one connection or one address from taking the server for itself.
import { connectAuthSchema, describeZodError, ErrorCode, SocketEvent } from '@atelier/protocol';
import type { BoardService } from './boards/board-service';
import { clientAddress, type TrustProxy } from './http/client-address';
import type { EngineAdmission } from './limits/engine-admission';
import type { AddressRate } from './limits/shared-limits';
import type { Logger } from './logger';
import { userIdFromClientKey } from './secrets';
import type { BoardSocket, SocketData } from './socket-types';

/** A refused handshake: the client's `connect_error` carries `data.code`. */
function refusal(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}

/** Whether a person may join a board's session (its cap, removed people, new identities per address). */
export type PersonAdmission = (person: {
  boardId: string;
  userId: string;
  address: string;
  role: SocketData['role'];
}) => Promise<{ code: ErrorCode; message: string } | null>;

export interface SocketGuards {
  /** Wrong facilitator keys per address, shared with the REST routes. */
  failedKeys: AddressRate;
  /** Places under the per-address connection cap, taken by the engine.io handshake. */
  admission: EngineAdmission;
  admitPerson?: PersonAdmission;
  /** Whose `X-Forwarded-For` names the client (`TRUST_PROXY`). */
  trustProxy: TrustProxy;
  logger: Logger;
  /** Sign-in on: true when the handshake's login cookie names one of the board's facilitators. */
  signedInFacilitator?: (boardId: string, cookieHeader: string | undefined) => Promise<boolean>;
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
    // Counted from the engine.io handshake; let in past the cap only to hear why.
    if (guards.admission.isOver(socket.conn.request)) {
      next(refusal(ErrorCode.rateLimited, 'too many open connections from this address'));
      return;
    }
    // The client spoke Socket.IO: however long the checks below take, its place is no longer timed.
    guards.admission.connected(socket.conn.request);
    ('viewerKey' in auth ? boards.findByViewerKey(auth.viewerKey) : boards.find(auth.boardId))
      .then(async (board) => {
        if (!board) return next(refusal(ErrorCode.boardNotFound, 'no board with this id'));
        // The right key always gets in; wrong ones are counted, and past the budget told to wait.
        if (facilitatorKey !== undefined && !boards.isFacilitatorKey(board, facilitatorKey)) {
          const decision = await guards.failedKeys.take(ip);
          if (!decision.ok) {
            return next(
              refusal(
                ErrorCode.rateLimited,
                `too many wrong facilitator keys from this address; try again in ${decision.retryAfterSeconds} s`,
              ),
            );
          }
          return next(refusal(ErrorCode.unauthorized, 'this facilitator key is not valid for this board'));
        }
        // Without the key, a signed-in facilitator of the board is its facilitator all the same.
        const signedIn =
          facilitatorKey === undefined &&
          viewerKey === undefined &&
          guards.signedInFacilitator !== undefined &&
          (await guards.signedInFacilitator(board.meta.id, socket.handshake.headers.cookie));
        const role =
          viewerKey !== undefined
            ? 'viewer'
            : signedIn
              ? 'facilitator'
              : boards.roleFor(board, facilitatorKey);
        const userId = userIdFromClientKey(auth.clientKey);
        const refused = await guards.admitPerson?.({ boardId: board.meta.id, userId, address: ip, role });
        if (refused) return next(refusal(refused.code, refused.message));
        socket.data = {
          boardId: board.meta.id,
          userId,
          name: auth.name,
          ...(auth.lab ? { lab: auth.lab } : {}),
          ...(viewerKey !== undefined ? { role: 'viewer', viewerKey } : { role }),
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
export function limitMessageRate(
  socket: BoardSocket,
  perSecond: number,
  now: () => number = Date.now,
  onLimited?: () => void,
): void {
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
      onLimited?.();
      socket.emit(SocketEvent.error, {
        code: ErrorCode.rateLimited,
        message: `more than ${perSecond} messages in one second; reconnect and slow down`,
      });
      socket.disconnect(true);
    }
  });
}
