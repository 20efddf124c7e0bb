// Which boards are in a private step now (session S-PRIV-7), from every state this process hears (made
// here or announced by another process): the write guard decides on each record of a push at once, so
// it reads this, never the store. A board whose state this process has not heard yet (just restarted)
// counts as shared until its next state, which the first person to reconnect brings.
import type { BoardMoment } from '@atelier/board-schema';
import type { SessionState } from '@atelier/protocol';
import { isPrivateStepNow } from '@atelier/session';

const PRIVATE: BoardMoment = { privateStep: true };
const SHARED: BoardMoment = {};

export class PrivateStepBoards {
  private readonly boards = new Set<string>();

  /** A new state of a board. */
  offer(boardId: string, state: SessionState): void {
    if (isPrivateStepNow(state)) this.boards.add(boardId);
    else this.boards.delete(boardId);
  }

  readonly momentOf = (boardId: string): BoardMoment => (this.boards.has(boardId) ? PRIVATE : SHARED);
}
