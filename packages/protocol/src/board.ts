import { z } from 'zod';
import { programmeRequestSchema } from './programme';

/** 128 random bits, base64url: unguessable and safe in a URL. */
export const boardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a board id');
export type BoardId = z.infer<typeof boardIdSchema>;

export const localeSchema = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const boardTitleSchema = z.string().trim().min(1).max(120);

export const createBoardBodySchema = z.object({
  title: boardTitleSchema,
  template: z.string().min(1).max(64).optional(),
  groups: z.number().int().min(1).max(8).optional(),
  question: z.string().trim().max(300).optional(),
  locale: localeSchema.optional(),
  /** `identity-map` only: start with the community's labs as pins (`LABS_REGISTRY=on`). */
  labs: z.enum(['registry']).optional(),
  /** A day of sections on one board, in order (P-PROG); in place of `template`, `groups` and `question`. */
  programme: programmeRequestSchema.optional(),
});
export type CreateBoardBody = z.infer<typeof createBoardBodySchema>;

/** Public metadata: safe to show anyone holding the board link. */
export const boardMetaSchema = z.object({
  id: boardIdSchema,
  title: z.string(),
  template: z.string(),
  createdAt: z.string(),
  question: z.string().optional(),
});
export type BoardMeta = z.infer<typeof boardMetaSchema>;

/** `GET /api/view/:viewerKey`: what a read-only link shows of its board, without its id. */
export const viewerBoardSchema = boardMetaSchema.omit({ id: true });
export type ViewerBoard = z.infer<typeof viewerBoardSchema>;

/** `POST /api/boards/:id/viewer-link` (facilitator key as Bearer): a new read-only link, the old one revoked. */
export const viewerLinkSchema = z.object({ viewerUrl: z.string() });
export type ViewerLink = z.infer<typeof viewerLinkSchema>;

/** A read-only link's secret (`/v/<key>`): 192 random bits, base64url. */
export const viewerKeySchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'not a viewer key');

export const createdBoardSchema = boardMetaSchema.extend({
  facilitatorKey: z.string(),
  participantUrl: z.string(),
  facilitatorUrl: z.string(),
  /** Read-only: its own secret, from which neither the board id nor the other links follow. */
  viewerUrl: z.string(),
});
export type CreatedBoard = z.infer<typeof createdBoardSchema>;

/** `GET /healthz` (alive) and `GET /readyz` (store reachable, not stopping). */
export const healthSchema = z.object({
  ok: z.boolean(),
  store: z.enum(['sqlite', 'redis']),
  /** `/readyz` only: the process is stopping (SIGTERM) and sends its clients elsewhere. */
  draining: z.boolean().optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** What the client learns about the server at start (no secrets). */
export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().optional(),
  maxMessageBytes: z.number().int(),
  /** `BOARD_RETENTION_DAYS`: boards are deleted after this many days without activity; 0: never. */
  boardRetentionDays: z.number().int().optional(),
  /** The server keeps the community's labs registry (`LABS_REGISTRY=on`). */
  labsRegistry: z.boolean().optional(),
  /** `ACCESSIBILITY_CONTACT`: where to report an accessibility problem, an e-mail address or a URL. */
  accessibilityContact: z.string().optional(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
