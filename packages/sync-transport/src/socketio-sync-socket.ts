// tldraw's client transport interface, implemented over the board's Socket.IO connection.
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '@atelier/protocol';
import * as syncCore from '@tldraw/sync-core';
import {
  TLSyncErrorCloseEventCode,
  TLSyncErrorCloseEventReason,
  type TLPersistentClientSocket,
  type TLSocketStatusChangeEvent,
} from '@tldraw/sync-core';
import type { Socket } from 'socket.io-client';

export type BoardClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type Status = TLPersistentClientSocket['connectionStatus'];

// tldraw ships `chunk` at run time but leaves it out of its public types (it is what its own
// WebSocket adapter uses). Using the same function keeps our chunks readable by the server's
// JsonChunkAssembler whatever tldraw's chunk format becomes.
const { chunk } = syncCore as unknown as {
  chunk: (message: string, maxSafeMessageSize?: number) => string[];
};

export class SocketIoSyncSocket implements TLPersistentClientSocket<object, object> {
  private status: Status = 'offline';
  private fatalReason: string | null = null;
  private readonly messageListeners = new Set<(message: object) => void>();
  private readonly statusListeners = new Set<(event: TLSocketStatusChangeEvent) => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly socket: BoardClientSocket) {
    const onConnect = () => {
      this.fatalReason = null;
      this.setStatus('online');
    };
    const onDisconnect = (reason: string) => {
      if (this.fatalReason) return this.setStatus('error', this.fatalReason);
      this.setStatus('offline');
      // A server-side disconnect (room reset, oversized message) is not retried by Socket.IO itself.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 500);
    };
    // The server sends each message as a JSON value embedded in the event (parsed once, by
    // Socket.IO); a string is still accepted, as sent by older servers or through `emit`.
    const onMessage = (data: string | object) => {
      if (typeof data === 'object' && data !== null) {
        for (const listener of this.messageListeners) listener(data);
        return;
      }
      let parsed: object;
      try {
        parsed = JSON.parse(data) as object;
      } catch {
        this.restart();
        return;
      }
      for (const listener of this.messageListeners) listener(parsed);
    };
    const onSyncClose = ({ code, reason }: { code: number; reason: string }) => {
      if (code === TLSyncErrorCloseEventCode)
        this.fatalReason = reason || TLSyncErrorCloseEventReason.UNKNOWN_ERROR;
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on(SocketEvent.sync, onMessage);
    socket.on(SocketEvent.syncClose, onSyncClose);
    this.unsubscribe = () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off(SocketEvent.sync, onMessage);
      socket.off(SocketEvent.syncClose, onSyncClose);
    };
    if (socket.connected) this.status = 'online';
  }

  get connectionStatus(): Status {
    return this.status;
  }

  private setStatus(status: Status, reason?: string): void {
    if (this.status === status) return;
    this.status = status;
    const event: TLSocketStatusChangeEvent =
      status === 'error'
        ? { status, reason: reason ?? TLSyncErrorCloseEventReason.UNKNOWN_ERROR }
        : { status };
    for (const listener of this.statusListeners) listener(event);
  }

  sendMessage(message: object): void {
    if (this.status !== 'online') return;
    // Socket.IO refuses frames over its buffer size; tldraw's chunking keeps each piece well under it.
    for (const part of chunk(JSON.stringify(message))) this.socket.emit(SocketEvent.sync, part);
  }

  onReceiveMessage(callback: (message: object) => void): () => void {
    this.messageListeners.add(callback);
    return () => this.messageListeners.delete(callback);
  }

  onStatusChange(callback: (event: TLSocketStatusChangeEvent) => void): () => void {
    this.statusListeners.add(callback);
    return () => this.statusListeners.delete(callback);
  }

  restart(): void {
    this.socket.disconnect();
    this.setStatus('offline');
    this.socket.connect();
  }

  close(): void {
    this.unsubscribe();
    this.messageListeners.clear();
    this.statusListeners.clear();
  }
}
