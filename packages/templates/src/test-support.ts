import { createTLSchema, type TLDocument, type TLRecord, type TLShape } from '@tldraw/tlschema';
import type { BoardView } from './session-writes';

const schema = createTLSchema();

/** Throws with the shape's id when tldraw's own validator rejects it. */
export function assertValidShape(shape: TLShape): void {
  try {
    schema.types.shape.validate(shape);
  } catch (error) {
    throw new Error(`${shape.id} (${shape.type}) is not a valid tldraw shape: ${String(error)}`, {
      cause: error,
    });
  }
}

/** A deterministic id source, as the server injects a random one. */
export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const document: TLDocument = {
  id: 'document:document' as TLDocument['id'],
  typeName: 'document',
  gridSize: 10,
  name: '',
  meta: {},
};

/** A board as the room holds it (with its document record), the writes applied on top. */
export class TestRoom implements BoardView {
  readonly records = new Map<string, TLRecord>();

  constructor(records: readonly TLRecord[]) {
    for (const record of [document, ...records]) this.records.set(record.id, record);
  }

  get(id: string) {
    return this.records.get(id);
  }

  all() {
    return this.records.values();
  }

  apply(puts: readonly TLRecord[] | null): void {
    for (const record of puts ?? []) this.records.set(record.id, record);
  }

  shapes(): TLShape[] {
    return [...this.records.values()].filter((record): record is TLShape => record.typeName === 'shape');
  }
}
