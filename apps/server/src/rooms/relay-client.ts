// The client half of the relay: sessions of clients connected to this process whose board runs in
// another one (its owner). Their messages are published to the owner; what the owner's room sends
// them comes back in batches. A session whose owner is gone, or no longer holds the board, is
// dropped without a fatal reason, so its client reconnects and is routed again (R-RELAY-6).
import type { WebSocketMinimal } from '@tldraw/sync-core';
import type { Logger } from '../logger';
import type { RelayBus } from './relay-bus';
import type { RelayFrame } from './relay-codec';
import type { SessionLink, SyncSession } from './sync-session';

interface RemoteSession {
  boardId: string;
  owner: string;
  socket: WebSocketMinimal;
  detach: () => void;
}

export interface RelayClientOptions {
  bus: RelayBus;
  /** This process, where owners send our sessions' messages. */
  processId: string;
  logger: Logger;
  /** Which process holds a board now. */
  ownerOf: (boardId: string) => Promise<string | null>;
  /** How often the owners of the boards served remotely are checked. */
  ownerCheckMs: number;
}

export class RelayClient {
  private readonly remote = new Map<string, RemoteSession>();
  private readonly ownerCheck: NodeJS.Timeout;

  constructor(private readonly options: RelayClientOptions) {
    this.ownerCheck = setInterval(() => void this.checkOwners(), options.ownerCheckMs);
    this.ownerCheck.unref();
  }

  /** Serves a session of ours through the board's owner. */
  connect(owner: string, boardId: string, session: SyncSession): SessionLink {
    const { bus } = this.options;
    const { sessionId, socket } = session;
    const sent = (id: string) => (receivers: number) => {
      if (receivers === 0) this.drop(id, 'owner gone');
    };
    const unreachable = (id: string) => () => this.drop(id, 'redis unavailable');
    const link: SessionLink = {
      handleSocketMessage: (id, data) => {
        bus.publish(owner, { kind: 'message', sessionId: id, data }).then(sent(id), unreachable(id));
      },
      handleSocketClose: (id) => {
        const remote = this.remote.get(id);
        if (!remote) return;
        this.remote.delete(id);
        remote.detach();
        bus.publish(owner, { kind: 'end', sessionId: id }).catch(() => {});
      },
    };
    // A raw WebSocket (the native endpoint) is listened to here, as TLSocketRoom would do itself.
    const onMessage = (event: { data: unknown }) => link.handleSocketMessage(sessionId, String(event.data));
    const onClose = () => link.handleSocketClose(sessionId);
    socket.addEventListener?.('message', onMessage);
    socket.addEventListener?.('close', onClose);
    this.remote.set(sessionId, {
      boardId,
      owner,
      socket,
      detach: () => {
        socket.removeEventListener?.('message', onMessage);
        socket.removeEventListener?.('close', onClose);
      },
    });
    bus
      .publish(owner, {
        kind: 'open',
        sessionId,
        boardId,
        from: this.options.processId,
        isReadonly: session.isReadonly,
        meta: session.meta,
      })
      .then(sent(sessionId), unreachable(sessionId));
    return link;
  }

  /** What an owner sends our sessions. */
  receive(frame: Extract<RelayFrame, { kind: 'send' | 'close' }>): void {
    if (frame.kind === 'close') {
      const remote = this.remote.get(frame.sessionId);
      if (!remote) return;
      this.remote.delete(frame.sessionId);
      remote.detach();
      this.guarded(remote.boardId, () => remote.socket.close(frame.code, frame.reason));
      return;
    }
    for (const [sessionId, data] of frame.messages) {
      const remote = this.remote.get(sessionId);
      if (remote) this.guarded(remote.boardId, () => remote.socket.send(data));
    }
  }

  /** A failure in one board's delivery ends that board's relayed sessions here, nothing else. */
  private guarded(boardId: string, deliver: () => void): void {
    try {
      deliver();
    } catch (error) {
      this.options.logger.error({ boardId, err: (error as Error).stack }, 'relay delivery failed');
      this.dropBoard(boardId, 'delivery failed');
    }
  }

  /** Ends a remote session without a fatal reason: the client reconnects and is routed again. */
  drop(sessionId: string, why: string): void {
    const remote = this.remote.get(sessionId);
    if (!remote) return;
    this.remote.delete(sessionId);
    remote.detach();
    this.options.logger.debug({ boardId: remote.boardId, why }, 'remote sync session dropped');
    try {
      remote.socket.close();
    } catch (error) {
      this.options.logger.warn({ err: (error as Error).message }, 'closing a relayed socket failed');
    }
  }

  dropBoard(boardId: string, why: string): void {
    for (const [sessionId, remote] of [...this.remote]) {
      if (remote.boardId === boardId) this.drop(sessionId, why);
    }
  }

  dropAll(why: string): void {
    for (const sessionId of [...this.remote.keys()]) this.drop(sessionId, why);
  }

  /** Sessions served by an owner that no longer holds the board are dropped, to be routed again. */
  private async checkOwners(): Promise<void> {
    const byBoard = new Map<string, string[]>();
    for (const [sessionId, remote] of this.remote) {
      byBoard.set(remote.boardId, [...(byBoard.get(remote.boardId) ?? []), sessionId]);
    }
    for (const [boardId, sessionIds] of byBoard) {
      try {
        const owner = await this.options.ownerOf(boardId);
        const alive = owner !== null && (await this.options.bus.isAlive(owner));
        for (const sessionId of sessionIds) {
          if (!alive || this.remote.get(sessionId)?.owner !== owner)
            this.drop(sessionId, 'board changed owner');
        }
      } catch {
        // Redis unreachable: look again next time.
      }
    }
  }

  close(): void {
    clearInterval(this.ownerCheck);
    this.dropAll('shutting down');
  }
}
