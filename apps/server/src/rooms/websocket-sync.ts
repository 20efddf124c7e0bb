// tldraw's native transport: `GET /sync/:boardId` (or `/sync/v/:viewerKey`, read-only) upgraded to
// a WebSocket, so a stock tldraw client (`useSync({ uri })`) joins the same room as the Socket.IO clients.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode, syncSessionIdSchema } from '@atelier/protocol';
import { TLSyncErrorCloseEventCode, TLSyncErrorCloseEventReason } from '@tldraw/sync-core';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { clientAddress, type TrustProxy } from '../http/client-address';
import type { ConnectionCounter } from '../limits/shared-limits';
import type { Logger } from '../logger';
import type { BoardService } from '../boards/board-service';
import type { BoardRouter } from './board-router';
import { PendingChunks } from './pending-chunks';
import type { SessionLink } from './sync-session';
import { viewerMessageRewriter } from './viewer-view';

/** How the endpoint finds the board a URL names. */
export type BoardFinder = Pick<BoardService, 'find' | 'findByViewerKey'>;

// `/sync/<boardId>`: a participant; `/sync/v/<viewerKey>`: a read-only link's viewer.
const SYNC_PATH = /^\/sync\/(?:(v)\/)?([^/?#]+)$/;
/** WebSocket's own close code for a message too big to take (RFC 6455), as \`maxPayload\` sends it. */
const MESSAGE_TOO_BIG = 1009;

export interface WebSocketSyncOptions {
  maxMessageBytes: number;
  logger: Logger;
  /** Returns false when the request's Origin may not open a socket. */
  isAllowedOrigin: (origin: string | undefined, request: IncomingMessage) => boolean;
  /** Open sockets per address, shared with Socket.IO. */
  connections?: ConnectionCounter;
  /** Whose `X-Forwarded-For` names the client (`TRUST_PROXY`), as for Socket.IO. */
  trustProxy: TrustProxy;
  /** Past this many messages in one second the socket is closed with `RATE_LIMITED`. */
  messagesPerSecond?: number;
}

export function attachWebSocketSync(
  server: HttpServer,
  router: BoardRouter,
  boards: BoardFinder,
  options: WebSocketSyncOptions,
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = SYNC_PATH.exec(url.pathname);
    // Other upgrades (Socket.IO's own) are not ours: leave them alone.
    if (!match) return;
    // With the request: without PUBLIC_URL, the page's origin is checked against the Host it came to.
    if (!options.isAllowedOrigin(request.headers.origin, request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const ip = clientAddress(
      request.socket.remoteAddress,
      request.headers['x-forwarded-for'],
      options.trustProxy,
    );
    // Counted from the upgrade request on, shared with Socket.IO (and, with Redis, every process).
    void (options.connections?.acquire(ip) ?? Promise.resolve({ over: false, release: () => {} })).then(
      (slot) => {
        if (!slot) {
          socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\n');
          return;
        }
        // The request's socket may have gone while the place was counted.
        socket.once('close', () => slot.release());
        if (socket.destroyed) return slot.release();
        wss.handleUpgrade(request, socket, head, (ws) => {
          ws.once('close', () => slot.release());
          // Past the cap: accepted, then closed with tldraw's own reason, so a stock client shows why.
          if (slot.over) return ws.close(TLSyncErrorCloseEventCode, TLSyncErrorCloseEventReason.RATE_LIMITED);
          if (options.messagesPerSecond) limitRate(ws, options.messagesPerSecond);
          const target = safeDecode(match[2] ?? '');
          void acceptConnection(ws, match[1] ? { viewerKey: target } : { boardId: target }, url.searchParams);
        });
      },
      () => socket.destroy(),
    );
  });

  async function acceptConnection(
    ws: WebSocket,
    target: { boardId: string } | { viewerKey: string },
    params: URLSearchParams,
  ): Promise<void> {
    const sessionId = params.get('sessionId');
    const reject = (reason: string) => ws.close(TLSyncErrorCloseEventCode, reason);
    // Before anything else, so no other process ever sees it (rooms/SPEC.md R-RELAY-3).
    if (!syncSessionIdSchema.safeParse(sessionId).success)
      return reject(TLSyncErrorCloseEventReason.NOT_FOUND);
    ws.on('error', (error) => options.logger.debug({ err: error.message }, 'websocket error'));
    // A reconnecting tldraw client reuses its session id; give each socket its own room session.
    const roomSessionId = `ws:${sessionId}:${randomUUID()}`;
    // Messages go to the room from here (it does not listen to the socket itself), so that what a
    // client has sent in chunks stays bounded like one message, here and at a remote owner.
    const chunks = new PendingChunks(options.maxMessageBytes);
    // The client speaks first (its connect request) while the room may still be opening.
    const early: string[] = [];
    let earlyBytes = 0;
    let link: SessionLink | null = null;
    const tooLarge = () => ws.close(MESSAGE_TOO_BIG, ErrorCode.messageTooLarge);
    ws.on('message', (data: RawData) => {
      const message = String(data);
      const bytes = Buffer.isBuffer(data) ? data.length : Buffer.byteLength(message, 'utf8');
      if (!chunks.admit(message, bytes)) return tooLarge();
      if (link) return link.handleSocketMessage(roomSessionId, message);
      earlyBytes += bytes;
      if (earlyBytes > options.maxMessageBytes) return tooLarge();
      early.push(message);
    });
    ws.on('close', () => link?.handleSocketClose(roomSessionId));
    let boardId: string | undefined;
    try {
      // Read-only comes from the link, never from the client: a viewer's pushes are ignored by the room.
      const viewerKey = 'viewerKey' in target ? target.viewerKey : undefined;
      const board = await ('viewerKey' in target
        ? boards.findByViewerKey(target.viewerKey)
        : boards.find(target.boardId));
      if (!board) return reject(TLSyncErrorCloseEventReason.NOT_FOUND);
      boardId = board.meta.id;
      if (ws.readyState !== ws.OPEN) return;
      const forViewer = viewerKey ? viewerMessageRewriter(boardId, viewerKey) : (data: string) => data;
      const open = await router.connect(boardId, {
        sessionId: roomSessionId,
        socket: {
          send: (message: string) => ws.send(forViewer(message)),
          close: (code?: number, reason?: string) => ws.close(code, reason),
          get readyState() {
            return ws.readyState;
          },
        },
        isReadonly: viewerKey !== undefined,
        meta: {
          userId: `ws:${sessionId}`,
          name: params.get('name')?.slice(0, 60) ?? 'tldraw',
          role: viewerKey !== undefined ? 'viewer' : 'participant',
        },
      });
      link = open;
      for (const message of early.splice(0)) link.handleSocketMessage(roomSessionId, message);
      if (ws.readyState !== ws.OPEN) link.handleSocketClose(roomSessionId);
    } catch (error) {
      options.logger.error({ boardId, err: (error as Error).message }, 'websocket sync connection failed');
      reject(TLSyncErrorCloseEventReason.UNKNOWN_ERROR);
    }
  }

  return wss;
}

/** `%E0%A4%A` and friends: a malformed path is an unknown board, not an exception. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

function limitRate(ws: WebSocket, perSecond: number): void {
  let windowStartedAt = 0;
  let count = 0;
  ws.on('message', () => {
    const now = Date.now();
    if (now - windowStartedAt >= 1000) {
      windowStartedAt = now;
      count = 0;
    }
    count += 1;
    if (count === perSecond + 1)
      ws.close(TLSyncErrorCloseEventCode, TLSyncErrorCloseEventReason.RATE_LIMITED);
  });
}
