// A board as files: session documents and data (report, notes, labs), tldraw's `.tldr` both ways,
// and "save as template". Read from the live room when open, else from the store; no browser needed.
import express, { Router, type Request } from 'express';
import { exportFileName } from '@atelier/export';
import {
  allowedAssetType,
  BoardFileLimits,
  ErrorCode,
  ExportFormat,
  exportFormatSchema,
  exportQuerySchema,
  importBoardQuerySchema,
  saveTemplateBodySchema,
  tldrawFileSchema,
  type Locale,
  type TemplateSummary,
} from '@atelier/protocol';
import { getTemplate } from '@atelier/templates';
import type { TLDocument, TLRecord } from '@tldraw/tlschema';
import type { BoardService } from '../boards/board-service';
import { newSavedTemplateId, templateFromBoard } from '../boards/saved-template';
import {
  BoardFileError,
  currentTldrawSchema,
  documentFromRecords,
  extractEmbeddedAssets,
  isTldrawV1File,
  parseFileBody,
  schemaOf,
  TLDRAW_FILE_FORMAT_VERSION,
} from '../boards/tldraw-file';
import type { Config } from '../config';
import type { ExportJob } from '../exports/export-job';
import { ExportQueueFull, responseSink, type ExportPool } from '../exports/export-pool';
import type { AddressRate } from '../limits/shared-limits';
import type { RoomRegistry } from '../rooms/room-registry';
import { newBoardId } from '../secrets';
import type { BoardStore } from '../store/board-store';
import { baseUrlOf, creatorOf } from './board-routes';
import { requestAddress } from './client-address';
import type { FacilitatorGate } from './facilitator-gate';
import { HttpError, parseOr400, rateLimitedError } from './http-error';
import { xlsxContentType } from './spreadsheet';

export interface ExportRouteDeps {
  boards: BoardService;
  rooms: RoomRegistry;
  store: BoardStore;
  config: Config;
  facilitators: FacilitatorGate;
  /** Builds the exports off the main thread. */
  exportPool: ExportPool;
  /** Imports and saved templates per address (shared by every process with Redis). */
  budgets: { imports: AddressRate; savedTemplates: AddressRate };
  now?: () => number;
}

/** What a format is sent as, and the words added to the board's title in its file name. */
const formats: Record<ExportFormat, { contentType: string; ext: string; suffix: Record<Locale, string> }> = {
  [ExportFormat.reportMarkdown]: {
    contentType: 'text/markdown; charset=utf-8',
    ext: 'md',
    suffix: { fr: 'compte rendu', en: 'report' },
  },
  [ExportFormat.reportHtml]: {
    contentType: 'text/html; charset=utf-8',
    ext: 'html',
    suffix: { fr: 'compte rendu', en: 'report' },
  },
  [ExportFormat.notesCsv]: {
    contentType: 'text/csv; charset=utf-8',
    ext: 'csv',
    suffix: { fr: 'post-its', en: 'notes' },
  },
  [ExportFormat.notesXlsx]: {
    contentType: xlsxContentType,
    ext: 'xlsx',
    suffix: { fr: 'post-its', en: 'notes' },
  },
  [ExportFormat.labsCsv]: {
    contentType: 'text/csv; charset=utf-8',
    ext: 'csv',
    suffix: { fr: 'labs', en: 'labs' },
  },
  [ExportFormat.labsXlsx]: {
    contentType: xlsxContentType,
    ext: 'xlsx',
    suffix: { fr: 'labs', en: 'labs' },
  },
  [ExportFormat.labsGeoJson]: {
    contentType: 'application/geo+json; charset=utf-8',
    ext: 'geojson',
    suffix: { fr: 'labs', en: 'labs' },
  },
  [ExportFormat.pairingsCsv]: {
    contentType: 'text/csv; charset=utf-8',
    ext: 'csv',
    suffix: { fr: 'labs proches', en: 'similar labs' },
  },
  [ExportFormat.pairingsXlsx]: {
    contentType: xlsxContentType,
    ext: 'xlsx',
    suffix: { fr: 'labs proches', en: 'similar labs' },
  },
  [ExportFormat.tldraw]: {
    contentType: 'application/json; charset=utf-8',
    ext: 'tldr',
    suffix: { fr: '', en: '' },
  },
  [ExportFormat.reportJson]: {
    contentType: 'application/json; charset=utf-8',
    ext: 'json',
    suffix: { fr: 'compte rendu', en: 'report' },
  },
};

