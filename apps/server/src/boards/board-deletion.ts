// Deleting a board and everything of it: its room closed here without saving, the store emptied
// (document, metadata, session and log, assets, read-only link, facilitators, activity), and every
// connection to it, on any process, told and ended. Asked by its facilitator or by the retention sweep.
import { ErrorCode } from '@atelier/protocol';
import type { SocketError } from '@atelier/protocol';
import type { Logger } from '../logger';
import type { BoardStore } from '../store/board-store';

export interface BoardDeletionDeps {
  store: Pick<BoardStore, 'deleteBoard'>;
  rooms: { discardRoom(boardId: string): Promise<void> };
  /** Ends the board's connections everywhere (the session service). */
  people: { endBoard(boardId: string, error: SocketError): void };
  /** Counters kept per board (newcomers per address): dropped with it. */
  counters?: { forgetBoard(boardId: string): Promise<void> };
  logger: Logger;
}

export type DeletionReason = 'facilitator' | 'retention';

export class BoardDeletion {
  /** Boards being deleted by this process: found by nobody meanwhile. */
  private readonly deleting = new Set<string>();

  constructor(private readonly deps: BoardDeletionDeps) {}

  isBeingDeleted(boardId: string): boolean {
    return this.deleting.has(boardId);
  }

  /** False when there was no such board. */
  async delete(boardId: string, reason: DeletionReason): Promise<boolean> {
    this.deleting.add(boardId);
    try {
      // Told first: closing the room would cut their connections without a word.
      this.deps.people.endBoard(boardId, {
        code: ErrorCode.boardNotFound,
        message:
          reason === 'retention'
            ? 'this board was deleted after a long time without activity'
            : 'this board was deleted by its facilitator',
      });
      await this.deps.rooms.discardRoom(boardId);
      const existed = await this.deps.store.deleteBoard(boardId);
      await this.deps.counters?.forgetBoard(boardId);
      if (existed) this.deps.logger.info({ reason }, 'board deleted');
      return existed;
    } finally {
      this.deleting.delete(boardId);
    }
  }
}
