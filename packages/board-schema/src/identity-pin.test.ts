import { createTLSchema, toRichText, type TLGeoShape, type TLShapeId } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { emptyCardFields, readCard } from './card-meta';
import type { IdentityCardFields } from './identity-card';
import {
  asFullCard,
  asPin,
  changesSinceImport,
  IDENTITY_CARD_SIZE,
  importedMeta,
  isPin,
  PIN_SIZE,
} from './identity-pin';
import { richTextToPlainText } from './rich-text';
import { withCard } from './with-card';

const fields: IdentityCardFields = {
  ...emptyCardFields('identity'),
  labName: 'Lab d’innovation de l’académie de Lyon',
  academie: 'lyon',
  innovationTypes: ['digital', 'social'],
  stage: 'active',
  labId: 'lab-lyon',
};

function geoCard(meta: Record<string, unknown> = {}): TLGeoShape {
  const shape: TLGeoShape = {
    id: 'shape:card' as TLShapeId,
    typeName: 'shape',
    type: 'geo',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1' as TLGeoShape['index'],
    parentId: 'page:p' as TLGeoShape['parentId'],
    isLocked: false,
    opacity: 1,
    meta: meta as TLGeoShape['meta'],
    props: {
      geo: 'rectangle',
      dash: 'solid',
      url: '',
      ...IDENTITY_CARD_SIZE,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'light-blue',
      fill: 'semi',
      size: 's',
      font: 'sans',
      align: 'start',
      verticalAlign: 'start',
      richText: toRichText(''),
    },
  };
  return withCard(shape, 'identity', fields, 'fr');
}

const validate = (shape: TLGeoShape) => createTLSchema().types.shape.validate(shape);

describe('identity pins', () => {
  it('P-PIN a placed card becomes a pin: name and stage, its first kind’s colour, the same fields', () => {
    const pin = asPin(geoCard(), 'fr');
    expect(isPin(pin)).toBe(true);
    expect(pin.props).toMatchObject({ ...PIN_SIZE, color: 'violet', fill: 'solid', align: 'middle' });
    expect(richTextToPlainText(pin.props.richText)).toBe('Lab d’innovati…\nactif');
    expect(readCard(pin)).toEqual({ kind: 'identity', fields });
    expect(() => validate(pin)).not.toThrow();
  });

  it('P-PIN keeps its pin face when the form rewrites it, and shows a change since import', () => {
    const pin = asPin(geoCard(importedMeta(fields)), 'fr');
    const edited = withCard(
      pin,
      'identity',
      { ...fields, stage: 'launch', innovationTypes: ['social'] },
      'fr',
    );
    expect(edited.props.color).toBe('green');
    expect(richTextToPlainText(edited.props.richText)).toBe('Lab d’innovati…\nlancement · modifié');
    expect(edited.props.w).toBe(PIN_SIZE.w);
  });

  it('P-PIN goes back to a full card off the map', () => {
    const card = asFullCard(asPin(geoCard(), 'en'), 'en');
    expect(isPin(card)).toBe(false);
    expect(card.props).toMatchObject({ ...IDENTITY_CARD_SIZE, color: 'light-blue', fill: 'semi' });
    expect(richTextToPlainText(card.props.richText)).toContain('Stage: active');
    expect(() => validate(card)).not.toThrow();
  });

  it('P-IMPORT lists the fields changed since import, blanks counting as equal', () => {
    expect(changesSinceImport(fields, fields)).toEqual([]);
    expect(changesSinceImport({ ...fields, contact: '' }, fields)).toEqual([]);
    expect(
      changesSinceImport({ ...fields, stage: 'launch', needs: ['funding'], labName: ' Lab  ' }, fields),
    ).toEqual(['labName', 'stage', 'needs']);
  });
});
