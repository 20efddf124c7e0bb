import { createTLSchema, type TLShape } from '@tldraw/tlschema';

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
