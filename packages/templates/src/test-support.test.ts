import { toRichText, type TLGeoShape, type TLShapeId } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { assertValidShape } from './test-support';

const geo = {
  id: 'shape:a' as TLShapeId,
  typeName: 'shape',
  type: 'geo',
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  meta: {},
  props: {
    geo: 'rectangle',
    dash: 'solid',
    url: '',
    w: 10,
    h: 10,
    growY: 0,
    scale: 1,
    flipX: false,
    flipY: false,
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    size: 's',
    font: 'sans',
    align: 'middle',
    verticalAlign: 'middle',
    richText: toRichText(''),
  },
} as TLGeoShape;

describe('assertValidShape', () => {
  it('accepts a valid shape and rejects what tldraw rejects', () => {
    expect(() => assertValidShape(geo)).not.toThrow();
    expect(() => assertValidShape({ ...geo, props: { ...geo.props, w: 0 } })).toThrow(/shape:a/);
    expect(() => assertValidShape({ ...geo, props: { ...geo.props, color: 'pink' as 'red' } })).toThrow();
    expect(() => assertValidShape({ ...geo, meta: { x: undefined } })).toThrow();
  });
});
