// The boards of signed-in people: who created a board, who co-facilitates it (by e-mail), "Mes
// ateliers", and when each board is due for deletion (P-RET).
import { plannedDeletion, type BoardRetention, type MyBoardList } from '@atelier/protocol';
import type { Account, BoardFacilitators, BoardStore } from '../store/board-store';

export class AccountBoards {
  constructor(
    private readonly store: BoardStore,
    private readonly retentionDays: number,
  ) {}

  /** True when the signed-in person created the board or was named its co-facilitator. */
  async isFacilitator(boardId: string, account: Account): Promise<boolean> {
    const facilitators = await this.store.getBoardFacilitators(boardId);
    return facilitators !== null && isNamed(facilitators, account.email);
  }

  async recordCreator(boardId: string, account: Account): Promise<void> {
    await this.store.setBoardFacilitators(boardId, { createdBy: account.email, coFacilitators: [] });
  }

  facilitators(boardId: string): Promise<BoardFacilitators | null> {
    return this.store.getBoardFacilitators(boardId);
  }

  async setCoFacilitators(boardId: string, emails: string[]): Promise<BoardFacilitators> {
    const current = (await this.store.getBoardFacilitators(boardId)) ?? {
      createdBy: null,
      coFacilitators: [],
    };
    const coFacilitators = [...new Set(emails)].filter((email) => email !== current.createdBy);
    const next = { createdBy: current.createdBy, coFacilitators };
    await this.store.setBoardFacilitators(boardId, next);
    return next;
  }

  async retention(boardId: string): Promise<BoardRetention> {
    const lastActivityAt = await this.store.lastActivity(boardId);
    return {
      lastActivityAt,
      deletesAt: lastActivityAt === null ? null : plannedDeletion(lastActivityAt, this.retentionDays),
    };
  }

  /** "Mes ateliers": newest first. Boards deleted meanwhile are left out. */
  async list(account: Account): Promise<MyBoardList> {
    const boards: MyBoardList['boards'] = [];
    for (const boardId of await this.store.boardsOfEmail(account.email)) {
      const [board, facilitators] = await Promise.all([
        this.store.getBoard(boardId),
        this.store.getBoardFacilitators(boardId),
      ]);
      if (!board || !facilitators || !isNamed(facilitators, account.email)) continue;
      boards.push({
        id: board.meta.id,
        title: board.meta.title,
        createdAt: board.meta.createdAt,
        role: facilitators.createdBy === account.email ? 'creator' : 'co-facilitator',
        ...(await this.retention(boardId)),
      });
    }
    boards.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { boards };
  }
}

function isNamed(facilitators: BoardFacilitators, email: string): boolean {
  return facilitators.createdBy === email || facilitators.coFacilitators.includes(email);
}
