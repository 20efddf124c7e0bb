import { DEFAULT_UNDO_WINDOW_MS } from '@atelier/session';
import { SessionLimits } from '@atelier/protocol';
import { z } from 'zod';
import { compileTrustProxy, type TrustProxy } from './http/client-address';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

// Compiled here so a wrong value stops the server at start, not at the first request.
const trustProxy = optionalString.transform((value, context): TrustProxy => {
  try {
    return compileTrustProxy(value ?? 'loopback');
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
});

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** A flag whose default depends on another setting: undefined when unset. */
const optionalFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) =>
    value === undefined || value === '' ? undefined : value === 'true' || value === '1',
  );

/** An OpenID issuer: https, or http on this machine only (a provider started by the tests). */
const issuerUrl = optionalString.pipe(
  z
    .url({ protocol: /^https?$/ })
    .refine(
      (value) =>
        value.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(value),
      'must be https (http only on localhost)',
    )
    .optional(),
);

/** Every setting comes from the environment and is checked once, at start. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    TLDRAW_LICENSE_KEY: optionalString,
    /** Where people report an accessibility problem (the /accessibilite statement): an e-mail or an https page. */
    ACCESSIBILITY_CONTACT: optionalString.pipe(
      z
        .union([z.email(), z.url({ protocol: /^https?$/ })], {
          error: 'must be an e-mail address or an http(s) URL',
        })
        .optional(),
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Largest single socket message (bytes) before the sender is told and disconnected. */
    MAX_MESSAGE_BYTES: positiveInt(4 * 1024 * 1024),
    /** Debounce of Redis snapshot writes; a change is saved at most this long after it is acknowledged. */
    REDIS_SAVE_DELAY_MS: positiveInt(250),
    /** How long an empty room stays open after its last client leaves. */
    ROOM_IDLE_CLOSE_MS: z.coerce.number().int().min(0).default(5000),
    /** Where the built web app lives; served at / when present. */
    WEB_DIST: optionalString,
    /**
     * Peers whose `X-Forwarded-For` is believed: addresses, subnets, `loopback`, `linklocal`,
     * `uniquelocal` (comma-separated, as Express's `trust proxy`), or `none`.
     */
    TRUST_PROXY: trustProxy,
    /** Socket messages (every event) one connection may send per second before it is cut off. */
    MAX_MESSAGES_PER_SECOND: positiveInt(100),
    /** Open sockets (Socket.IO and /sync) from one IP address; a venue behind one NAT shares it. */
    MAX_CONNECTIONS_PER_IP: positiveInt(300),
    MAX_BOARDS_PER_IP_PER_HOUR: positiveInt(60),
    /** Shapes on one board; creating more is refused with `limit_exceeded`. */
    MAX_SHAPES_PER_BOARD: positiveInt(20_000),
    /** Size of one board's document (its records as JSON), assets uploaded apart not counted. */
    MAX_BOARD_BYTES: positiveInt(32 * 1024 * 1024),
    /** Wrong facilitator keys one IP address may present per minute (REST and sockets together). */
    MAX_FAILED_KEY_ATTEMPTS_PER_MINUTE: positiveInt(10),
    /** How long "Annuler" can undo a cleared vote, dissolved groups or a reset (1 s to 10 min). */
    UNDO_WINDOW_MS: z.coerce.number().int().min(1_000).max(600_000).default(DEFAULT_UNDO_WINDOW_MS),
    /** Bytes of uploaded files (images, videos) one board may hold. */
    MAX_BOARD_ASSET_BYTES: positiveInt(100 * 1024 * 1024),
    /** File uploads one IP address may make per minute (every board together). */
    MAX_ASSET_UPLOADS_PER_IP_PER_MINUTE: positiveInt(60),
    /** Saved templates are private to their facilitator; `true` lists every one of them for everyone. */
    ALLOW_PUBLIC_TEMPLATES: flag,
    /** How long a connection may stay open without sending Socket.IO's connect packet. */
    HANDSHAKE_TIMEOUT_MS: positiveInt(5000),
    /** People in one board's live participant list (connected and recent leavers); at most 500. */
    MAX_PARTICIPANTS_PER_BOARD: z.coerce
      .number()
      .int()
      .min(1)
      .max(SessionLimits.maxParticipants)
      .default(500),
    /** New people (client keys the board has never seen) one IP address may bring to one board per hour. */
    MAX_NEWCOMERS_PER_IP_PER_BOARD_PER_HOUR: positiveInt(60),
    /** How long someone who left stays in the live participant list before moving to the roster. */
    LEAVERS_KEPT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(10 * 60 * 1000),
    /** Worker threads building exports (reports, `.tldr`). */
    EXPORT_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
    /**
     * `on`: keep the community's labs registry (facilitators publish their boards' identity cards to
     * it; `GET /api/labs.geojson` serves it, open to any origin). `off` (default): no registry.
     */
    LABS_REGISTRY: z
      .enum(['on', 'off', 'true', 'false', '1', '0', ''])
      .default('off')
      .transform((value) => value === 'on' || value === 'true' || value === '1'),
    /** Exports waiting for a worker; past it: 503 `busy` with `Retry-After`. */
    EXPORT_QUEUE_SIZE: z.coerce.number().int().min(0).default(8),
    /** Sign-in for facilitators (OpenID Connect, e.g. ProConnect): all three, or none. */
    OIDC_ISSUER: issuerUrl,
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    /** Scopes asked of the provider; `email` is needed (co-facilitators are named by e-mail). */
    OIDC_SCOPES: z.string().trim().min(1).default('openid email profile'),
    /** With sign-in on: only signed-in people may create boards (true unless set to false). */
    CREATE_REQUIRES_LOGIN: optionalFlag,
    /** Days without activity after which a board and everything of it is deleted; 0 keeps boards forever. */
    BOARD_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(180),
    /** Set: `/metrics` answers with this token as Bearer; unset: `/metrics` is off. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'at least 16 characters').optional()),
    /** On SIGTERM, how long `/readyz` says 503 before clients are sent elsewhere (balancer's time to notice). */
    DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  })
  .superRefine((env, context) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      context.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      });
    }
    if (env.OIDC_ISSUER && !env.PUBLIC_URL) {
      context.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'sign-in needs PUBLIC_URL (the provider sends people back to it)',
      });
    }
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    redisUrl: env.REDIS_URL,
    dataDir: env.DATA_DIR,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY,
    accessibilityContact: env.ACCESSIBILITY_CONTACT,
    logLevel: env.LOG_LEVEL,
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    redisSaveDelayMs: env.REDIS_SAVE_DELAY_MS,
    roomIdleCloseMs: env.ROOM_IDLE_CLOSE_MS,
    webDist: env.WEB_DIST,
    trustProxy: env.TRUST_PROXY,
    undoWindowMs: env.UNDO_WINDOW_MS,
    publicTemplates: env.ALLOW_PUBLIC_TEMPLATES,
    labsRegistry: env.LABS_REGISTRY,
    handshakeTimeoutMs: env.HANDSHAKE_TIMEOUT_MS,
    exports: { workers: env.EXPORT_WORKERS, queueSize: env.EXPORT_QUEUE_SIZE },
    people: {
      maxParticipants: env.MAX_PARTICIPANTS_PER_BOARD,
      newcomersPerIpPerHour: env.MAX_NEWCOMERS_PER_IP_PER_BOARD_PER_HOUR,
      leaversKeptMs: env.LEAVERS_KEPT_MS,
    },
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            scopes: env.OIDC_SCOPES,
          }
        : undefined,
    createRequiresLogin: Boolean(env.OIDC_ISSUER) && (env.CREATE_REQUIRES_LOGIN ?? true),
    /** 0: boards are kept forever. */
    boardRetentionDays: env.BOARD_RETENTION_DAYS,
    metricsToken: env.METRICS_TOKEN,
    drainDelayMs: env.DRAIN_DELAY_MS,
    limits: {
      messagesPerSecond: env.MAX_MESSAGES_PER_SECOND,
      connectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
      boardsPerIpPerHour: env.MAX_BOARDS_PER_IP_PER_HOUR,
      shapesPerBoard: env.MAX_SHAPES_PER_BOARD,
      boardBytes: env.MAX_BOARD_BYTES,
      failedKeyAttemptsPerMinute: env.MAX_FAILED_KEY_ATTEMPTS_PER_MINUTE,
      boardAssetBytes: env.MAX_BOARD_ASSET_BYTES,
      assetUploadsPerIpPerMinute: env.MAX_ASSET_UPLOADS_PER_IP_PER_MINUTE,
    },
  }));

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
