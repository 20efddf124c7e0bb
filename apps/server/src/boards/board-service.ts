// Creating boards and checking who may do what on them.
import { randomBytes } from 'node:crypto';
import {
  boardIdSchema,
  ErrorCode,
  viewerKeySchema,
  type BoardMeta,
  type BoardRole,
  type CreateBoardBody,
  type CreatedBoard,
  type Locale,
  type ProgrammeSection,
  type SectionRequest,
  type Step,
} from '@atelier/protocol';
import { createSession } from '@atelier/session';
import {
  boardWritesMetaKey,
  buildBoard,
  buildProgramme,
  buildSection,
  getTemplate,
  isBuiltInTemplate,
  planLabImport,
  sectionWriteKey,
} from '@atelier/templates';
import { DEFAULT_INITIAL_SNAPSHOT, type RoomSnapshot } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';
import { HttpError } from '../http/http-error';
import { hashKey, keyMatchesHash, newBoardId, newFacilitatorKey, newViewerKey } from '../secrets';
import type { Account, BoardStore, StoredAsset, StoredBoard } from '../store/board-store';
import { BoardFileError, documentFromRecords } from './tldraw-file';

const PAGE_ID = 'page:page';

/** A board about to be stored: its whole document and its sequence. */
export interface NewBoard {
  id?: string;
  title: string;
  template: string;
  question?: string | undefined;
  /** What the steps are numbered from (P-NUM-1); 1 when absent. */
  firstStepNumber?: number | undefined;
  /** The workshop's language: what the server writes on the board (decisions, recap) is in it. */
  locale?: Locale | undefined;
  /** Every document record (document, pages, shapes…), already valid for the current schema. */
  records: TLRecord[];
  steps: Step[];
  /** Stored right after the board (asset ids of the board's asset route). */
  assets?: { assetId: string; asset: StoredAsset }[];
  /** A programme's sections (P-PROG), in order. */
  sections?: ProgrammeSection[];
}

const newSectionId = () => randomBytes(6).toString('hex');

/** A section's steps for the session machine (S-PROG-1): built from the template as the board writer builds it. */
export function sectionSteps(
  request: SectionRequest,
  sectionId: string,
  locale: Locale,
): { section: ProgrammeSection; steps: Step[] } | null {
  if (!isBuiltInTemplate(request.template)) return null;
  const built = buildSection(request, sectionId, { locale, pageId: PAGE_ID });
  return built ? { section: built.section, steps: built.steps } : null;
}

export class BoardService {
  constructor(
    private readonly store: BoardStore,
    /** Uploaded files per board, in bytes (`MAX_BOARD_ASSET_BYTES`). */
    readonly maxBoardAssetBytes = Infinity,
    private readonly now: () => number = Date.now,
    /** `LABS_REGISTRY=on`: an identity map may start from the community's labs. */
    private readonly labsRegistry = false,
  ) {}

  /** `creator`: the signed-in person creating it, who finds it in "Mes ateliers". */
  /** Set by the deletion service: a board being deleted is found by nobody meanwhile. */
  isBeingDeleted: (boardId: string) => boolean = () => false;

  async create(body: CreateBoardBody, baseUrl: string, creator?: Account): Promise<CreatedBoard> {
    if (body.programme) return this.createProgramme(body, body.programme, baseUrl, creator);
    const templateId = body.template ?? 'blank';
    if (!getTemplate(templateId)) {
      const saved = await this.store.getTemplate(templateId);
      if (!saved) {
        throw new HttpError(400, ErrorCode.invalidPayload, `template: unknown template "${templateId}"`);
      }
      let records: TLRecord[];
      try {
        records = documentFromRecords(saved.records, saved.schema);
      } catch (error) {
        if (!(error instanceof BoardFileError)) throw error;
        throw new HttpError(409, ErrorCode.conflict, `template "${templateId}" is damaged: ${error.message}`);
      }
      const question = body.question?.trim() || saved.summary.question?.[body.locale ?? 'fr'];
      return this.persist(
        {
          title: body.title,
          template: templateId,
          question,
          records,
          steps: saved.summary.steps,
          firstStepNumber: saved.summary.firstStepNumber,
          locale: body.locale,
        },
        baseUrl,
        creator,
      );
    }
    const createId = () => randomBytes(9).toString('base64url');
    const built = buildBoard(templateId, {
      groups: body.groups,
      question: body.question,
      locale: body.locale ?? 'fr',
      pageId: PAGE_ID,
      createId,
    });
    const records: TLRecord[] = [
      ...DEFAULT_INITIAL_SNAPSHOT.documents.map((d) => d.state as TLRecord),
      ...built.records,
      ...built.assets,
    ];
    if (body.labs === 'registry') {
      if (!this.labsRegistry || templateId !== 'identity-map') {
        throw new HttpError(
          400,
          ErrorCode.invalidPayload,
          'labs: only an identity map starts from the labs registry, on a server that keeps one',
        );
      }
      // Last year's labs, pinned before anyone joins: a new board's document, written whole as any is.
      const labs = (await this.store.listRegistryLabs()).flatMap((lab) =>
        lab.fields.academie ? [{ ...lab.fields, academie: lab.fields.academie, labId: lab.id }] : [],
      );
      records.push(...planLabImport(records, labs, { locale: body.locale ?? 'fr', createId }).put);
    }
    return this.persist(
      {
        title: body.title,
        template: templateId,
        question: built.question ?? undefined,
        firstStepNumber: built.firstStepNumber,
        records,
        steps: built.steps,
        locale: body.locale,
      },
      baseUrl,
      creator,
    );
  }

