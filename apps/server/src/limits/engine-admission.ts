// Counts every engine.io connection (polling or WebSocket) against the per-address cap from its
// handshake request, before Socket.IO's own connect packet: a raw engine.io client that never says
// which board it wants still holds a place, and only for the handshake timeout, after which it is
// discarded at once (engine.io's own close would wait for a poll that never comes).
import type { IncomingMessage } from 'node:http';
import { clientAddress, type TrustProxy } from '../http/client-address';
import type { ConnectionCounter, ConnectionSlot } from './connection-counter';

/** engine.io's `allowRequest` callback: an error message (sent with a 403) or null, and a verdict. */
type AllowCallback = (error: string | null | undefined, success: boolean) => void;

/** The parts of engine.io's server this needs. */
export interface EngineEvents {
  on(event: 'connection', listener: (connection: EngineConnection) => void): unknown;
  on(event: 'connection_error', listener: (error: { req?: IncomingMessage }) => void): unknown;
}
interface EngineConnection {
  request: IncomingMessage;
  once(event: 'close', listener: () => void): unknown;
  /** `discard`: close now, without waiting to flush to a client that may never poll again. */
  close(discard?: boolean): unknown;
}

interface Admitted {
  slot: ConnectionSlot;
  handshakeTimer: NodeJS.Timeout | undefined;
  connection?: EngineConnection;
}

export class EngineAdmission {
  private readonly admitted = new WeakMap<IncomingMessage, Admitted>();

  constructor(
    private readonly connections: ConnectionCounter,
    private readonly trustProxy: TrustProxy,
    private readonly isAllowedOrigin: (origin: string | undefined, request: IncomingMessage) => boolean,
    /** How long a connection may go without sending Socket.IO's connect packet (`connected`). */
    private readonly handshakeTimeoutMs: number,
  ) {}

  /** For Socket.IO's `allowRequest` option: origin, then a place under the address's cap. */
  readonly allowRequest = (request: IncomingMessage, callback: AllowCallback): void => {
    if (!this.isAllowedOrigin(request.headers.origin, request)) {
      callback('origin not allowed', false);
      return;
    }
    const address = clientAddress(
      request.socket.remoteAddress,
      request.headers['x-forwarded-for'],
      this.trustProxy,
    );
    this.connections.acquire(address).then(
      (slot) => {
        if (!slot) return callback('too many open connections from this address', false);
        const entry: Admitted = { slot, handshakeTimer: undefined };
        // Also frees the place of a handshake that failed after admission and never became a connection.
        entry.handshakeTimer = setTimeout(() => {
          slot.release();
          entry.connection?.close(true);
        }, this.handshakeTimeoutMs);
        entry.handshakeTimer.unref();
        this.admitted.set(request, entry);
        callback(null, true);
      },
      () => callback('the connection could not be counted', false),
    );
  };

  /** Frees each connection's place when it closes, however it closes. */
  attach(engine: EngineEvents): void {
    engine.on('connection', (connection) => {
      const entry = this.admitted.get(connection.request);
      if (!entry) return;
      entry.connection = connection;
      connection.once('close', () => {
        clearTimeout(entry.handshakeTimer);
        entry.slot.release();
      });
    });
    engine.on('connection_error', (error) => {
      if (error.req) this.admitted.get(error.req)?.slot.release();
    });
  }

  /** The connection sent Socket.IO's connect packet: it keeps its place until it closes. */
  connected(request: IncomingMessage): void {
    clearTimeout(this.admitted.get(request)?.handshakeTimer);
  }

  /** True when this handshake was let in past the cap, only to be refused with a coded error. */
  isOver(request: IncomingMessage): boolean {
    return this.admitted.get(request)?.slot.over ?? false;
  }
}
