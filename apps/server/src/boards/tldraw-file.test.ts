import fs from 'node:fs';
import path from 'node:path';
import { noteRecord } from '@atelier/testkit';
import type { SerializedSchema } from '@tldraw/store';
import { createTLSchema, toRichText, type TLRecord } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import {
  BoardFileError,
  documentFromRecords,
  extractEmbeddedAssets,
  isTldrawV1File,
  parseFileBody,
  toTldrawFile,
} from './tldraw-file';

const schema = createTLSchema().serialize();

const page = { id: 'page:one', typeName: 'page', name: 'Atelier', index: 'a1', meta: {} };
function note(id: string, parentId = 'page:one', props: Record<string, unknown> = {}) {
  const record = noteRecord({ id, parentId, text: 'Bonjour' });
  return { ...record, props: { ...record.props, ...props } };
}

describe('documentFromRecords', () => {
  it('keeps the document records, drops per-person state and adds the document record', () => {
    const camera = { id: 'camera:page:one', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} };
    const records = documentFromRecords([page, note('shape:a'), camera], schema);
    expect(records.map((record) => record.id)).toEqual(['document:document', 'page:one', 'shape:a']);
  });

  it('adds a page to a file that has none and nothing on it', () => {
    expect(documentFromRecords([], schema).map((record) => record.typeName)).toEqual(['document', 'page']);
  });

  it('migrates records written by an older tldraw before validating them', () => {
    const old = {
      ...schema,
      sequences: { ...schema.sequences, 'com.tldraw.shape.note': 8 },
    };
    const { richText: _richText, textLastEditedBy: _edited, ...props } = note('shape:old').props;
    const written = {
      ...note('shape:old'),
      props: { ...props, text: 'Ancien post-it', fontSizeAdjustment: 0 },
    };
    const records = documentFromRecords([page, written], old);
    const migrated = records.find((record) => record.id === 'shape:old') as TLRecord & {
      props: Record<string, unknown>;
    };
    expect(migrated.props.richText).toEqual(toRichText('Ancien post-it'));
    expect(migrated.props).toMatchObject({ fontSizeAdjustment: 1, textLastEditedBy: null });
    expect(migrated.props).not.toHaveProperty('text');
  });

  it.each([
    [
      'an unknown record type',
      [page, { id: 'widget:1', typeName: 'widget' }],
      /unknown record type "widget"/,
    ],
    ['a duplicate id', [page, note('shape:a'), note('shape:a')], /duplicate id "shape:a"/],
    [
      'an invalid prop',
      [page, note('shape:a', 'page:one', { color: 'tartan' })],
      /shape:a is not a valid shape/,
    ],
    ['a missing parent', [page, note('shape:a', 'shape:nowhere')], /missing parent/],
    [
      'a binding to nothing',
      [
        page,
        note('shape:a'),
        {
          id: 'binding:1',
          typeName: 'binding',
          type: 'arrow',
          fromId: 'shape:a',
          toId: 'shape:gone',
          meta: {},
          props: {
            terminal: 'end',
            normalizedAnchor: { x: 0.5, y: 0.5 },
            isExact: false,
            isPrecise: false,
            snap: 'none',
          },
        },
      ],
      /binding:1/,
    ],
  ])('refuses %s with a readable reason', (_what, records, message) => {
    expect(() => documentFromRecords(records, schema)).toThrow(BoardFileError);
    expect(() => documentFromRecords(records, schema)).toThrow(message);
  });

  it('refuses a schema from a newer tldraw', () => {
    const newer = { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 999 } };
    expect(() => documentFromRecords([page, note('shape:a')], newer)).toThrow(/cannot be migrated/);
  });
});

describe('embedded assets', () => {
  it('moves data-URL images out of the records and leaves other assets alone', () => {
    const image = {
      id: 'asset:photo 1',
      typeName: 'asset',
      type: 'image',
      meta: {},
      props: {
        name: 'photo.png',
        src: `data:image/png;base64,${Buffer.from('png bytes').toString('base64')}`,
        w: 10,
        h: 10,
        mimeType: 'image/png',
        isAnimated: false,
      },
    } as unknown as TLRecord;
    const script = {
      ...image,
      id: 'asset:x',
      props: { ...(image as { props: object }).props, src: 'data:text/html;base64,PHA+' },
    } as unknown as TLRecord;
    const { records, assets } = extractEmbeddedAssets(
      [image, script],
      (assetId) => `/api/boards/b/assets/${assetId}`,
      (type) => type.startsWith('image/'),
    );
    expect(assets).toEqual([
      { assetId: 'photo_1', contentType: 'image/png', bytes: Buffer.from('png bytes') },
    ]);
    expect((records[0] as { props: { src: string } }).props.src).toBe('/api/boards/b/assets/photo_1');
    expect(records[1]).toBe(script);
  });

  it('writes the file tldraw reads', () => {
    expect(toTldrawFile([], schema)).toEqual({ tldrawFileFormatVersion: 1, schema, records: [] });
  });
});

describe('files from older tldraws', () => {
  const fixture = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures', name), 'utf8')) as {
      schema: SerializedSchema;
      records: { id: string; typeName: string }[];
    };

  it('migrates a 2023 tldraw 2 file whole: its user_document and user_presence go, as tldraw does', () => {
    const file = fixture('tldraw-2023-user-document.tldr');
    const records = documentFromRecords(file.records, file.schema);
    expect(records.map((record) => record.typeName).sort()).toEqual([
      'document',
      'page',
      'shape',
      'shape',
      'shape',
      'shape',
      'shape',
    ]);
    const note = records.find((record) => record.id === 'shape:note1') as TLRecord & { props: object };
    expect(note.props).toMatchObject({ richText: toRichText('Ouvrir les données des lycées') });
  });

  it('refuses a legacy record in a file whose schema says it is gone, with a reason', () => {
    const legacy = fixture('tldraw-2023-user-document.tldr').records.filter(
      (record) => record.typeName === 'user_document',
    );
    expect(() => documentFromRecords([page, ...legacy], schema)).toThrow(/"user_document" record/);
  });

  it('recognises a tldraw 1 file, and nothing else as one', () => {
    expect(isTldrawV1File(fixture('tldraw-1.tldr'))).toBe(true);
    expect(isTldrawV1File(fixture('tldraw-2023-user-document.tldr'))).toBe(false);
    expect(isTldrawV1File({ document: 'x' })).toBe(false);
    expect(isTldrawV1File(null)).toBe(false);
  });

  it('reads a body as JSON whatever it came as, a byte-order mark tolerated', () => {
    expect(parseFileBody(Buffer.from('\uFEFF{"a":1}'))).toEqual({ a: 1 });
    expect(() => parseFileBody(Buffer.from('not json'))).toThrow(/not valid JSON/);
    expect(() => parseFileBody({})).toThrow(BoardFileError);
  });
});
