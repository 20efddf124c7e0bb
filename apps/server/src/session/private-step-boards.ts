// Which boards open in this process are in a private step now (session S-PRIV-7), for the write guard
// (board-schema W-PRIVATE), which decides on each record of a push at once and so reads this, never
// the store. Fed with the stored state when a room opens, then with every state this process hears
// (made here or announced by another process); the newest revision wins.
import type { BoardMoment } from '@atelier/board-schema';
import type { SessionState } from '@atelier/protocol';
import { isPrivateStepNow } from '@atelier/session';

const PRIVATE: BoardMoment = { privateStep: true };
const SHARED: BoardMoment = {};

export class PrivateStepBoards {
  private readonly boards = new Map<string, { revision: number; moment: BoardMoment }>();

  /** A state of a board whose room is open (or opening) here. */
  offer(boardId: string, state: Pick<SessionState, 'revision' | 'steps' | 'currentStepId'>): void {
    const known = this.boards.get(boardId);
    if (known && known.revision > state.revision) return;
    this.boards.set(boardId, {
      revision: state.revision,
      moment: isPrivateStepNow(state) ? PRIVATE : SHARED,
    });
  }

  /** The board's room closed here. */
  forget(boardId: string): void {
    this.boards.delete(boardId);
  }

  readonly momentOf = (boardId: string): BoardMoment => this.boards.get(boardId)?.moment ?? SHARED;
}
