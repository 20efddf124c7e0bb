// REST routes that need facilitator powers check the board's key here, one way for all of them,
// sharing the failed-attempt budget with the socket handshake. The right key always works: keys are
// 192-bit secrets, so wrong ones are counted to slow a flood down, never to lock the owner out.
import { ErrorCode } from '@atelier/protocol';
import type { Request } from 'express';
import type { BoardService } from '../boards/board-service';
import { keyMatchesHash } from '../secrets';
import type { StoredBoard } from '../store/board-store';
import { requestAddress } from './client-address';
import { HttpError, rateLimitedError } from './http-error';
import type { AddressRate } from '../limits/shared-limits';

export function bearer(request: Request): string | undefined {
  const header = request.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Facilitators who signed in instead of holding the key (sign-in on). */
export interface SignedInFacilitators {
  /** True when the request's login session names one of the board's facilitators. */
  isFacilitator(request: Request, boardId: string): Promise<boolean>;
}

export class FacilitatorGate {
  constructor(
    private readonly boards: BoardService,
    private readonly failedKeys: AddressRate,
    private readonly signedIn?: SignedInFacilitators,
  ) {}

  /**
   * The board's key as Bearer, or (without a key) a login session of one of its facilitators.
   * Throws 401 with neither, 403 for a wrong key, 429 for a wrong key past this address's budget.
   */
  async require(request: Request, board: StoredBoard): Promise<void> {
    if (!bearer(request) && this.signedIn && (await this.signedIn.isFacilitator(request, board.meta.id)))
      return;
    await this.requireKeyOf(request, board.facilitatorKeyHash);
  }

  /** The same, for what a facilitator key owns beyond its board (a saved template). */
  async requireKeyOf(request: Request, keyHash: string): Promise<void> {
    const ip = requestAddress(request);
    const key = bearer(request);
    if (!key) {
      throw new HttpError(
        401,
        ErrorCode.unauthorized,
        'send the facilitator key as "Authorization: Bearer <key>"',
      );
    }
    if (!keyMatchesHash(key, keyHash)) {
      const decision = await this.failedKeys.take(ip);
      if (!decision.ok) {
        throw rateLimitedError(decision.retryAfterSeconds, 'too many wrong keys; try again later');
      }
      throw new HttpError(
        403,
        ErrorCode.forbidden,
        'this key does not give facilitator rights on this board',
      );
    }
  }
}
