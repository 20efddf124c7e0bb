// Creating boards and checking who may do what on them.
import { randomBytes } from 'node:crypto';
import {
  boardIdSchema,
  ErrorCode,
  type BoardMeta,
  type CreateBoardBody,
  type CreatedBoard,
} from '@atelier/protocol';
import { createSession } from '@atelier/session';
import { buildBoard, getTemplate } from '@atelier/templates';
import { DEFAULT_INITIAL_SNAPSHOT, type RoomSnapshot } from '@tldraw/sync-core';
import { HttpError } from '../http/http-error';
import { hashKey, keyMatchesHash, newBoardId, newFacilitatorKey } from '../secrets';
import type { BoardStore, StoredBoard } from '../store/board-store';

const PAGE_ID = 'page:page';

export type BoardRole = 'facilitator' | 'participant' | 'viewer';

export class BoardService {
  constructor(
    private readonly store: BoardStore,
    private readonly now: () => number = Date.now,
  ) {}

  async create(body: CreateBoardBody, baseUrl: string): Promise<CreatedBoard> {
    const templateId = body.template ?? 'blank';
    if (!getTemplate(templateId)) {
      throw new HttpError(400, ErrorCode.invalidPayload, `template: unknown template "${templateId}"`);
    }
    const built = buildBoard(templateId, {
      groups: body.groups,
      question: body.question,
      locale: body.locale ?? 'fr',
      pageId: PAGE_ID,
      createId: () => randomBytes(9).toString('base64url'),
    });
    const snapshot: RoomSnapshot = {
      ...DEFAULT_INITIAL_SNAPSHOT,
      documents: [
        ...DEFAULT_INITIAL_SNAPSHOT.documents,
        ...built.records.map((state) => ({ state, lastChangedClock: 0 })),
      ],
    };
    const id = newBoardId();
    const facilitatorKey = newFacilitatorKey();
    const meta: BoardMeta = {
      id,
      title: body.title,
      template: templateId,
      createdAt: new Date(this.now()).toISOString(),
      ...(built.question ? { question: built.question } : {}),
    };
    const session = createSession({
      steps: built.steps,
      now: this.now(),
      ...(built.question ? { question: built.question } : {}),
    });
    await this.store.createBoard({ meta, facilitatorKeyHash: hashKey(facilitatorKey) }, snapshot, session);
    const boardUrl = `${baseUrl}/b/${id}`;
    return {
      ...meta,
      facilitatorKey,
      participantUrl: boardUrl,
      // In the fragment: browsers never send it to a server, so it stays out of access logs.
      facilitatorUrl: `${boardUrl}#k=${facilitatorKey}`,
    };
  }

  /** The board, or null for an unknown or malformed id. */
  async find(id: string): Promise<StoredBoard | null> {
    if (!boardIdSchema.safeParse(id).success) return null;
    return this.store.getBoard(id);
  }

  async require(id: string): Promise<StoredBoard> {
    const board = await this.find(id);
    if (!board) throw new HttpError(404, ErrorCode.boardNotFound, 'no board with this id');
    return board;
  }

  roleFor(board: StoredBoard, facilitatorKey: string | undefined, viewer = false): BoardRole {
    if (facilitatorKey !== undefined && keyMatchesHash(facilitatorKey, board.facilitatorKeyHash))
      return 'facilitator';
    return viewer ? 'viewer' : 'participant';
  }

  isFacilitatorKey(board: StoredBoard, facilitatorKey: string): boolean {
    return keyMatchesHash(facilitatorKey, board.facilitatorKeyHash);
  }
}
