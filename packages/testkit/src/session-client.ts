// A Socket.IO client that only takes part in facilitation (no canvas): states in, commands out.
import { SocketEvent, type CommandAck, type PublicSessionState, type SocketError } from '@atelier/protocol';
import type { BoardClientSocket } from '@atelier/sync-transport';
import { connectBoardSocket, type SocketIoClientOptions } from './sync-clients';

export class TestSessionClient {
  readonly states: PublicSessionState[] = [];
  readonly errors: SocketError[] = [];

  constructor(readonly socket: BoardClientSocket) {
    socket.on(SocketEvent.sessionState, (state) => this.states.push(state));
    socket.on(SocketEvent.error, (error) => this.errors.push(error));
  }

  get latest(): PublicSessionState | undefined {
    return this.states.at(-1);
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  command(command: unknown): Promise<CommandAck> {
    return new Promise((resolve) => this.socket.emit(SocketEvent.sessionCommand, command, resolve));
  }

  async waitForState(
    predicate: (state: PublicSessionState) => boolean,
    what = 'a session state',
    timeoutMs = 10_000,
  ): Promise<PublicSessionState> {
    const started = Date.now();
    for (;;) {
      const found = this.states.findLast(predicate);
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function connectSessionClient(baseUrl: string, options: SocketIoClientOptions): TestSessionClient {
  return new TestSessionClient(connectBoardSocket(baseUrl, options));
}
