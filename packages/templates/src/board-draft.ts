import { toRichText } from '@tldraw/tlschema';
import type {
  TLArrowShape,
  TLDefaultColorStyle,
  TLAssetId,
  TLImageAsset,
  TLImageShape,
  TLDefaultFillStyle,
  TLDefaultFontStyle,
  TLDefaultHorizontalAlignStyle,
  TLDefaultSizeStyle,
  TLDefaultVerticalAlignStyle,
  TLFrameShape,
  TLGeoShape,
  TLLineShape,
  TLNoteShape,
  TLPageId,
  TLParentId,
  TLShape,
  TLShapeId,
  TLTextShape,
} from '@tldraw/tlschema';
import { getIndexAbove, getIndices, type IndexKey } from '@tldraw/utils';
import type { Locale } from '@atelier/protocol';
import {
  cardMeta,
  cardText,
  isLayoutScaffolding,
  locksInEditor,
  scaffoldingMeta,
  type Card,
} from '@atelier/board-schema';

type Meta = TLShape['meta'];

interface Placement {
  /** The page when omitted. */
  parentId?: TLParentId;
  /** Relative to the parent, as tldraw stores it. */
  x: number;
  y: number;
  meta?: Meta;
}

/**
 * Collects the shapes of a board being laid out: ids from the injected source, fractional indices in
 * creation order within each parent, and tldraw 5's default props so every record passes its validator.
 * Everything but notes and cards is marked as scaffolding and, except frames, locked (T-SCAFFOLD).
 */
export class BoardDraft {
  readonly records: TLShape[] = [];
  /** Assets the shapes show (the map's image), to put in the document with them. */
  readonly assets: TLImageAsset[] = [];
  private readonly lastIndexByParent = new Map<string, IndexKey>();
  private readonly usedIds = new Set<string>();

  constructor(
    readonly pageId: TLPageId,
    private readonly createId: () => string,
  ) {}

  newId(): TLShapeId {
    const raw = this.createId();
    const id = (raw.startsWith('shape:') ? raw : `shape:${raw}`) as TLShapeId;
    if (raw.length === 0 || this.usedIds.has(id))
      throw new Error(`createId returned a duplicate or empty id: ${raw}`);
    this.usedIds.add(id);
    return id;
  }

  private nextIndex(parentId: TLParentId): IndexKey {
    const index = getIndexAbove(this.lastIndexByParent.get(parentId) ?? null);
    this.lastIndexByParent.set(parentId, index);
    return index;
  }

  private add<S extends TLShape>(type: S['type'], at: Placement, props: S['props']): S {
    const parentId = at.parentId ?? this.pageId;
    const meta = at.meta ?? {};
    const scaffolding = isLayoutScaffolding({ type, meta });
    const shape = {
      id: this.newId(),
      typeName: 'shape',
      type,
      x: at.x,
      y: at.y,
      rotation: 0,
      index: this.nextIndex(parentId),
      parentId,
      isLocked: scaffolding && locksInEditor({ type }),
      opacity: 1,
      meta: scaffolding ? { ...meta, ...scaffoldingMeta() } : meta,
      props,
    } as S;
    this.records.push(shape);
    return shape;
  }

  frame(at: Placement & { w: number; h: number; name: string; color?: TLDefaultColorStyle }): TLFrameShape {
    return this.add<TLFrameShape>('frame', at, {
      w: at.w,
      h: at.h,
      name: at.name,
      color: at.color ?? 'black',
    });
  }

  /** Wrapping text of a fixed width (autoSize off, so the width holds). */
  text(
    at: Placement & {
      w: number;
      text: string;
      size?: TLDefaultSizeStyle;
      color?: TLDefaultColorStyle;
      align?: 'start' | 'middle' | 'end';
      autoSize?: boolean;
    },
  ): TLTextShape {
    return this.add<TLTextShape>('text', at, {
      color: at.color ?? 'black',
      size: at.size ?? 's',
      w: at.w,
      font: 'sans',
      textAlign: at.align ?? 'start',
      autoSize: at.autoSize ?? false,
      scale: 1,
      richText: toRichText(at.text),
    });
  }

