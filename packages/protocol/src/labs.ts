import { z } from 'zod';
import { localeSchema } from './board';

/**
 * `POST /api/boards/:id/labs/import?locale=fr` (facilitator key as Bearer): the body is a labs file (the
 * labs export's GeoJSON or CSV, or a uMap layer's GeoJSON), read as UTF-8 whatever its Content-Type; or,
 * with `?source=registry` and no body, the community's labs registry.
 */
export const labsImportQuerySchema = z.object({
  source: z.enum(['file', 'registry']).default('file'),
  locale: localeSchema.optional(),
});
export type LabsImportQuery = z.infer<typeof labsImportQuerySchema>;

/** At most this many bytes in a labs file. */
export const MAX_LABS_FILE_BYTES = 2 * 1024 * 1024;

/** What an import did: labs pinned anew, cards updated (same lab id), labs already as the file has them. */
export const labsImportResultSchema = z.object({
  format: z.enum(['geojson', 'csv', 'registry']),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** What could not be read (1-based feature or line) and why. */
  skipped: z.array(z.object({ at: z.number().int(), reason: z.string() })),
});
export type LabsImportResult = z.infer<typeof labsImportResultSchema>;

/**
 * `POST /api/boards/:id/labs/publish` (facilitator key as Bearer): the board's identity cards into the
 * registry. `dryRun` answers what would change (the confirmation) and changes nothing.
 */
export const labsPublishBodySchema = z.object({ dryRun: z.boolean().default(false) });
export type LabsPublishBody = z.infer<typeof labsPublishBodySchema>;

export const publishedLabSchema = z.object({
  id: z.string(),
  labName: z.string(),
  academie: z.string(),
  /** For a changed lab: the fields that differ from the registry's. */
  fields: z.array(z.string()).optional(),
});
export type PublishedLab = z.infer<typeof publishedLabSchema>;

export const labsPublishResultSchema = z.object({
  published: z.boolean(),
  added: z.array(publishedLabSchema),
  changed: z.array(publishedLabSchema),
  unchanged: z.number().int(),
});
export type LabsPublishResult = z.infer<typeof labsPublishResultSchema>;
