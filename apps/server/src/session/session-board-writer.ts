// The board follows the session: once a vote decides, or the recap step is entered, what the session
// asks the board to show (templates' T-WRITES) is written through the board's room, by the process that
// runs it. Every process hears every state; only the room's owner writes, and the document's mark
// makes each write happen once.
import { randomBytes } from 'node:crypto';
import type { SessionState } from '@atelier/protocol';
import { sessionBoardChanges, wantedWrites } from '@atelier/templates';
import type { Logger } from '../logger';
import type { BoardWritePlan } from '../rooms/room-registry';

/** Where the writes go: the room of the board in this process (false when it is not open here). */
export interface BoardWriteTarget {
  writeHere(boardId: string, plan: BoardWritePlan): Promise<boolean>;
}

const newId = () => randomBytes(9).toString('base64url');

export class SessionBoardWriter {
  /** Per board open here: the writes known to be on the board, so a state with nothing new costs nothing. */
  private readonly written = new Map<string, ReadonlySet<string>>();
  /** One write at a time per board, in the order states arrive. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly target: BoardWriteTarget,
    private readonly logger: Logger,
  ) {}

  /** A new state of a board, made here or on another process. */
  offer(boardId: string, state: SessionState): void {
    const wanted = wantedWrites(state);
    const known = this.written.get(boardId);
    if (wanted.every((key) => known?.has(key))) return;
    const previous = this.queues.get(boardId) ?? Promise.resolve();
    const next = previous
      .then(() => this.write(boardId, state, wanted))
      .catch((error: Error) =>
        this.logger.error({ boardId, err: error.stack }, 'could not write the session on the board'),
      );
    this.queues.set(boardId, next);
    void next.finally(() => {
      if (this.queues.get(boardId) === next) this.queues.delete(boardId);
    });
  }

  private async write(boardId: string, state: SessionState, wanted: readonly string[]): Promise<void> {
    const here = await this.target.writeHere(boardId, (board) =>
      sessionBoardChanges(board, state, { createId: newId }),
    );
    if (here) this.written.set(boardId, new Set(wanted));
  }

  /** The board's room closed here: another process may write it next. */
  forget(boardId: string): void {
    this.written.delete(boardId);
  }
}
