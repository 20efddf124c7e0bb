// A valid tldraw 5 sticky note record: what the server writes on a board (revealed private notes) and
// what tests and the benchmark put in a store or a file.
import { toRichText, type TLNoteShape, type TLShapeId } from '@tldraw/tlschema';

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
    index: (options.index ?? 'a1') as TLNoteShape['index'],
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
