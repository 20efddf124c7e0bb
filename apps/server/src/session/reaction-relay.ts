// Ephemeral reactions (SPEC S-ROOM-5): a drawn icon sent from a person's cursor goes to everyone on the
// board, on every process, and nowhere else: never in the session state, the document or an export.
import {
  describeZodError,
  ErrorCode,
  reactionRequestSchema,
  RoomLimits,
  SocketEvent,
  type CommandAck,
} from '@atelier/protocol';
import { RateLimiter } from '../http/rate-limiter';
import type { BoardSocket } from '../socket-types';
import type { SessionTransport } from './session-transport';

export class ReactionRelay {
  private readonly rate = new RateLimiter(RoomLimits.reactionsPerWindow, RoomLimits.reactionWindowMs);

  constructor(private readonly transport: SessionTransport) {}

  attach(socket: BoardSocket): void {
    const { boardId, userId, role } = socket.data;
    socket.on(SocketEvent.reaction, (raw, ack) => {
      const reply = (result: CommandAck) => {
        if (typeof ack === 'function') ack(result);
        else if (!result.ok) socket.emit(SocketEvent.error, result.error);
      };
      const refuse = (code: ErrorCode, message: string) =>
        reply({ ok: false, error: { code, message, event: SocketEvent.reaction } });
      if (role === 'viewer') return refuse(ErrorCode.forbidden, 'a read-only link cannot react');
      if (!this.rate.take(socket.id)) return refuse(ErrorCode.rateLimited, 'too many reactions; slow down');
      const parsed = reactionRequestSchema.safeParse(raw);
      if (!parsed.success) return refuse(ErrorCode.invalidPayload, describeZodError(parsed.error));
      this.transport.sendToBoard(boardId, SocketEvent.reaction, { ...parsed.data, userId });
      reply({ ok: true });
    });
  }
}
