// REST routes that need facilitator powers check the board's key here, one way for all of them,
// sharing the failed-attempt counter with the socket handshake.
import { ErrorCode } from '@atelier/protocol';
import type { Request } from 'express';
import type { BoardService } from '../boards/board-service';
import { keyMatchesHash } from '../secrets';
import type { StoredBoard } from '../store/board-store';
import { requestAddress } from './client-address';
import { HttpError } from './http-error';
import type { RateLimiter } from './rate-limiter';

export function bearer(request: Request): string | undefined {
  const header = request.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export class FacilitatorGate {
  constructor(
    private readonly boards: BoardService,
    private readonly failedKeys: RateLimiter,
  ) {}

  /** Throws 401 without a key, 429 after too many wrong keys from this address, 403 for a wrong key. */
  require(request: Request, board: StoredBoard): void {
    this.requireKeyOf(request, board.facilitatorKeyHash);
  }

  /** The same, for what a facilitator key owns beyond its board (a saved template). */
  requireKeyOf(request: Request, keyHash: string): void {
    const ip = requestAddress(request);
    const key = bearer(request);
    if (!key) {
      throw new HttpError(
        401,
        ErrorCode.unauthorized,
        'send the facilitator key as "Authorization: Bearer <key>"',
      );
    }
    if (this.failedKeys.exceeded(ip)) {
      throw new HttpError(429, ErrorCode.rateLimited, 'too many failed attempts; try again later');
    }
    if (!keyMatchesHash(key, keyHash)) {
      this.failedKeys.take(ip);
      throw new HttpError(
        403,
        ErrorCode.forbidden,
        'this key does not give facilitator rights on this board',
      );
    }
  }
}