  /** A day on one board (P-PROG): each section a built-in template, in its own area, left to right. */
  private async createProgramme(
    body: CreateBoardBody,
    programme: readonly SectionRequest[],
    baseUrl: string,
    creator?: Account,
  ): Promise<CreatedBoard> {
    if (body.template !== undefined || body.groups !== undefined || body.labs !== undefined) {
      throw new HttpError(
        400,
        ErrorCode.invalidPayload,
        'programme: give the sections in place of template and groups',
      );
    }
    programme.forEach((section, i) => {
      if (!isBuiltInTemplate(section.template)) {
        throw new HttpError(
          400,
          ErrorCode.invalidPayload,
          `programme.${i}.template: unknown template "${section.template}"`,
        );
      }
    });
    const locale = body.locale ?? 'fr';
    const sectionIds = programme.map(() => newSectionId());
    const built = buildProgramme(programme, { locale, pageId: PAGE_ID, sectionIds });
    const records: TLRecord[] = [
      // The sections are on the board already: the writer must not add them again (T-PROG-4).
      ...DEFAULT_INITIAL_SNAPSHOT.documents.map((d) => {
        const state = d.state as TLRecord;
        return state.typeName === 'document'
          ? ({
              ...state,
              meta: { ...state.meta, [boardWritesMetaKey]: sectionIds.map(sectionWriteKey) },
            } as TLRecord)
          : state;
      }),
      ...built.records,
      ...built.assets,
    ];
    const question = body.question?.trim() || undefined;
    return this.persist(
      {
        title: body.title,
        template: 'programme',
        question,
        firstStepNumber: built.firstStepNumber,
        records,
        steps: built.steps,
        locale: body.locale,
        sections: built.sections,
      },
      baseUrl,
      creator,
    );
  }

  /** Stores a new board (document, session, assets) and hands back its links and facilitator key. */
  async persist(board: NewBoard, baseUrl: string, creator?: Account): Promise<CreatedBoard> {
    const snapshot: RoomSnapshot = {
      ...DEFAULT_INITIAL_SNAPSHOT,
      documents: board.records.map((state) => ({ state, lastChangedClock: 0 })),
    };
    const id = board.id ?? newBoardId();
    const facilitatorKey = newFacilitatorKey();
    const question = board.question?.trim();
    const meta: BoardMeta = {
      id,
      title: board.title,
      template: board.template,
      createdAt: new Date(this.now()).toISOString(),
      ...(question ? { question } : {}),
    };
    const session = createSession({
      steps: board.steps,
      now: this.now(),
      ...(question ? { question } : {}),
      ...(board.firstStepNumber !== undefined ? { firstStepNumber: board.firstStepNumber } : {}),
      ...(board.locale ? { locale: board.locale } : {}),
      ...(board.sections ? { sections: board.sections } : {}),
    });
    await this.store.createBoard({ meta, facilitatorKeyHash: hashKey(facilitatorKey) }, snapshot, session);
    // Its retention clock starts now (P-RET-1).
    await this.store.touchBoard(id, this.now());
    if (creator) await this.store.setBoardFacilitators(id, { createdBy: creator.email, coFacilitators: [] });
    for (const { assetId, asset } of board.assets ?? []) {
      const written = await this.store.putAsset(id, assetId, asset, this.maxBoardAssetBytes);
      // The importer checks the total first; a file naming one image twice keeps the first.
      if (written === 'quota_exceeded') throw new Error(`board ${id}: its files exceed the quota`);
    }
    const boardUrl = `${baseUrl}/b/${id}`;
    return {
      ...meta,
      facilitatorKey,
      participantUrl: boardUrl,
      // In the fragment: browsers never send it to a server, so it stays out of access logs.
      facilitatorUrl: `${boardUrl}#k=${facilitatorKey}`,
      viewerUrl: await this.newViewerLink(id, baseUrl),
    };
  }

  /** A new read-only link for the board; the one it had stops working. */
  async newViewerLink(boardId: string, baseUrl: string): Promise<string> {
    const viewerKey = newViewerKey();
    await this.store.setViewerKey(boardId, hashKey(viewerKey));
    return `${baseUrl}/v/${viewerKey}`;
  }

  /** The board a read-only link's key opens, or null for an unknown, revoked or malformed key. */
  async findByViewerKey(viewerKey: string): Promise<StoredBoard | null> {
    if (!viewerKeySchema.safeParse(viewerKey).success) return null;
    const boardId = await this.store.boardOfViewerKey(hashKey(viewerKey));
    return boardId ? this.store.getBoard(boardId) : null;
  }

  async requireByViewerKey(viewerKey: string): Promise<StoredBoard> {
    const board = await this.findByViewerKey(viewerKey);
    if (!board) throw new HttpError(404, ErrorCode.boardNotFound, 'no board with this read-only link');
    return board;
  }

  /** The board, or null for an unknown or malformed id. */
  async find(id: string): Promise<StoredBoard | null> {
    if (!boardIdSchema.safeParse(id).success || this.isBeingDeleted(id)) return null;
    return this.store.getBoard(id);
  }

  async require(id: string): Promise<StoredBoard> {
    const board = await this.find(id);
    if (!board) throw new HttpError(404, ErrorCode.boardNotFound, 'no board with this id');
    return board;
  }

  roleFor(board: StoredBoard, facilitatorKey: string | undefined): BoardRole {
    if (facilitatorKey !== undefined && keyMatchesHash(facilitatorKey, board.facilitatorKeyHash))
      return 'facilitator';
    return 'participant';
  }

  isFacilitatorKey(board: StoredBoard, facilitatorKey: string): boolean {
    return keyMatchesHash(facilitatorKey, board.facilitatorKeyHash);
  }
}
