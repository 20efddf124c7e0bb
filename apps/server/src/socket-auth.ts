// Socket.IO handshake: who is connecting, to which board, with which powers.
import { connectAuthSchema, describeZodError, ErrorCode } from '@atelier/protocol';
import type { BoardService } from './boards/board-service';
import { userIdFromClientKey } from './secrets';
import type { BoardSocket } from './socket-types';

/** A refused handshake: the client's `connect_error` carries `data.code`. */
function refusal(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}

export function authenticateSocket(boards: BoardService) {
  return (socket: BoardSocket, next: (error?: Error) => void) => {
    const parsed = connectAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(refusal(ErrorCode.invalidPayload, `handshake: ${describeZodError(parsed.error)}`));
      return;
    }
    const auth = parsed.data;
    boards
      .find(auth.boardId)
      .then((board) => {
        if (!board) return next(refusal(ErrorCode.boardNotFound, 'no board with this id'));
        if (auth.facilitatorKey !== undefined && !boards.isFacilitatorKey(board, auth.facilitatorKey)) {
          return next(refusal(ErrorCode.unauthorized, 'this facilitator key is not valid for this board'));
        }
        socket.data = {
          boardId: auth.boardId,
          userId: userIdFromClientKey(auth.clientKey),
          name: auth.name,
          ...(auth.lab ? { lab: auth.lab } : {}),
          role: boards.roleFor(board, auth.facilitatorKey, auth.viewer),
        };
        next();
      })
      .catch(() => next(refusal(ErrorCode.storeUnavailable, 'the board store is unavailable')));
  };
}
