// Assembles the HTTP server: REST routes, static web app, Socket.IO (sync + facilitation), native
// WebSocket sync. No listening and no signal handling here, so tests can run many in one process.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import { Server } from 'socket.io';
import { ErrorCode, SocketEvent, type ClientConfig, type Health } from '@atelier/protocol';
import { AccountBoards } from './auth/account-boards';
import { authRoutes } from './auth/auth-routes';
import { LoginSessions } from './auth/login-sessions';
import { OidcClient } from './auth/oidc-client';
import { BoardDeletion } from './boards/board-deletion';
import { BoardService, sectionSteps } from './boards/board-service';
import { RetentionSweep } from './boards/retention-sweep';
import type { Config } from './config';
import { assetRoutes } from './http/asset-routes';
import { boardAdminRoutes } from './http/board-admin-routes';
import { bearer } from './http/facilitator-gate';
import { boardRoutes } from './http/board-routes';
import { ExportPool } from './exports/export-pool';
import { exportRoutes } from './http/export-routes';
import { FacilitatorGate } from './http/facilitator-gate';
import { errorHandler, HttpError, notFoundHandler } from './http/http-error';
import { originChecker } from './http/origin';
import { EngineAdmission } from './limits/engine-admission';
import { sharedLimits } from './limits/shared-limits';
import { securityHeaders } from './http/security-headers';
import { viewerRoutes } from './http/viewer-routes';
import { labsRoutes } from './http/labs-routes';
import { RoomWriter } from './rooms/room-writer';
import type { Logger } from './logger';
import { instrumentStore, Metrics, transportOf } from './ops/metrics';
import { LocalBoardRouter, type BoardRouter } from './rooms/board-router';
import { ClusterBoardRouter } from './rooms/cluster-router';
import { RoomRegistry } from './rooms/room-registry';
import { attachWebSocketSync } from './rooms/websocket-sync';
import { SessionBoardWriter } from './session/session-board-writer';
import { ReactionRelay } from './session/reaction-relay';
import { PrivateStepBoards } from './session/private-step-boards';
import { SessionService } from './session/session-service';
import { SocketIoSessionTransport } from './session/socketio-session-transport';
import { authenticateSocket, limitMessageRate } from './socket-auth';
import { attachSyncSession } from './rooms/socketio-sync';
import type { BoardServer } from './socket-types';
import type { BoardStore } from './store/board-store';
import { RedisBoardStore } from './store/redis-board-store';
import { hashKey, keyMatchesHash } from './secrets';

export interface AtelierServer {
  readonly httpServer: http.Server;
  readonly io: BoardServer;
  readonly rooms: RoomRegistry;
  readonly sessions: SessionService;
  readonly retention: RetentionSweep;
  /**
   * SIGTERM with several processes: `/readyz` answers 503 (the balancer stops sending people here),
   * then after `DRAIN_DELAY_MS` every room is saved and closed and every connection is told
   * `server_draining` and ended, to reconnect through the balancer to another process.
   */
  drain(): Promise<void>;
  /** Stops accepting, saves every room, closes every connection and the store. */
  close(): Promise<void>;
}

/** Connections from one address let in past its cap at once, only to be told `rate_limited`. */
const CONNECTIONS_LET_IN_TO_HEAR_WHY = 5;

/** The export worker's bundle, next to the server's (`apps/server/dist/export-worker.js`). */
function exportWorkerFile(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'export-worker.js');
}

