// The host half of the relay: sessions this process runs in its rooms for clients connected to
// another process. Each gets a proxy socket whose sends go back to the client's process through
// the outbox (one batch per process and tick). A failure while handling one board's frames is
// logged and ends that board's relayed sessions (their clients reconnect), never the process.
import type { WebSocketMinimal } from '@tldraw/sync-core';
import type { Logger } from '../logger';
import { RelayOutbox } from './relay-batch';
import type { RelayBus } from './relay-bus';
import type { RelayFrame } from './relay-codec';
import type { SessionLink, SyncSession } from './sync-session';

interface HostedSession {
  boardId: string;
  /** The client's process. */
  from: string;
  proxy: WebSocketMinimal;
  /** The room, once the session has joined it. */
  link: SessionLink | null;
  /** Messages that arrived while the room was opening. */
  pending: string[];
  /** The client left. */
  ended: boolean;
  /** The room ended the session. */
  closed: boolean;
}

export interface RelayHostOptions {
  bus: RelayBus;
  logger: Logger;
  /** Joins a session to its board's room here if this process holds the board (or takes it); null if not. */
  connectHere: (boardId: string, session: SyncSession) => Promise<SessionLink | null>;
}

export class RelayHost {
  private readonly hosted = new Map<string, HostedSession>();
  private readonly outbox: RelayOutbox;

  constructor(private readonly options: RelayHostOptions) {
    this.outbox = new RelayOutbox((processId, messages) => {
      options.bus.publish(processId, { kind: 'send', messages }).catch(() => {});
    });
  }

  receive(frame: Extract<RelayFrame, { kind: 'open' | 'message' | 'end' }>): void {
    if (frame.kind === 'open') {
      // Session ids are unique (a connection's id, or a random one): a second opening is not a client's.
      if (this.hosted.has(frame.sessionId)) return;
      void this.host(frame);
      return;
    }
    const hosted = this.hosted.get(frame.sessionId);
    if (!hosted) return;
    if (frame.kind === 'message') {
      if (!hosted.link) return void hosted.pending.push(frame.data);
      const link = hosted.link;
      this.guarded(hosted.boardId, () => link.handleSocketMessage(frame.sessionId, frame.data));
      return;
    }
    this.end(frame.sessionId, hosted);
  }

  /** Runs a session for a client connected to another process, in our room. */
  private async host(request: Extract<RelayFrame, { kind: 'open' }>): Promise<void> {
    const { sessionId, boardId, from } = request;
    const hosted: HostedSession = {
      boardId,
      from,
      proxy: {
        send: (data: string) => {
          if (!hosted.closed) this.outbox.push(from, sessionId, data);
        },
        close: (code?: number, reason?: string) => this.closeHosted(sessionId, hosted, code, reason),
        get readyState() {
          return hosted.closed ? 3 : 1;
        },
      },
      link: null,
      pending: [],
      ended: false,
      closed: false,
    };
    this.hosted.set(sessionId, hosted);
    try {
      const link = await this.options.connectHere(boardId, {
        sessionId,
        socket: hosted.proxy,
        isReadonly: request.isReadonly,
        meta: request.meta,
      });
      if (!link) return hosted.proxy.close();
      hosted.link = link;
      for (const message of hosted.pending.splice(0)) link.handleSocketMessage(sessionId, message);
      if (hosted.ended) link.handleSocketClose(sessionId);
    } catch (error) {
      this.options.logger.error(
        { boardId, err: (error as Error).message },
        'could not host a remote session',
      );
      hosted.proxy.close();
    }
  }

  private closeHosted(sessionId: string, hosted: HostedSession, code?: number, reason?: string): void {
    if (hosted.closed) return;
    hosted.closed = true;
    if (this.hosted.get(sessionId) === hosted) this.hosted.delete(sessionId);
    // After the messages already queued for this client, so it gets them before the close.
    this.outbox.flush();
    this.options.bus
      .publish(hosted.from, {
        kind: 'close',
        sessionId,
        ...(code === undefined ? {} : { code }),
        ...(reason ? { reason } : {}),
      })
      .catch(() => {});
  }

  private guarded(boardId: string, handle: () => void): void {
    try {
      handle();
    } catch (error) {
      this.options.logger.error({ boardId, err: (error as Error).stack }, 'relayed message handling failed');
      this.endBoard(boardId);
    }
  }

  /** Ends every session relayed to one board here; their clients reconnect and resync. */
  endBoard(boardId: string): void {
    for (const [sessionId, hosted] of [...this.hosted]) {
      if (hosted.boardId !== boardId) continue;
      this.end(sessionId, hosted);
      this.closeHosted(sessionId, hosted);
    }
  }

  /** The relay connection was lost: every hosted session ends here (the clients' side drops them too). */
  dropAll(): void {
    for (const [sessionId, hosted] of [...this.hosted]) this.end(sessionId, hosted);
  }

  private end(sessionId: string, hosted: HostedSession): void {
    hosted.ended = true;
    this.hosted.delete(sessionId);
    const link = hosted.link;
    if (!link) return;
    try {
      link.handleSocketClose(sessionId);
    } catch (error) {
      this.options.logger.error(
        { boardId: hosted.boardId, err: (error as Error).message },
        'ending a relayed session failed',
      );
    }
  }
}
