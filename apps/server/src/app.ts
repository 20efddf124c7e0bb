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
import { BoardService } from './boards/board-service';
import type { Config } from './config';
import { assetRoutes } from './http/asset-routes';
import { boardRoutes } from './http/board-routes';
import { ExportPool } from './exports/export-pool';
import { exportRoutes } from './http/export-routes';
import { FacilitatorGate } from './http/facilitator-gate';
import { errorHandler, notFoundHandler } from './http/http-error';
import { originChecker } from './http/origin';
import { EngineAdmission } from './limits/engine-admission';
import { sharedLimits } from './limits/shared-limits';
import { securityHeaders } from './http/security-headers';
import { viewerRoutes } from './http/viewer-routes';
import type { Logger } from './logger';
import { LocalBoardRouter, type BoardRouter } from './rooms/board-router';
import { ClusterBoardRouter } from './rooms/cluster-router';
import { RoomRegistry } from './rooms/room-registry';
import { attachWebSocketSync } from './rooms/websocket-sync';
import { SessionService } from './session/session-service';
import { SocketIoSessionTransport } from './session/socketio-session-transport';
import { authenticateSocket, limitMessageRate } from './socket-auth';
import { attachSyncSession } from './rooms/socketio-sync';
import type { BoardServer } from './socket-types';
import type { BoardStore } from './store/board-store';
import { RedisBoardStore } from './store/redis-board-store';

export interface AtelierServer {
  readonly httpServer: http.Server;
  readonly io: BoardServer;
  readonly rooms: RoomRegistry;
  readonly sessions: SessionService;
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

export function createAtelierServer(config: Config, store: BoardStore, logger: Logger): AtelierServer {
  const app = express();
  const httpServer = http.createServer(app);
  const isAllowedOrigin = originChecker(config.publicUrl);
  const { limits } = config;
  const boards = new BoardService(store, limits.boardAssetBytes);
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
  const rooms = new RoomRegistry(store, logger, {
    idleCloseMs: config.roomIdleCloseMs,
    limits: { maxShapes: limits.shapesPerBoard, maxBoardBytes: limits.boardBytes },
    ...(store instanceof RedisBoardStore ? { leaseOwner: processId } : {}),
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
  const sessions = new SessionService(
    store,
    transport,
    logger,
    (boardId, shapeId) => rooms.liveRecord(boardId, shapeId),
    { undoWindowMs: config.undoWindowMs },
    {
      policy: config.people,
      newcomers: shared.budget({
        name: 'newcomers',
        points: config.people.newcomersPerIpPerHour,
        durationSeconds: 60 * 60,
      }),
    },
  );
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

  admission.attach(io.engine);
  io.use(
    authenticateSocket(boards, {
      failedKeys,
      admission,
      admitPerson: sessions.admit,
      trustProxy: config.trustProxy,
      logger,
    }),
  );
  io.on('connection', (socket) => {
    limitMessageRate(socket, limits.messagesPerSecond);
    sessions.attach(socket);
    attachSyncSession(socket, router, { maxMessageBytes: config.maxMessageBytes, logger, storeHealthy });
  });
  attachWebSocketSync(httpServer, router, boards, {
    maxMessageBytes: config.maxMessageBytes,
    logger,
    isAllowedOrigin,
    connections,
    trustProxy: config.trustProxy,
    messagesPerSecond: limits.messagesPerSecond,
  });

  app.disable('x-powered-by');
  // The same compiled setting as the sockets', so `request.ip` is their client address too.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders({ publicUrl: config.publicUrl }));

  app.get('/healthz', async (_request, response) => {
    if (await storeHealthy()) response.json({ ok: true, store: store.kind } satisfies Health);
    else response.status(503).json({ ok: false, store: store.kind } satisfies Health);
  });
  app.get('/api/config', (_request, response) => {
    const body: ClientConfig = { maxMessageBytes: config.maxMessageBytes };
    if (config.tldrawLicenseKey) body.tldrawLicenseKey = config.tldrawLicenseKey;
    response.json(body);
  });
  const facilitators = new FacilitatorGate(boards, failedKeys);
  app.use('/api', boardRoutes({ boards, rooms, sessions, store, config, facilitators, boardCreation }));
  const exportPool = new ExportPool({
    filename: exportWorkerFile(),
    workers: config.exports.workers,
    queueSize: config.exports.queueSize,
  });
  const perAddressPerHour = (name: string) => shared.budget({ name, points: 60, durationSeconds: 60 * 60 });
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
        imports: perAddressPerHour('imports'),
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

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
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

  return { httpServer, io, rooms, sessions, close };
}
