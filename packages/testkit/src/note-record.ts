// A valid tldraw 5 sticky note record, for tests and the benchmark to put in a store or a file.
import { noteMetaKey } from '@atelier/board-schema';
import { toRichText, type TLNoteShape, type TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';

export interface NoteRecordOptions {
  id: string;
  text?: string;
  x?: number;
  y?: number;
  index?: string;
  parentId?: string;
  meta?: TLNoteShape['meta'];
  /** Set over the default props (a yellow, medium, centred note). */
  props?: Partial<TLNoteShape['props']>;
}

export function noteRecord(options: NoteRecordOptions): TLNoteShape {
  return {
    id: options.id as TLShapeId,
    typeName: 'shape',
    type: 'note',
    x: options.x ?? 0,
    y: options.y ?? 0,
    rotation: 0,
    index: (options.index ?? 'a1') as IndexKey,
    parentId: (options.parentId ?? 'page:page') as TLNoteShape['parentId'],
    isLocked: false,
    opacity: 1,
    meta: options.meta ?? {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(options.text ?? ''),
      scale: 1,
      textLastEditedBy: null,
      ...options.props,
    },
  };
}

/** A note's author in its meta, as the web app writes it (the server keeps it when it is the writer's). */
export function authorMeta(userId: string): TLNoteShape['meta'] {
  return { [noteMetaKey.author]: userId };
}
