// The board's one Socket.IO connection: tldraw sync rides on it, and so do facilitation events.
import {
  SocketEvent,
  type CommandAck,
  type ConnectAuth,
  type PublicSessionState,
  type SocketError,
  type Welcome,
} from '@atelier/protocol';
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

interface ClockSample {
  rtt: number;
  offset: number;
}

export class BoardConnection {
  readonly socket: BoardSocket;
  private state: ConnectionState = {
    status: 'connecting',
    welcome: null,
    session: null,
    error: null,
    clockOffsetMs: 0,
  };
  private readonly listeners = new Set<() => void>();
  private clockSamples: ClockSample[] = [];
  private clockTimer: ReturnType<typeof setInterval> | null = null;

  constructor(auth: ConnectAuth) {
    this.socket = io({
      auth,
      autoConnect: false,
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => {
      this.update({ status: 'online', error: null });
      void this.measureClock();
    });
    this.socket.on('disconnect', () => this.update({ status: 'reconnecting' }));
    this.socket.on('connect_error', (error: Error & { data?: SocketError }) => {
      // A refused handshake (unknown board, bad key) will not succeed by retrying.
      if (error.data?.code) {
        this.socket.disconnect();
        this.update({ status: 'refused', error: error.data });
      } else {
        this.update({ status: 'reconnecting' });
      }
    });
    this.socket.on(SocketEvent.welcome, (welcome) => this.update({ welcome }));
    this.socket.on(SocketEvent.sessionState, (session) => this.update({ session }));
    this.socket.on(SocketEvent.error, (error) => this.update({ error }));
  }

  /** Connects (again): safe to call after `close()`, as React's development double-mount does. */
  open(): void {
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

  /** A few round trips; the fastest one gives the least uncertain offset. */
  private async measureClock(): Promise<void> {
    for (let i = 0; i < 5 && this.socket.connected; i++) {
      const sample = await new Promise<ClockSample | null>((resolve) => {
        const clientSentAt = Date.now();
        this.socket.timeout(5000).emit(SocketEvent.timeSync, { clientSentAt }, (error, response) => {
          if (error || !response) return resolve(null);
          const receivedAt = Date.now();
          const rtt = receivedAt - clientSentAt;
          resolve({ rtt, offset: response.serverTime + rtt / 2 - receivedAt });
        });
      });
      if (sample) this.clockSamples.push(sample);
    }
    this.clockSamples = this.clockSamples.sort((a, b) => a.rtt - b.rtt).slice(0, 10);
    const best = this.clockSamples[0];
    if (best) this.update({ clockOffsetMs: best.offset });
  }

  close(): void {
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = null;
    this.socket.disconnect();
  }
}
