// Files a board turns into (exports) or comes from (a tldraw `.tldr` file, a saved template).
import { z } from 'zod';
import { boardTitleSchema, localeSchema } from './board';

/** `GET /api/boards/:id/export/<format>`: the documents and data the server renders from a board. */
export const ExportFormat = {
  reportMarkdown: 'report.md',
  reportHtml: 'report.html',
  notesCsv: 'notes.csv',
  /** The same table as notes.csv, as an Excel workbook. */
  notesXlsx: 'notes.xlsx',
  labsCsv: 'labs.csv',
  labsXlsx: 'labs.xlsx',
  labsGeoJson: 'labs.geojson',
  /** "Labs proches": pairs of labs to put in touch after the workshop, with why (lab, lab, reason). */
  pairingsCsv: 'pairings.csv',
  pairingsXlsx: 'pairings.xlsx',
  tldraw: 'board.tldr',
  /** The report's structured model (`ReportDocument` of @atelier/export): what the browser lays out as PDF. */
  reportJson: 'report.json',
} as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
export const exportFormats = Object.values(ExportFormat) as [ExportFormat, ...ExportFormat[]];
export const exportFormatSchema = z.enum(exportFormats);

/**
 * How people appear in an export (report, CSV, PDF): their full names, their first names with their
 * lab, or their labs only. Labs only is the default: a report published as it is needs nobody's consent.
 */
export const NameDisplay = {
  full: 'full',
  firstNameAndLab: 'first-name-lab',
  labOnly: 'lab',
} as const;
export type NameDisplay = (typeof NameDisplay)[keyof typeof NameDisplay];
export const nameDisplays = Object.values(NameDisplay) as [NameDisplay, ...NameDisplay[]];
export const nameDisplaySchema = z.enum(nameDisplays);
export const defaultNameDisplay: NameDisplay = NameDisplay.labOnly;

/** `GET /api/boards/:id/export/<format>?locale=fr&names=lab`: anything unknown falls back to the default. */
export const exportQuerySchema = z.object({
  locale: localeSchema.catch('fr'),
  names: nameDisplaySchema.catch(defaultNameDisplay),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Caps on an imported file: generous for a day of workshops, small enough to keep a board responsive. */
export const BoardFileLimits = {
  maxImportBytes: 20 * 1024 * 1024,
  maxRecords: 20_000,
} as const;

/**
 * tldraw's `.tldr` file (`TldrawFile`): only its envelope is checked here; the server migrates and
 * validates every record with tldraw's own schema.
 */
export const tldrawFileSchema = z.object({
  tldrawFileFormatVersion: z.number().int().min(1),
  schema: z.looseObject({ schemaVersion: z.number().int() }),
  records: z
    .array(z.looseObject({ id: z.string().min(1).max(256), typeName: z.string().min(1).max(64) }))
    .max(BoardFileLimits.maxRecords),
});
export type TldrawFileEnvelope = z.infer<typeof tldrawFileSchema>;

/**
 * `POST /api/boards/import?title=…&locale=…` with the `.tldr` file as the body, whatever its
 * Content-Type (browsers send none for `.tldr`); it is read as UTF-8 JSON.
 */
export const importBoardQuerySchema = z.object({
  title: boardTitleSchema.optional(),
  locale: localeSchema.optional(),
});
export type ImportBoardQuery = z.infer<typeof importBoardQuerySchema>;

/** `POST /api/boards/:id/save-as-template` (facilitator key as Bearer); answers the new TemplateSummary. */
export const saveTemplateBodySchema = z.object({
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).optional(),
});
export type SaveTemplateBody = z.infer<typeof saveTemplateBodySchema>;

/**
 * `PUT /api/boards/:id/assets/:assetId` carries its proof in this header: the client key of a
 * participant or facilitator connected to the board (a viewer's or a stranger's upload is refused).
 * Assets never change: a second upload to the same id is refused with `conflict`.
 */
export const assetUploadProofHeader = 'X-Atelier-Client-Key';

/** `PUT /api/boards/:id/assets/:assetId`: the Content-Types a board may hold as an uploaded file. */
export const allowedAssetType = /^(image\/(png|jpeg|gif|webp|svg\+xml)|video\/(mp4|webm))$/;
