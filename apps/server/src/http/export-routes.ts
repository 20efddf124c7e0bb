// A board as files: session documents and data (report, notes, labs), tldraw's `.tldr` both ways,
// and "save as template". Read from the live room when open, else from the store; no browser needed.
import express, { Router, type Request, type Response } from 'express';
import {
  buildReportDocument,
  identityCardsOf,
  labsTable,
  notesTable,
  renderLabsCsv,
  renderLabsGeoJson,
  renderNotesCsv,
  renderReportHtml,
  renderReportMarkdown,
  exportFileName,
  type ExportInput,
} from '@atelier/export';
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
  toTldrawFile,
} from '../boards/tldraw-file';
import type { Config } from '../config';
import type { RoomRegistry } from '../rooms/room-registry';
import { newBoardId } from '../secrets';
import type { BoardStore } from '../store/board-store';
import { baseUrlOf } from './board-routes';
import { requestAddress } from './client-address';
import type { FacilitatorGate } from './facilitator-gate';
import { HttpError, parseOr400 } from './http-error';
import { RateLimiter } from './rate-limiter';
import { tableToXlsx, xlsxContentType } from './spreadsheet';

export interface ExportRouteDeps {
  boards: BoardService;
  rooms: RoomRegistry;
  store: BoardStore;
  config: Config;
  facilitators: FacilitatorGate;
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
  now = Date.now,
}: ExportRouteDeps): Router {
  const router = Router();
  const imports = new RateLimiter(60, 60 * 60 * 1000);
  const savedTemplates = new RateLimiter(60, 60 * 60 * 1000);
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

  /** Images uploaded to the board go into the file as data URLs, as tldraw itself writes them. */
  async function inlineAssets(boardId: string, records: TLRecord[]): Promise<TLRecord[]> {
    const prefix = `/api/boards/${boardId}/assets/`;
    return Promise.all(
      records.map(async (record) => {
        if (record.typeName !== 'asset' || record.type === 'bookmark') return record;
        const src = record.props.src;
        if (!src?.startsWith(prefix)) return record;
        const asset = await store.getAsset(boardId, decodeURIComponent(src.slice(prefix.length)));
        if (!asset) return record;
        const dataUrl = `data:${asset.contentType};base64,${asset.bytes.toString('base64')}`;
        return { ...record, props: { ...record.props, src: dataUrl } } as TLRecord;
      }),
    );
  }

  function takeOrRefuse(limiter: RateLimiter, request: Request, response: Response, what: string): void {
    const ip = requestAddress(request);
    if (limiter.take(ip)) return;
    response.setHeader('Retry-After', String(limiter.retryAfterSeconds(ip)));
    throw new HttpError(429, ErrorCode.rateLimited, `too many ${what} from this address; try again later`);
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
    const { records, schema } = await documentOf(meta.id);
    const exportedAt = now();
    const spec = formats[format.data];

    let body: string | Buffer;
    if (format.data === ExportFormat.tldraw) {
      body = JSON.stringify(toTldrawFile(await inlineAssets(meta.id, records), schema));
    } else {
      const input: ExportInput = {
        board: meta,
        records,
        session: await store.loadSession(meta.id),
        exportedAt,
        locale,
        names,
      };
      body =
        format.data === ExportFormat.notesXlsx || format.data === ExportFormat.labsXlsx
          ? await renderSpreadsheet(format.data, input)
          : renderFormat(format.data, input);
    }
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
    response.send(body);
  });

  router.post('/boards/import', importBody, async (request, response) => {
    takeOrRefuse(imports, request, response, 'imports');
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
        records: extracted.records,
        steps: getTemplate('blank')?.steps ?? [],
        assets: extracted.assets.map(({ assetId, contentType, bytes }) => ({
          assetId,
          asset: { contentType, bytes },
        })),
      },
      baseUrlOf(request, config),
    );
    response.status(201).json(created);
  });

  router.post('/boards/:id/save-as-template', json, async (request, response) => {
    const board = await boards.require(request.params.id);
    facilitators.require(request, board);
    takeOrRefuse(savedTemplates, request, response, 'templates saved');
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

/** The same tables as the CSV files, as workbooks. */
function renderSpreadsheet(format: 'notes.xlsx' | 'labs.xlsx', input: ExportInput): Promise<Buffer> {
  if (format === ExportFormat.notesXlsx) return tableToXlsx(notesTable(input), input.board.title);
  return tableToXlsx(labsTable(identityCardsOf(input.records), input.locale), 'labs');
}

function renderFormat(
  format: Exclude<ExportFormat, 'board.tldr' | 'notes.xlsx' | 'labs.xlsx'>,
  input: ExportInput,
): string {
  switch (format) {
    case ExportFormat.reportJson:
      return JSON.stringify(buildReportDocument(input));
    case ExportFormat.reportMarkdown:
      return renderReportMarkdown(input);
    case ExportFormat.reportHtml:
      return renderReportHtml(input);
    case ExportFormat.notesCsv:
      return renderNotesCsv(input);
    case ExportFormat.labsCsv:
      return renderLabsCsv(identityCardsOf(input.records), input.locale);
    case ExportFormat.labsGeoJson:
      return renderLabsGeoJson(identityCardsOf(input.records), input.locale);
  }
}
