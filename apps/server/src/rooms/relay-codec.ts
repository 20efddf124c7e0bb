// The relay's wire format: every frame one server process publishes on another's Redis channel.
// A frame is one letter for its kind, then fields, each written `<length>:<text>` (length in UTF-16
// code units, decimal), so no text a client chooses (a session id, a name, a sync message) can be
// read as framing. Decoding checks every field and never throws: garbage is an `invalid` value.
// The sync messages themselves stay opaque text: nothing here parses tldraw's JSON.
import { boardIdSchema } from '@atelier/protocol';
import { isRoomSessionId, syncSessionMetaSchema, type SyncSessionMeta } from './sync-session';

export type RelayFrame =
  /** Client process → owner: a session joins the board's room. */
  | {
      kind: 'open';
      sessionId: string;
      boardId: string;
      /** The client's process, where the owner sends the session's messages. */
      from: string;
      isReadonly: boolean;
      meta: SyncSessionMeta;
    }
  /** Client process → owner: one sync message from the client. */
  | { kind: 'message'; sessionId: string; data: string }
  /** Client process → owner: the client left. */
  | { kind: 'end'; sessionId: string }
  /** Owner → client process: what the room sent its clients during one tick, in order. */
  | { kind: 'send'; messages: Array<[sessionId: string, data: string]> }
  /** Owner → client process: the room ended the session. */
  | { kind: 'close'; sessionId: string; code?: number; reason?: string }
  /** Any process → owner: a shape and its ancestors, read in the board's live room (a vote's cast). */
  | { kind: 'lookup'; requestId: string; boardId: string; from: string; shapeId: string }
  /**
   * Owner → asking process: the chain as JSON (an array of records, empty when no such shape), or
   * null when the room is not open there.
   */
  | { kind: 'found'; requestId: string; chain: string | null };

export interface InvalidRelayFrame {
  kind: 'invalid';
  reason: string;
}

const Letter = {
  open: 'o',
  message: 'm',
  end: 'e',
  send: 's',
  close: 'c',
  lookup: 'l',
  found: 'f',
} as const;

/** Process ids are UUIDs; a little slack for other schemes, never a separator. */
const PROCESS_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A lookup's id, made by the asking process. */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** tldraw shape ids: `shape:` and a short id. */
const SHAPE_ID = /^shape:[^\s]{1,122}$/;
// Nine digits: lengths up to 999,999,999, past any message Redis or the server would carry.
const MAX_DIGITS = 9;

function field(text: string): string {
  return `${text.length}:${text}`;
}

export function encodeRelayFrame(frame: RelayFrame): string {
  switch (frame.kind) {
    case 'message':
      return `${Letter.message}${field(frame.sessionId)}${field(frame.data)}`;
    case 'end':
      return `${Letter.end}${field(frame.sessionId)}`;
    case 'close':
      return `${Letter.close}${field(frame.sessionId)}${field(frame.code === undefined ? '' : String(frame.code))}${field(frame.reason ?? '')}`;
    case 'open':
      return `${Letter.open}${field(frame.sessionId)}${field(frame.boardId)}${field(frame.from)}${field(frame.isReadonly ? '1' : '0')}${field(JSON.stringify(frame.meta))}`;
    case 'send':
      return encodeSend(frame.messages);
    case 'lookup':
      return `${Letter.lookup}${field(frame.requestId)}${field(frame.boardId)}${field(frame.from)}${field(frame.shapeId)}`;
    case 'found':
      return `${Letter.found}${field(frame.requestId)}${field(frame.chain === null ? '0' : '1')}${field(frame.chain ?? '')}`;
  }
}

/**
 * A broadcast gives most sessions the same text, so each distinct text is carried once: the count
 * of texts, the count of deliveries, the texts, then `sessionId, index` per delivery in the order the
 * room sent them (each session's messages stay in order).
 */
function encodeSend(messages: Array<[string, string]>): string {
  // Each text's index, written once as its field: deliveries mostly repeat a handful.
  const indexFieldOf = new Map<string, string>();
  let texts = '';
  let deliveries = '';
  for (const [sessionId, data] of messages) {
    let indexField = indexFieldOf.get(data);
    if (indexField === undefined) {
      indexField = field(String(indexFieldOf.size));
      indexFieldOf.set(data, indexField);
      texts += field(data);
    }
    deliveries += `${sessionId.length}:${sessionId}${indexField}`;
  }
  return `${Letter.send}${field(String(indexFieldOf.size))}${field(String(messages.length))}${texts}${deliveries}`;
}

/** Reads a frame's fields in turn; `null` where the frame is malformed. */
class FieldReader {
  private at = 1;

  constructor(private readonly raw: string) {}

  get done(): boolean {
    return this.at === this.raw.length;
  }

  next(): string | null {
    const end = this.skip();
    if (end < 0) return null;
    const text = this.raw.slice(this.start, end);
    this.at = end;
    return text;
  }

  /** A field holding a count or an index, read in place. */
  nextNumber(): number | null {
    const end = this.skip();
    if (end < 0) return null;
    const value = parseNumber(this.raw, this.start, end);
    this.at = end;
    return value;
  }

  /** Where the current field's text starts, set by `skip`. */
  private start = 0;