/** `attachment` with an ASCII name and its RFC 5987 UTF-8 twin (the slug is ASCII already; the twin costs nothing). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function exportRoutes({
  boards,
  rooms,
  store,
  config,
  facilitators,
  exportPool,
  budgets,
  now = Date.now,
}: ExportRouteDeps): Router {
  const router = Router();
  // Any Content-Type: browsers send none (or application/octet-stream) for a `.tldr` file.
  const importBody = express.raw({ limit: BoardFileLimits.maxImportBytes, type: () => true });
  const json = express.json({ limit: '16kb' });

  async function documentOf(
    boardId: string,
  ): Promise<{ records: TLRecord[]; schema: ReturnType<typeof currentTldrawSchema> }> {
    const snapshot = await rooms.snapshot(boardId);
    if (!snapshot) throw new HttpError(404, ErrorCode.boardNotFound, 'no board with this id');
    return {
      records: snapshot.documents.map((entry) => entry.state as TLRecord),
      schema: snapshot.schema ?? currentTldrawSchema(),
    };
  }

  async function takeOrRefuse(budget: AddressRate, request: Request, what: string): Promise<void> {
    const decision = await budget.take(requestAddress(request));
    if (!decision.ok) {
      throw rateLimitedError(
        decision.retryAfterSeconds,
        `too many ${what} from this address; try again later`,
      );
    }
  }

  router.get('/boards/:id/export/:format', async (request, response) => {
    const format = exportFormatSchema.safeParse(request.params.format);
    if (!format.success) {
      throw new HttpError(
        404,
        ErrorCode.notFound,
        `no export "${request.params.format}"; try one of ${Object.values(ExportFormat).join(', ')}`,
      );
    }
    const { locale, names } = exportQuerySchema.parse(request.query);
    const { meta } = await boards.require(request.params.id);
    const exportedAt = now();
    const spec = formats[format.data];
    const isTldraw = format.data === ExportFormat.tldraw;
    // A room open here gives its live records; otherwise the worker reads the stored document itself.
    const live = rooms.isOpen(meta.id) ? await documentOf(meta.id) : null;
    const source = live ? null : await store.documentSource(meta.id);
    if (!live && !source) throw new HttpError(404, ErrorCode.boardNotFound, 'no board with this id');
    const job: ExportJob = {
      format: format.data,
      board: meta,
      session: isTldraw ? null : await store.loadSession(meta.id),
      exportedAt,
      locale,
      names,
      ...(live && isTldraw ? { schema: live.schema } : {}),
      ...(source ? { source } : {}),
      ...(isTldraw ? { assetUrlPrefix: `/api/boards/${meta.id}/assets/` } : {}),
    };
    const title = spec.suffix[locale] ? `${meta.title} ${spec.suffix[locale]}` : meta.title;
    response.setHeader('Content-Type', spec.contentType);
    response.setHeader(
      'Content-Disposition',
      contentDisposition(exportFileName(title, exportedAt, spec.ext)),
    );
    response.setHeader('Cache-Control', 'no-store');
    // Opened in place, the report must run nothing (it carries the same policy in a meta tag).
    if (format.data === ExportFormat.reportHtml) {
      response.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
    }
    // Images uploaded to the board go into a `.tldr` as data URLs, as tldraw itself writes them.
    const sink = responseSink(response, (assetId) => store.getAsset(meta.id, assetId));
    try {
      await exportPool.run(job, live?.records ?? [], sink);
    } catch (error) {
      if (error instanceof ExportQueueFull) {
        throw new HttpError(503, ErrorCode.busy, 'too many exports under way; try again in a moment', {
          retryAfterSeconds: 5,
        });
      }
      // Once the first bytes are out, the status cannot change: cut the response short instead.
      if (response.headersSent) {
        response.destroy(error as Error);
        return;
      }
      throw error;
    }
    response.end();
  });

  router.post('/boards/import', importBody, async (request, response) => {
    await takeOrRefuse(budgets.imports, request, 'imports');
    const query = parseOr400(importBoardQuerySchema, request.query);
    let body: unknown;
    try {
      body = parseFileBody(request.body);
    } catch (error) {
      if (error instanceof BoardFileError) throw new HttpError(400, ErrorCode.unsupportedFile, error.message);
      throw error;
    }
    if (isTldrawV1File(body)) {
      throw new HttpError(
        400,
        ErrorCode.unsupportedFile,
        'this is a tldraw 1 file: Atelier opens files from tldraw 2 and later. Open it on tldraw.com, which converts it, then save it again as a .tldr file.',
      );
    }
    const file = parseOr400(tldrawFileSchema, body);
    if (file.tldrawFileFormatVersion > TLDRAW_FILE_FORMAT_VERSION) {
      throw new HttpError(
        400,
        ErrorCode.invalidPayload,
        'tldrawFileFormatVersion: this file comes from a newer tldraw',
      );
    }
    let records: TLRecord[];
    try {
      records = documentFromRecords(file.records, schemaOf(file));
    } catch (error) {
      if (error instanceof BoardFileError) throw new HttpError(400, ErrorCode.invalidRecord, error.message);
      throw error;
    }
    const id = newBoardId();
    const extracted = extractEmbeddedAssets(
      records,
      (assetId) => `/api/boards/${id}/assets/${encodeURIComponent(assetId)}`,
      (contentType) => allowedAssetType.test(contentType),
    );
    const assetBytes = extracted.assets.reduce((sum, asset) => sum + asset.bytes.length, 0);
    if (assetBytes > boards.maxBoardAssetBytes) {
      throw new HttpError(
        413,
        ErrorCode.limitExceeded,
        'the images of this file exceed what a board may hold',
      );
    }
    const locale = query.locale ?? 'fr';
    const document = records.find((record): record is TLDocument => record.typeName === 'document');
    const title =
      query.title ??
      (document?.name.trim().slice(0, 120) || (locale === 'fr' ? 'Tableau importé' : 'Imported board'));
    const created = await boards.persist(
      {
        id,
        title,
        template: 'blank',
        locale,
        records: extracted.records,
        steps: getTemplate('blank')?.steps ?? [],
        assets: extracted.assets.map(({ assetId, contentType, bytes }) => ({
          assetId,
          asset: { contentType, bytes },
        })),
      },
      baseUrlOf(request, config),
      creatorOf(response),
    );
    response.status(201).json(created);
  });

  router.post('/boards/:id/save-as-template', json, async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    await takeOrRefuse(budgets.savedTemplates, request, 'templates saved');
    const body = parseOr400(saveTemplateBodySchema, request.body);
    const { records, schema } = await documentOf(board.meta.id);
    const template = templateFromBoard({
      id: newSavedTemplateId(),
      meta: board.meta,
      records,
      schema,
      session: await store.loadSession(board.meta.id),
      body,
      now: now(),
      ownerKeyHash: board.facilitatorKeyHash,
    });
    await store.saveTemplate(template);
    response.status(201).json(template.summary satisfies TemplateSummary);
  });

  return router;
}
