// The board's one Socket.IO connection: tldraw sync rides on it, and so do facilitation events.
import {
  ErrorCode,
  SocketEvent,
  type CommandAck,
  type ConnectAuth,
  type PublicSessionState,
  type SocketError,
  type Welcome,
} from '@atelier/protocol';
import { estimateClockOffset, type ClockSample } from '@atelier/session';
import type { BoardClientSocket } from '@atelier/sync-transport';
import { io } from 'socket.io-client';

export type BoardSocket = BoardClientSocket;

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'refused';

export interface ConnectionState {
  status: ConnectionStatus;
  welcome: Welcome | null;
  session: PublicSessionState | null;
  /** The last error the server sent, or why the connection was refused. */
  error: SocketError | null;
  /** serverTime - clientTime, estimated from the fastest of several round trips. */
  clockOffsetMs: number;
}

/** Handshake refusals that retrying cannot fix. */
const FINAL_REFUSALS = new Set<string>([
  ErrorCode.boardNotFound,
  ErrorCode.unauthorized,
  ErrorCode.forbidden,
  ErrorCode.invalidPayload,
  ErrorCode.removed,
  // Retried by hand ("Try again"), once someone has left: not a loop of refused handshakes.
  ErrorCode.sessionFull,
]);

export class BoardConnection {
  private closed = false;
  readonly socket: BoardSocket;
  private state: ConnectionState = {
    status: 'connecting',
    welcome: null,
    session: null,
    error: null,
    clockOffsetMs: 0,
  };
  private readonly listeners = new Set<() => void>();
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  private freshConnection = false;
  private clockMeasured = false;

  constructor(auth: ConnectAuth) {
    this.socket = io({
      auth,
      autoConnect: false,
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => {
      this.retryDelayMs = 1000;
      this.freshConnection = true;
      this.update({ status: 'online', error: null });
      void this.measureClock();
    });
    this.socket.on('disconnect', () => {
      if (this.state.status !== 'refused') this.update({ status: 'reconnecting' });
    });
    this.socket.on('connect_error', (error: Error & { data?: SocketError }) => {
      const refusal = error.data;
      if (refusal && FINAL_REFUSALS.has(refusal.code)) {
        // An unknown board or a wrong key will not succeed by retrying.
        this.socket.disconnect();
        this.update({ status: 'refused', error: refusal });
        return;
      }
      this.update({ status: 'reconnecting', ...(refusal ? { error: refusal } : {}) });
      // Socket.IO does not retry a handshake the server refused (busy store, rate limit): we do.
      if (refusal) this.retryLater();
    });
    this.socket.on(SocketEvent.welcome, (welcome) =>
      // Until the first round trips are measured, the welcome's time is a fair guess (off by the
      // one-way delay), better than trusting this computer's clock.
      this.update(
        this.clockMeasured ? { welcome } : { welcome, clockOffsetMs: welcome.serverTime - Date.now() },
      ),
    );
    this.socket.on(SocketEvent.sessionState, (session) => {
      // A late broadcast must not undo a newer one: revisions only grow. The first state of a
      // new connection is the server's word, whatever we saw before.
      const current = this.state.session;
      if (current && !this.freshConnection && session.revision < current.revision) return;
      this.freshConnection = false;
      this.update({ session });
    });
    this.socket.on(SocketEvent.error, (error) => {
      // Removed by the facilitator: the server closes the socket; nothing to reconnect to.
      if (error.code === ErrorCode.removed) this.update({ status: 'refused', error });
      else this.update({ error });
    });
  }

  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs = 1000;

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.socket.connect();
    }, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 15_000);
  }

  /** Connects (again): safe to call after `close()`, as React's development double-mount does. */
  open(): void {
    this.closed = false;
    this.socket.connect();
    if (!this.clockTimer) this.clockTimer = setInterval(() => void this.measureClock(), 30_000);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ConnectionState => this.state;

  private update(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Shows a refusal decided here (the editor kept a change the server would refuse) like the server's. */
  notice(error: SocketError): void {
    this.update({ error });
  }

  /** Sends a facilitation command and resolves with the server's verdict. */
  command(command: unknown): Promise<CommandAck> {
    return new Promise((resolve) => {
      this.socket
        .timeout(10_000)
        .emit(SocketEvent.sessionCommand, command, (error: Error | null, ack?: CommandAck) => {
          if (error || !ack) {
            resolve({
              ok: false,
              error: { code: 'internal_error', message: 'the server did not answer in time' },
            });
          } else {
            resolve(ack);
          }
        });
    });
  }

  /** A few round trips; the fastest one gives the least uncertain offset (S-CLOCK-1). */
  private async measureClock(): Promise<void> {
    // This round's samples only: the computer's clock may have jumped since (sleep, NTP).
    const samples: ClockSample[] = [];
    for (let i = 0; i < 5 && this.socket.connected; i++) {
      const sample = await new Promise<ClockSample | null>((resolve) => {
        const clientSentAt = Date.now();
        this.socket.timeout(5000).emit(SocketEvent.timeSync, { clientSentAt }, (error, response) => {
          if (error || !response) return resolve(null);
          resolve({ clientSentAt, serverTime: response.serverTime, clientReceivedAt: Date.now() });
        });
      });
      if (sample) samples.push(sample);
    }
    const best = estimateClockOffset(samples);
    if (best) this.clockMeasured = true;
    if (best && best.offsetMs !== this.state.clockOffsetMs) this.update({ clockOffsetMs: best.offsetMs });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = null;
    this.socket.disconnect();
  }
}