function defaultWebDist(): string {
  // From apps/server/dist/main.js (built) or apps/server/src/app.ts (tests): ../../web/dist.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

/** A second connection to the same Redis, whose errors the store's own connection already logs. */
function quietDuplicate(redis: RedisBoardStore['redis']): RedisBoardStore['redis'] {
  const connection = redis.duplicate();
  connection.on('error', () => {});
  return connection;
}

export function createAtelierServer(config: Config, bareStore: BoardStore, logger: Logger): AtelierServer {
  const app = express();
  const httpServer = http.createServer(app);
  const isAllowedOrigin = originChecker(config.publicUrl);
  const { limits } = config;
  let draining = false;
  // Filled in once the sockets exist; read only when /metrics is scraped.
  const liveConnections = { 'socket.io': () => 0, sync: () => 0 };
  const metrics: Metrics = new Metrics({
    connections: () => ({ 'socket.io': liveConnections['socket.io'](), sync: liveConnections.sync() }),
    openBoards: (): number => rooms.openRoomCount,
    exportsInProgress: (): number => exportPool.inFlight,
  });
  const store: BoardStore = instrumentStore(bareStore, metrics);
  if (bareStore instanceof RedisBoardStore)
    bareStore.saveObserver = (seconds, ok) => metrics.observeStore('roomWrite', seconds, ok);
  const boards = new BoardService(store, limits.boardAssetBytes, Date.now, config.labsRegistry);
  // With Redis every process draws on the same budgets and counts (see limits/shared-limits.ts).
  const shared = sharedLimits(
    store instanceof RedisBoardStore ? { redis: store.redis, keyPrefix: store.keyPrefix } : undefined,
  );
  // Shared by REST, the Socket.IO handshake and /sync, so no door is left unguarded.
  const failedKeys = shared.budget({
    name: 'wrong-keys',
    points: limits.failedKeyAttemptsPerMinute,
    durationSeconds: 60,
  });
  const boardCreation = shared.budget({
    name: 'boards',
    points: limits.boardsPerIpPerHour,
    durationSeconds: 60 * 60,
  });
  const connections = shared.connections({
    limit: limits.connectionsPerIp,
    overflow: CONNECTIONS_LET_IN_TO_HEAR_WHY,
  });
  const admission = new EngineAdmission(
    connections,
    config.trustProxy,
    isAllowedOrigin,
    config.handshakeTimeoutMs,
  );
  // A hung backend (Redis unreachable) must not hang the health check with it.
  const storeHealthy = () =>
    Promise.race([
      store.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref()),
    ]);
  // With Redis, several processes may serve the same boards: each board's room runs in one of them,
  // and its saves are fenced by its lease (this process's id).
  const processId = randomUUID();
  // The write guard refuses participants' new notes while their board is in a private step.
  const privateSteps = new PrivateStepBoards();
  const rooms: RoomRegistry = new RoomRegistry(store, logger, {
    momentOf: privateSteps.momentOf,
    prepare: async (boardId) => {
      try {
        const state = await store.loadSession(boardId);
        if (state) privateSteps.offer(boardId, state);
      } catch (error) {
        // The room opens all the same; the next state says whether the step is private.
        logger.warn(
          { boardId, err: (error as Error).message },
          'could not read the session for the write rules',
        );
      }
    },
    idleCloseMs: config.roomIdleCloseMs,
    limits: { maxShapes: limits.shapesPerBoard, maxBoardBytes: limits.boardBytes },
    ...(store instanceof RedisBoardStore ? { leaseOwner: processId } : {}),
    observer: {
      message: (sessionId, direction) =>
        metrics.messages.inc({ transport: transportOf(sessionId), direction }),
      handled: (sessionId, seconds) =>
        metrics.syncSeconds.observe({ transport: transportOf(sessionId) }, seconds),
    },
  });
  const router: BoardRouter =
    store instanceof RedisBoardStore
      ? new ClusterBoardRouter(rooms, {
          redis: store.redis,
          subscriber: quietDuplicate(store.redis),
          keyPrefix: store.keyPrefix,
          processId,
          leaseKeys: (boardId) => store.boardKeys(boardId),
          logger,
        })
      : new LocalBoardRouter(rooms);

  const io: BoardServer = new Server(httpServer, {
    // Oversized frames are refused by Socket.IO itself; up to twice the limit we answer with a clear error.
    maxHttpBufferSize: config.maxMessageBytes * 2,
    allowRequest: admission.allowRequest,
    // A connection that never sends Socket.IO's connect packet holds its place this long at most.
    connectTimeout: config.handshakeTimeoutMs,
    transports: ['websocket', 'polling'],
    pingInterval: 10_000,
    pingTimeout: 10_000,
    connectionStateRecovery: undefined,
  });
  if (store instanceof RedisBoardStore) {
    const publisher = store.redis.duplicate();
    const subscriber = store.redis.duplicate();
    for (const client of [publisher, subscriber]) client.on('error', () => {});
    io.adapter(createAdapter(publisher, subscriber));
  }
  const transport = new SocketIoSessionTransport(io, store instanceof RedisBoardStore);
  // Counted per board and address: a deleted board's counters go with it.
  const newcomers = shared.budget({
    name: 'newcomers',
    points: config.people.newcomersPerIpPerHour,
    durationSeconds: 60 * 60,
  });
  const sessions = new SessionService(
    store,
    transport,
    logger,
    (boardId, shapeId) => router.shapeChain(boardId, shapeId),
    { undoWindowMs: config.undoWindowMs, buildSection: sectionSteps },
    { policy: config.people, newcomers },
  );
  const reactions = new ReactionRelay(transport);
  // What a vote decided, the recap and revealed notes go on the board, written through its room where it runs.
  const boardWriter = new SessionBoardWriter(rooms, logger);
  sessions.onState((boardId, state) => {
    if (rooms.isOpen(boardId)) privateSteps.offer(boardId, state);
    boardWriter.offer(boardId, state);
  });
  rooms.on('roomClosed', (boardId) => {
    privateSteps.forget(boardId);
    boardWriter.forget(boardId);
  });
  // The room runs in the board's owner; the writer may be connected to any process.
  rooms.on('limitExceeded', (_boardId, sessionId, message) =>
    transport.sendToSession(sessionId, SocketEvent.error, {
      code: ErrorCode.limitExceeded,
      message,
      event: SocketEvent.sync,
    }),
  );
  rooms.on('writeRefused', (_boardId, sessionId, rule, message) =>
    transport.sendToSession(sessionId, SocketEvent.error, {
      code: ErrorCode.protected,
      message,
      event: SocketEvent.sync,
      rule,
    }),
  );

  // Sign-in (optional): sessions in the board store; a signed-in facilitator needs no key.
  const loginSessions = new LoginSessions(store, (config.publicUrl ?? '').startsWith('https:'));
  const accountBoards = new AccountBoards(store, config.boardRetentionDays);
  const oidc = config.oidc
    ? new OidcClient({
        ...config.oidc,
        redirectUri: `${config.publicUrl}/auth/callback`,
        postLogoutRedirectUri: `${config.publicUrl}/`,
      })
    : undefined;
  const signedInFacilitator = async (boardId: string, cookieHeader: string | undefined) => {
    const signedIn = oidc ? await loginSessions.signedIn(cookieHeader) : null;
    return signedIn !== null && (await accountBoards.isFacilitator(boardId, signedIn.account));
  };

  const deletion = new BoardDeletion({
    store,
    rooms,
    people: sessions,
    counters: { forgetBoard: (boardId) => newcomers.forget(`${boardId}:`) },
    logger,
  });
  boards.isBeingDeleted = (boardId) => deletion.isBeingDeleted(boardId);
  const retention = new RetentionSweep({
    store,
    deletion,
    isOpenHere: (boardId) => rooms.isOpen(boardId),
    retentionDays: config.boardRetentionDays,
    logger,
  });

  admission.attach(io.engine);
  const authenticate = authenticateSocket(boards, {
    failedKeys,
    admission,
    admitPerson: sessions.admit,
    trustProxy: config.trustProxy,
    logger,
    ...(oidc ? { signedInFacilitator } : {}),
  });
  io.use((socket, next) => {
    if (draining) {
      next(
        Object.assign(new Error('this server is stopping; reconnect'), {
          data: { code: ErrorCode.serverDraining, message: 'this server is stopping; reconnect' },
        }),
      );
      return;
    }
    authenticate(socket, (error?: Error) => {
      if ((error as { data?: { code?: string } } | undefined)?.data?.code === ErrorCode.rateLimited)
        metrics.refusals.inc({ limit: 'socket-handshake' });
      next(error);
    });
  });
  io.on('connection', (socket) => {
    limitMessageRate(socket, limits.messagesPerSecond, undefined, () =>
      metrics.refusals.inc({ limit: 'socket-messages' }),
    );
    // A connection is activity: the board's retention clock starts again (P-RET-1).
    store.touchBoard(socket.data.boardId, Date.now()).catch(() => {});
    sessions.attach(socket);
    reactions.attach(socket);
    attachSyncSession(socket, router, { maxMessageBytes: config.maxMessageBytes, logger, storeHealthy });
  });
  liveConnections['socket.io'] = () => io.of('/').sockets.size;
  const wss = attachWebSocketSync(httpServer, router, boards, {
    maxMessageBytes: config.maxMessageBytes,
    logger,
    isAllowedOrigin,
    connections,
    trustProxy: config.trustProxy,
    messagesPerSecond: limits.messagesPerSecond,
  });
  liveConnections.sync = () => wss.clients.size;

  app.disable('x-powered-by');
  // The same compiled setting as the sockets', so `request.ip` is their client address too.
  app.set('trust proxy', config.trustProxy);
  app.use(
    securityHeaders({
      publicUrl: config.publicUrl,
      signInOrigin: config.oidc ? new URL(config.oidc.issuer).origin : undefined,
    }),
  );

  // Every refusal by a limit over REST answers 429: counted here, whichever route refused.
  app.use((_request, response, next) => {
    response.once('finish', () => {
      if (response.statusCode === 429) metrics.refusals.inc({ limit: 'http' });
    });
    next();
  });

  // Alive: the process answers (a container that fails this is restarted).
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true, store: store.kind } satisfies Health);
  });
  // Ready: the store is reachable and the process is not stopping (a balancer sends people here).
  app.get('/readyz', async (_request, response) => {
    const ok = !draining && (await storeHealthy());
    response
      .status(ok ? 200 : 503)
      .json({ ok, store: store.kind, ...(draining ? { draining } : {}) } satisfies Health);
  });
  // Off unless METRICS_TOKEN is set; then only with it as Bearer.
  app.get('/metrics', async (request, response) => {
    const token = config.metricsToken;
    if (!token) throw new HttpError(404, ErrorCode.notFound, 'metrics are off (set METRICS_TOKEN)');
    const presented = bearer(request);
    if (!presented || !keyMatchesHash(presented, hashKey(token)))
      throw new HttpError(
        401,
        ErrorCode.unauthorized,
        'send METRICS_TOKEN as "Authorization: Bearer <token>"',
      );
    response.setHeader('Content-Type', metrics.contentType);
    response.send(await metrics.text());
  });
  app.get('/api/config', (_request, response) => {
    const body: ClientConfig = {
      maxMessageBytes: config.maxMessageBytes,
      boardRetentionDays: config.boardRetentionDays,
    };
    if (config.labsRegistry) body.labsRegistry = true;
    if (config.tldrawLicenseKey) body.tldrawLicenseKey = config.tldrawLicenseKey;
    if (config.accessibilityContact) body.accessibilityContact = config.accessibilityContact;
    response.json(body);
  });
  const facilitators = new FacilitatorGate(
    boards,
    failedKeys,
    oidc
      ? { isFacilitator: (request, boardId) => signedInFacilitator(boardId, request.get('cookie')) }
      : undefined,
  );
  app.use(
    authRoutes({
      ...(oidc ? { oidc } : {}),
      sessions: loginSessions,
      accountBoards,
      createRequiresLogin: config.createRequiresLogin,
      publicUrl: config.publicUrl ?? '',
      logger,
    }),
  );
  // Creating a board (from a template or a file): with sign-in on, the creator is recorded, and
  // with CREATE_REQUIRES_LOGIN only signed-in people may.
  app.post(['/api/boards', '/api/boards/import'], async (request, response, next) => {
    const signedIn = oidc ? await loginSessions.signedIn(request.get('cookie')) : null;
    if (!signedIn && config.createRequiresLogin)
      throw new HttpError(401, ErrorCode.unauthorized, 'sign in to create a board');
    if (signedIn) response.locals.creator = signedIn.account;
    next();
  });
  app.use('/api', boardRoutes({ boards, rooms, sessions, store, config, facilitators, boardCreation }));
  app.use('/api', boardAdminRoutes({ boards, facilitators, deletion, accountBoards, signIn: Boolean(oidc) }));
  const exportPool = new ExportPool({
    filename: exportWorkerFile(),
    workers: config.exports.workers,
    queueSize: config.exports.queueSize,
  });
  const perAddressPerHour = (name: string) => shared.budget({ name, points: 60, durationSeconds: 60 * 60 });
  const imports = perAddressPerHour('imports');
  app.use(
    '/api',
    exportRoutes({
      boards,
      rooms,
      store,
      config,
      facilitators,
      exportPool,
      budgets: {
        imports,
        savedTemplates: perAddressPerHour('saved-templates'),
      },
    }),
  );
  const uploads = shared.budget({
    name: 'asset-upload',
    points: limits.assetUploadsPerIpPerMinute,
    durationSeconds: 60,
  });
  app.use('/api', assetRoutes({ boards, store, members: sessions, uploads }));
  app.use('/api', viewerRoutes({ boards, config, facilitators }));
  // The server's own writes (labs imported as pins) go through the board's room, as its facilitator.
  const writer = new RoomWriter(router, {
    meta: { userId: 'server:labs-import', name: 'Atelier', role: 'facilitator' },
  });
  app.use('/api', labsRoutes({ boards, rooms, store, config, facilitators, writer, imports }));
  app.use('/api', notFoundHandler);

  const webDist = config.webDist ?? defaultWebDist();
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    app.use(
      '/assets',
      express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
    );
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // Client-side routes (/, /b/:id) all load the single page.
    app.get('/{*path}', (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(path.join(webDist, 'index.html'));
    });
  } else {
    logger.warn({ webDist }, 'no built web app found; serving the API only');
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  let drained: Promise<void> | null = null;
  const drain = () => {
    drained ??= (async () => {
      draining = true;
      retention.stop();
      await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
      // Told first (closing a room cuts its connections), then every room saved and its lease
      // released before anyone is cut off, so the process they reconnect to reads everything.
      io.local.emit(SocketEvent.error, {
        code: ErrorCode.serverDraining,
        message: 'this server is stopping; reconnecting to another one',
      });
      await rooms
        .closeAll()
        .catch((error: Error) => logger.error({ err: error.message }, 'shutdown save failed'));
      io.local.disconnectSockets(true);
    })();
    return drained;
  };

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      retention.stop();
      httpServer.close();
      sessions.close();
      await rooms
        .closeAll()
        .catch((error: Error) => logger.error({ err: error.message }, 'shutdown save failed'));
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await router.close();
      await connections.close();
      await exportPool.close();
      httpServer.closeAllConnections();
      await store.close();
    })();
    return closing;
  };

  retention.start();
  return { httpServer, io, rooms, sessions, retention, drain, close };
}
