// Reading a shape in a board's live room from any process (R-RELAY-8): the session service checks a
// vote's cast against the canvas, and the room may run in another process. The asker publishes a
// `lookup` to the board's owner, which answers with the shape and its ancestors; no answer in time
// (owner gone, overloaded) reads as "cannot tell".
import type { TLRecord } from '@tldraw/tlschema';
import type { Logger } from '../logger';
import type { RelayBus } from './relay-bus';
import type { RelayFrame } from './relay-codec';
import type { ShapeChain } from './room-registry';

export interface RelayLookupOptions {
  bus: RelayBus;
  processId: string;
  logger: Logger;
  /** The chain in a room open here; undefined when the room is not open here. */
  chainHere: (boardId: string, shapeId: string) => Promise<ShapeChain | undefined>;
  timeoutMs?: number;
}

interface Pending {
  resolve: (chain: ShapeChain | undefined) => void;
  timer: NodeJS.Timeout;
}

/** Most ancestors a chain may carry (tldraw nests frames and groups a few levels deep). */
const MAX_CHAIN = 32;

/** The chain an owner sent: an array of records with an id and a type name, else nothing usable. */
function parseChain(text: string): ShapeChain | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length > MAX_CHAIN) return undefined;
  const records = value.filter(
    (record): record is TLRecord =>
      typeof record === 'object' &&
      record !== null &&
      typeof (record as { id?: unknown }).id === 'string' &&
      typeof (record as { typeName?: unknown }).typeName === 'string',
  );
  return records.length === value.length ? records : undefined;
}

export class RelayLookups {
  private readonly pending = new Map<string, Pending>();
  private nextId = 0;

  constructor(private readonly options: RelayLookupOptions) {}

  /** Asks the board's owner; undefined when it does not answer in time or does not hold the room. */
  ask(owner: string, boardId: string, shapeId: string): Promise<ShapeChain | undefined> {
    const requestId = (this.nextId++).toString(36);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, undefined), this.options.timeoutMs ?? 2000);
      timer.unref();
      this.pending.set(requestId, { resolve, timer });
      const frame: RelayFrame = { kind: 'lookup', requestId, boardId, from: this.options.processId, shapeId };
      this.options.bus.publish(owner, frame).then(
        (receivers) => {
          if (receivers === 0) this.settle(requestId, undefined);
        },
        () => this.settle(requestId, undefined),
      );
    });
  }

  receive(frame: Extract<RelayFrame, { kind: 'lookup' | 'found' }>): void {
    if (frame.kind === 'found') {
      this.settle(frame.requestId, frame.chain === null ? undefined : parseChain(frame.chain));
      return;
    }
    const { requestId, boardId, from, shapeId } = frame;
    this.options
      .chainHere(boardId, shapeId)
      .then((chain) =>
        this.options.bus.publish(from, {
          kind: 'found',
          requestId,
          chain: chain === undefined ? null : JSON.stringify(chain),
        }),
      )
      .catch((error: Error) =>
        this.options.logger.warn({ boardId, err: error.message }, 'could not answer a shape lookup'),
      );
  }

  private settle(requestId: string, chain: ShapeChain | undefined): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.resolve(chain);
  }

  close(): void {
    for (const requestId of [...this.pending.keys()]) this.settle(requestId, undefined);
  }
}