  note(
    at: Placement & { text: string; color?: TLDefaultColorStyle; size?: TLDefaultSizeStyle },
  ): TLNoteShape {
    return this.add<TLNoteShape>('note', at, {
      color: at.color ?? 'yellow',
      labelColor: 'black',
      size: at.size ?? 's',
      font: 'sans',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(at.text),
      scale: 1,
      textLastEditedBy: null,
    });
  }

  geo(
    at: Placement & {
      w: number;
      h: number;
      text?: string;
      geo?: TLGeoShape['props']['geo'];
      color?: TLDefaultColorStyle;
      fill?: TLDefaultFillStyle;
      size?: TLDefaultSizeStyle;
      font?: TLDefaultFontStyle;
      dash?: TLGeoShape['props']['dash'];
      align?: TLDefaultHorizontalAlignStyle;
      verticalAlign?: TLDefaultVerticalAlignStyle;
    },
  ): TLGeoShape {
    return this.add<TLGeoShape>('geo', at, {
      geo: at.geo ?? 'rectangle',
      dash: at.dash ?? 'solid',
      url: '',
      w: at.w,
      h: at.h,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: at.color ?? 'black',
      fill: at.fill ?? 'none',
      size: at.size ?? 's',
      font: at.font ?? 'sans',
      align: at.align ?? 'middle',
      verticalAlign: at.verticalAlign ?? 'middle',
      richText: toRichText(at.text ?? ''),
    });
  }

  /** A polyline through `points` (relative to the shape's own position). */
  line(
    at: Placement & {
      points: readonly { x: number; y: number }[];
      color?: TLDefaultColorStyle;
      size?: TLDefaultSizeStyle;
    },
  ): TLLineShape {
    const indices = getIndices(at.points.length);
    const points: TLLineShape['props']['points'] = {};
    at.points.forEach((p, i) => {
      const index = indices[i]!;
      points[index] = { id: index, index, x: p.x, y: p.y };
    });
    return this.add<TLLineShape>('line', at, {
      color: at.color ?? 'grey',
      dash: 'solid',
      size: at.size ?? 's',
      spline: 'line',
      points,
      scale: 1,
    });
  }

  /** An image of `src` (a data URL) and its asset (id taken from the shape's); `altText` says what it shows. */
  image(at: Placement & { w: number; h: number; src: string; name: string; altText: string }): TLImageShape {
    const shape = this.add<TLImageShape>('image', at, {
      w: at.w,
      h: at.h,
      playing: true,
      url: '',
      assetId: null,
      crop: null,
      flipX: false,
      flipY: false,
      altText: at.altText,
    });
    const assetId = `asset:${shape.id.slice('shape:'.length)}` as TLAssetId;
    shape.props.assetId = assetId;
    this.assets.push({
      id: assetId,
      typeName: 'asset',
      type: 'image',
      props: {
        name: at.name,
        src: at.src,
        w: at.w,
        h: at.h,
        mimeType: at.src.slice('data:'.length, at.src.indexOf(';')),
        isAnimated: false,
      },
      meta: {},
    });
    return shape;
  }

  /** An unbound straight arrow from `start` to `end` (relative to the shape's position). */
  arrow(
    at: Placement & {
      start: { x: number; y: number };
      end: { x: number; y: number };
      color?: TLDefaultColorStyle;
    },
  ): TLArrowShape {
    return this.add<TLArrowShape>('arrow', at, {
      kind: 'arc',
      elbowMidPoint: 0.5,
      dash: 'solid',
      size: 's',
      fill: 'none',
      color: at.color ?? 'grey',
      labelColor: 'black',
      bend: 0,
      start: at.start,
      end: at.end,
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      richText: toRichText(''),
      labelPosition: 0.5,
      font: 'sans',
      scale: 1,
    });
  }

  /** A structured card on a standard geo rectangle: fields in meta, text regenerated from them. */
  card(
    at: Placement & { w: number; h: number; card: Card; locale: Locale; color?: TLDefaultColorStyle },
  ): TLGeoShape {
    return this.geo({
      ...at,
      meta: { ...at.meta, ...cardMeta(at.card) },
      text: cardText(at.card.kind, at.card.fields, at.locale),
      color: at.color ?? 'light-blue',
      fill: 'semi',
      align: 'start',
      verticalAlign: 'start',
    });
  }
}