  /** Reads the length of the field at the cursor: where its text ends, or -1 if malformed. */
  private skip(): number {
    const { raw } = this;
    const from = this.at;
    let at = from;
    let length = 0;
    for (;;) {
      const code = raw.charCodeAt(at);
      if (code === 58 /* : */) break;
      // NaN past the end fails this test too.
      if (!(code >= 48 && code <= 57) || at - from === MAX_DIGITS) return -1;
      length = length * 10 + (code - 48);
      at += 1;
    }
    // No digits, or a leading zero: not a length this codec writes.
    if (at === from || (at - from > 1 && raw.charCodeAt(from) === 48)) return -1;
    this.start = at + 1;
    const end = this.start + length;
    return end > raw.length ? -1 : end;
  }
}

/** `text[from, to)` as a non-negative integer in canonical decimal (no sign, no leading zero), or null. */
function parseNumber(text: string, from = 0, to = text.length): number | null {
  const length = to - from;
  if (length === 0 || length > MAX_DIGITS) return null;
  if (length > 1 && text.charCodeAt(from) === 48) return null;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    value = value * 10 + (code - 48);
  }
  return value;
}

function invalid(reason: string): InvalidRelayFrame {
  return { kind: 'invalid', reason };
}

export function decodeRelayFrame(raw: string): RelayFrame | InvalidRelayFrame {
  const reader = new FieldReader(raw);
  switch (raw[0]) {
    case Letter.message: {
      const sessionId = reader.next();
      const data = reader.next();
      if (sessionId === null || data === null || !reader.done) return invalid('malformed message frame');
      if (!isRoomSessionId(sessionId)) return invalid('bad session id');
      return { kind: 'message', sessionId, data };
    }
    case Letter.send:
      return decodeSend(reader);
    case Letter.end: {
      const sessionId = reader.next();
      if (sessionId === null || !reader.done) return invalid('malformed end frame');
      if (!isRoomSessionId(sessionId)) return invalid('bad session id');
      return { kind: 'end', sessionId };
    }
    case Letter.close: {
      const sessionId = reader.next();
      const code = reader.next();
      const reason = reader.next();
      if (sessionId === null || code === null || reason === null || !reader.done)
        return invalid('malformed close frame');
      if (!isRoomSessionId(sessionId)) return invalid('bad session id');
      if (code === '') return { kind: 'close', sessionId, ...(reason ? { reason } : {}) };
      const parsed = parseNumber(code);
      if (parsed === null) return invalid('bad close code');
      return { kind: 'close', sessionId, code: parsed, ...(reason ? { reason } : {}) };
    }
    case Letter.open:
      return decodeOpen(reader);
    case Letter.lookup: {
      const requestId = reader.next();
      const boardId = reader.next();
      const from = reader.next();
      const shapeId = reader.next();
      if (requestId === null || boardId === null || from === null || shapeId === null || !reader.done)
        return invalid('malformed lookup frame');
      if (!REQUEST_ID.test(requestId)) return invalid('bad request id');
      if (!boardIdSchema.safeParse(boardId).success) return invalid('bad board id');
      if (!PROCESS_ID.test(from)) return invalid('bad process id');
      if (!SHAPE_ID.test(shapeId)) return invalid('bad shape id');
      return { kind: 'lookup', requestId, boardId, from, shapeId };
    }
    case Letter.found: {
      const requestId = reader.next();
      const here = reader.next();
      const chain = reader.next();
      if (requestId === null || here === null || chain === null || !reader.done)
        return invalid('malformed found frame');
      if (!REQUEST_ID.test(requestId)) return invalid('bad request id');
      if (here === '0' && chain === '') return { kind: 'found', requestId, chain: null };
      if (here !== '1') return invalid('malformed found frame');
      return { kind: 'found', requestId, chain };
    }
    default:
      return invalid('unknown frame kind');
  }
}

function decodeOpen(reader: FieldReader): RelayFrame | InvalidRelayFrame {
  const sessionId = reader.next();
  const boardId = reader.next();
  const from = reader.next();
  const readonly = reader.next();
  const meta = reader.next();
  if (sessionId === null || boardId === null || from === null || readonly === null || meta === null)
    return invalid('malformed open frame');
  if (!reader.done) return invalid('malformed open frame');
  if (!isRoomSessionId(sessionId)) return invalid('bad session id');
  if (!boardIdSchema.safeParse(boardId).success) return invalid('bad board id');
  if (!PROCESS_ID.test(from)) return invalid('bad process id');
  if (readonly !== '0' && readonly !== '1') return invalid('bad read-only flag');
  let parsedMeta: unknown;
  try {
    parsedMeta = JSON.parse(meta);
  } catch {
    return invalid('bad session meta');
  }
  const checked = syncSessionMetaSchema.safeParse(parsedMeta);
  if (!checked.success) return invalid('bad session meta');
  return { kind: 'open', sessionId, boardId, from, isReadonly: readonly === '1', meta: checked.data };
}

function decodeSend(reader: FieldReader): RelayFrame | InvalidRelayFrame {
  const textCount = reader.nextNumber();
  const deliveryCount = reader.nextNumber();
  if (textCount === null || deliveryCount === null) return invalid('malformed send frame');
  const texts: string[] = [];
  for (let i = 0; i < textCount; i++) {
    const text = reader.next();
    if (text === null) return invalid('malformed send frame');
    texts.push(text);
  }
  const messages: Array<[string, string]> = [];
  for (let i = 0; i < deliveryCount; i++) {
    const sessionId = reader.next();
    const index = reader.nextNumber();
    if (sessionId === null || index === null) return invalid('malformed send frame');
    const text = texts[index];
    if (text === undefined) return invalid('delivery of an unknown text');
    if (!isRoomSessionId(sessionId)) return invalid('bad session id');
    messages.push([sessionId, text]);
  }
  if (!reader.done) return invalid('malformed send frame');
  return { kind: 'send', messages };
}
