// tldraw's `.tldr` file format on the server: written from a board's records, read back (migrated
// and validated with tldraw's own schema) to create a board from a file or a saved template.
import type { TldrawFileEnvelope } from '@atelier/protocol';
import type { SerializedSchema, SerializedStore } from '@tldraw/store';
import {
  createTLSchema,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLAsset,
  type TLPageId,
  type TLRecord,
} from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';

/** The file format version tldraw writes (`LATEST_TLDRAW_FILE_FORMAT_VERSION` in tldraw's file.ts). */
export const TLDRAW_FILE_FORMAT_VERSION = 1;

const tlschema = createTLSchema();

/** A file (or stored layout) that cannot become a board; the message says why, for a 400. */
export class BoardFileError extends Error {}

export interface TldrawFile {
  tldrawFileFormatVersion: number;
  schema: SerializedSchema;
  records: TLRecord[];
}

export function currentTldrawSchema(): SerializedSchema {
  return tlschema.serialize();
}

/** The `.tldr` file of a document, as tldraw's `serializeTldrawJson` writes it. */
export function toTldrawFile(records: readonly TLRecord[], schema?: SerializedSchema): TldrawFile {
  return {
    tldrawFileFormatVersion: TLDRAW_FILE_FORMAT_VERSION,
    schema: schema ?? currentTldrawSchema(),
    records: [...records],
  };
}

const recordTypes = tlschema.types as Record<string, (typeof tlschema.types)[keyof typeof tlschema.types]>;

/** Record types tldraw's own store migrations delete from older files (per-user state of 2023). */
const LEGACY_RECORD_TYPES = new Set(['user', 'user_presence', 'user_document']);

function legacyRecordError(typeName: string): BoardFileError {
  return new BoardFileError(
    `records: a "${typeName}" record in a file whose schema says tldraw removed them already`,
  );
}

function recordType(typeName: string) {
  if (!Object.hasOwn(recordTypes, typeName)) {
    throw new BoardFileError(`records: unknown record type "${typeName}"`);
  }
  return recordTypes[typeName]!;
}

/**
 * A board's document from records written under `fromSchema`, read as tldraw reads a file: the
 * whole snapshot is migrated to the current schema first (which removes what tldraw removed since,
 * such as 2023's `user_document` and `user_presence`, and drops per-person state: cameras,
 * instances…), then every record is validated, references checked, and the document record and a
 * page added when missing. Throws BoardFileError on anything invalid.
 */
export function documentFromRecords(
  records: readonly { id: string; typeName: string }[],
  fromSchema: SerializedSchema,
): TLRecord[] {
  const store: Record<string, TLRecord> = {};
  for (const record of records) {
    if (!Object.hasOwn(recordTypes, record.typeName) && !LEGACY_RECORD_TYPES.has(record.typeName)) {
      throw new BoardFileError(`records: unknown record type "${record.typeName}"`);
    }
    if (Object.hasOwn(store, record.id)) throw new BoardFileError(`records: duplicate id "${record.id}"`);
    store[record.id] = record as TLRecord;
  }

  let migrated: SerializedStore<TLRecord>;
  try {
    const result = tlschema.migrateStoreSnapshot({ store, schema: fromSchema });
    if (result.type === 'error') {
      throw new BoardFileError(
        `schema: the file cannot be migrated to this version of tldraw (${result.reason})`,
      );
    }
    migrated = result.value;
  } catch (error) {
    if (error instanceof BoardFileError) throw error;
    const legacy = Object.values(store).find((record) => LEGACY_RECORD_TYPES.has(record.typeName));
    throw legacy
      ? legacyRecordError(legacy.typeName)
      : new BoardFileError('records: a record could not be migrated');
  }

  const valid: TLRecord[] = [];
  for (const record of Object.values(migrated)) {
    if (LEGACY_RECORD_TYPES.has(record.typeName)) throw legacyRecordError(record.typeName);
    const type = recordType(record.typeName);
    if (type.scope !== 'document') continue;
    try {
      valid.push(type.validate(record) as TLRecord);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'invalid';
      throw new BoardFileError(`records: ${record.id} is not a valid ${record.typeName} (${reason})`);
    }
  }
  checkReferences(valid);

  const documents = valid.filter((record) => record.typeName === 'document');
  const result = valid.filter((record) => record.typeName !== 'document');
  const document =
    documents.find((record) => record.id === TLDOCUMENT_ID) ??
    DocumentRecordType.create({ id: TLDOCUMENT_ID });
  if (!result.some((record) => record.typeName === 'page')) {
    result.push(
      PageRecordType.create({ id: 'page:page' as TLPageId, name: 'Page 1', index: 'a1' as IndexKey }),
    );
  }
  return [document, ...result];
}

