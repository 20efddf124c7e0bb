// Deletes the boards nobody has used for BOARD_RETENTION_DAYS (P-RET-1), every hour and at start.
// Boards whose room is open here are active: their clock is moved on instead.
import { retentionCutoff } from '@atelier/protocol';
import type { Logger } from '../logger';
import type { BoardStore } from '../store/board-store';
import type { BoardDeletion } from './board-deletion';

export interface RetentionSweepDeps {
  store: Pick<BoardStore, 'boardsInactiveSince' | 'touchBoard'>;
  deletion: Pick<BoardDeletion, 'delete'>;
  isOpenHere: (boardId: string) => boolean;
  retentionDays: number;
  logger: Logger;
  now?: () => number;
}

const BATCH = 100;

export class RetentionSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: RetentionSweepDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Sweeps now and then every `everyMs`; does nothing when boards are kept forever. */
  start(everyMs = 60 * 60 * 1000): void {
    if (this.deps.retentionDays === 0 || this.timer) return;
    const run = () =>
      void this.sweep().catch((error: Error) =>
        this.deps.logger.warn({ err: error.message }, 'retention sweep failed; retrying at the next one'),
      );
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
    run();
  }

  /** Deletes every board due at this moment; resolves with how many were deleted. */
  sweep(): Promise<number> {
    this.running ??= this.sweepNow().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepNow(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const now = this.now();
      const cutoff = retentionCutoff(now, this.deps.retentionDays);
      if (cutoff === null) return deleted;
      const due = await this.deps.store.boardsInactiveSince(cutoff, BATCH);
      if (due.length === 0) break;
      for (const boardId of due) {
        if (this.deps.isOpenHere(boardId)) await this.deps.store.touchBoard(boardId, now);
        else if (await this.deps.deletion.delete(boardId, 'retention')) deleted += 1;
      }
    }
    if (deleted) this.deps.logger.info({ deleted }, 'boards deleted after their retention period');
    return deleted;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
