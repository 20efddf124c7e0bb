// A server-side write goes through the room, never around it (ARCHITECTURE.md): the server joins the
// board's room as a short-lived sync session of its own, wherever the room runs (here, or in the
// process holding the board, through the relay), reads the document as the room has it, pushes its
// changes as one push that the room validates, authorises (as the facilitator) and broadcasts like
// anyone's, and leaves once the room has answered.
import { randomUUID } from 'node:crypto';
import * as syncCore from '@tldraw/sync-core';
import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import type { BoardRouter } from './board-router';
import type { SessionLink, SyncSessionMeta } from './sync-session';

const schema = createTLSchema().serialize();

// tldraw's sync protocol, as its own client speaks it (`protocol.ts` in sync-core): exported at run time,
// marked internal in its types, so the few shapes used here are written out.
const { getTlsyncProtocolVersion } = syncCore as unknown as { getTlsyncProtocolVersion: () => number };
const PUT = 'put';
type ServerEvent =
  | { type: 'connect'; diff: Record<string, [string, TLRecord]> }
  | { type: 'push_result'; clientClock: number; action: 'commit' | 'discard' | object }
  | { type: 'data'; data: ServerEvent[] }
  | { type: 'patch' | 'pong' | 'custom' | 'incompatibility_error' };
type ClientMessage =
  | {
      type: 'connect';
      connectRequestId: string;
      lastServerClock: number;
      protocolVersion: number;
      schema: unknown;
    }
  | { type: 'push'; clientClock: number; diff: Record<string, [string, TLRecord]> };

export class RoomWriteError extends Error {}

export interface RoomWritePlan<T> {
  /** Records to create or replace, whole. */
  put: TLRecord[];
  /** What the caller answers once the write is in. */
  result: T;
}

export interface RoomWriterOptions {
  /** Who the room sees writing (its record authorisers judge this role). */
  meta: SyncSessionMeta;
  /** How long the room may take to answer before the write is given up. */
  timeoutMs?: number;
}

/** A server session's sends, read back as the room's events (a `data` message holds several). */
function events(message: ServerEvent): ServerEvent[] {
  return message.type === 'data' ? message.data : [message];
}

export class RoomWriter {
  constructor(
    private readonly router: BoardRouter,
    private readonly options: RoomWriterOptions,
  ) {}

  /**
   * Reads the board's document as its room has it, hands it to `plan`, and writes what `plan` returns
   * as one push. Rejects with `RoomWriteError` when the room refuses the push or does not answer.
   */
  async write<T>(boardId: string, plan: (records: TLRecord[]) => RoomWritePlan<T>): Promise<T> {
    const sessionId = `server-${randomUUID()}`;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    let open = true;
    let waiting: {
      resolve: (event: ServerEvent) => void;
      reject: (e: Error) => void;
      want: (e: ServerEvent) => boolean;
    } | null = null;
    const early: ServerEvent[] = [];

    const next = (want: (event: ServerEvent) => boolean, what: string) =>
      new Promise<ServerEvent>((resolve, reject) => {
        const found = early.findIndex(want);
        if (found >= 0) return resolve(early.splice(found, 1)[0]!);
        const timer = setTimeout(() => {
          waiting = null;
          reject(new RoomWriteError(`the board's room did not answer (${what})`));
        }, timeoutMs);
        timer.unref();
        waiting = {
          want,
          resolve: (event) => {
            clearTimeout(timer);
            resolve(event);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
      });

    const link: SessionLink = await this.router.connect(boardId, {
      sessionId,
      isReadonly: false,
      meta: this.options.meta,
      socket: {
        send: (data: string) => {
          for (const event of events(JSON.parse(data) as ServerEvent)) {
            if (waiting?.want(event)) {
              const { resolve } = waiting;
              waiting = null;
              resolve(event);
            } else early.push(event);
          }
        },
        close: (_code?: number, reason?: string) => {
          open = false;
          waiting?.reject(new RoomWriteError(`the board's room ended the write: ${reason ?? 'closed'}`));
          waiting = null;
        },
        get readyState() {
          return open ? 1 : 3;
        },
      },
    });
    const send = (message: ClientMessage) => link.handleSocketMessage(sessionId, JSON.stringify(message));
    try {
      const connected = next((event) => event.type === 'connect', 'connect');
      send({
        type: 'connect',
        connectRequestId: randomUUID(),
        // Before any clock: the room answers with the whole document.
        lastServerClock: -1,
        protocolVersion: getTlsyncProtocolVersion(),
        schema,
      });
      const hello = await connected;
      if (hello.type !== 'connect') throw new RoomWriteError('unexpected answer');
      const records = Object.values(hello.diff).flatMap(([op, record]) =>
        op === PUT && record.typeName !== 'instance_presence' ? [record] : [],
      );
      const { put, result } = plan(records);
      if (put.length === 0) return result;
      const answered = next((event) => event.type === 'push_result' && event.clientClock === 1, 'push');
      send({
        type: 'push',
        clientClock: 1,
        diff: Object.fromEntries(put.map((record) => [record.id, [PUT, record]])),
      });
      const answer = await answered;
      if (answer.type === 'push_result' && answer.action === 'discard')
        throw new RoomWriteError('the board refused the change');
      return result;
    } finally {
      open = false;
      link.handleSocketClose(sessionId);
    }
  }
}