/**
 * A tldraw 1.x file (`{ name, document: { pages, pageStates, … } }`, before tldraw 2's records):
 * recognised so the person is told what it is rather than which fields are missing.
 */
export function isTldrawV1File(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || 'records' in body) return false;
  const document = (body as { document?: unknown }).document;
  return (
    typeof document === 'object' &&
    document !== null &&
    typeof (document as { pages?: unknown }).pages === 'object' &&
    (document as { pages?: unknown }).pages !== null
  );
}

/** The body of an upload as JSON, whatever it was sent as: UTF-8, a byte-order mark tolerated. */
export function parseFileBody(body: unknown): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BoardFileError('the file is not valid JSON: a .tldr file is the JSON tldraw saves');
  }
}

/** Shapes hang from existing pages or shapes, bindings join existing shapes, images use existing assets. */
function checkReferences(records: readonly TLRecord[]): void {
  const ids = new Set(records.map((record) => record.id as string));
  for (const record of records) {
    if (record.typeName === 'shape') {
      if (!ids.has(record.parentId)) {
        throw new BoardFileError(`records: ${record.id} has a missing parent ${record.parentId}`);
      }
      const assetId = (record.props as { assetId?: string | null }).assetId;
      if (assetId && !ids.has(assetId)) {
        throw new BoardFileError(`records: ${record.id} uses a missing asset ${assetId}`);
      }
    } else if (record.typeName === 'binding') {
      if (!ids.has(record.fromId) || !ids.has(record.toId)) {
        throw new BoardFileError(`records: binding ${record.id} joins a missing shape`);
      }
    }
  }
}

/** Reads the envelope's schema as tldraw's SerializedSchema (its record-level checks happen on migration). */
export function schemaOf(file: TldrawFileEnvelope): SerializedSchema {
  return file.schema as unknown as SerializedSchema;
}

const DATA_URL = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)(?:;[a-z0-9=.-]+)*;base64,([A-Za-z0-9+/=\s]*)$/i;

export interface EmbeddedAsset {
  assetId: string;
  contentType: string;
  bytes: Buffer;
}

/** An asset id safe as a stored asset name (the same characters the upload route accepts). */
export function storedAssetIdOf(asset: TLAsset): string {
  return (
    asset.id
      .replace(/^asset:/, '')
      .replace(/[^A-Za-z0-9_.-]/g, '_')
      .slice(0, 120) || 'asset'
  );
}

/**
 * Moves images and videos embedded as data URLs (how tldraw writes them into a `.tldr`) out of the
 * records, so the room stays light: the asset's `src` points at the board's asset route instead.
 */
export function extractEmbeddedAssets(
  records: TLRecord[],
  srcFor: (assetId: string) => string,
  isAllowedType: (contentType: string) => boolean,
): { records: TLRecord[]; assets: EmbeddedAsset[] } {
  const assets: EmbeddedAsset[] = [];
  const out = records.map((record) => {
    if (record.typeName !== 'asset' || record.type === 'bookmark') return record;
    const src = record.props.src;
    const match = src ? DATA_URL.exec(src) : null;
    if (!match) return record;
    const contentType = match[1]!.toLowerCase();
    if (!isAllowedType(contentType)) return record;
    const assetId = storedAssetIdOf(record);
    assets.push({ assetId, contentType, bytes: Buffer.from(match[2]!, 'base64') });
    return { ...record, props: { ...record.props, src: srcFor(assetId) } } as TLRecord;
  });
  return { records: out, assets };
}
