import { createTLSchema, toRichText, type TLNoteShape, type TLShapeId } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { CardKind, cardMetaKey } from './card-kind';
import { cardMeta, emptyCardFields, readCard, type Card } from './card-meta';
import type { IdentityCardFields } from './identity-card';
import { withCard } from './with-card';

const identity: IdentityCardFields = {
  labName: 'Lab 110 bis',
  academie: 'paris',
  dedicatedSpace: 'yes',
  innovationTypes: ['pedagogical', 'organisational'],
  services: ['collaborative-sessions', 'watch'],
  servicesOther: 'podcast',
  stage: 'active',
  contact: 'lab110bis@education.gouv.fr',
  needs: ['funding', 'communication'],
  labId: 'lab-110bis',
};

const cards: Card[] = [
  { kind: CardKind.identity, fields: identity },
  { kind: CardKind.identity, fields: emptyCardFields('identity') },
  {
    kind: CardKind.engagement,
    fields: {
      theme: 'right-to-information',
      engagement: "Un service d'aide à l'appropriation de la donnée",
      criteria: {
        transformative: true,
        'open-government-values': true,
        'civil-society': false,
        measurable: true,
      },
      actions: ['Points de référence locaux', 'Montée en compétences'],
    },
  },
  { kind: CardKind.engagement, fields: emptyCardFields('engagement', 'probity') },
  {
    kind: CardKind.action,
    fields: { action: 'Un annuaire des labs', why: 'Se connaître', firstStep: 'Un tableur', owner: 'Lille' },
  },
  { kind: CardKind.action, fields: emptyCardFields('action') },
];

function note(meta: TLNoteShape['meta'] = {}): TLNoteShape {
  return {
    id: 'shape:card' as TLShapeId,
    typeName: 'shape',
    type: 'note',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1' as TLNoteShape['index'],
    parentId: 'page:page' as TLNoteShape['parentId'],
    isLocked: false,
    opacity: 1,
    meta,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 's',
      font: 'sans',
      fontSizeAdjustment: 1,
      align: 'start',
      verticalAlign: 'start',
      growY: 0,
      url: '',
      richText: toRichText(''),
      scale: 1,
      textLastEditedBy: null,
    },
  };
}

describe('card meta', () => {
  it('round-trips every kind through meta, as JSON would store it', () => {
    for (const card of cards) {
      const stored = JSON.parse(JSON.stringify({ meta: cardMeta(card) })) as { meta: unknown };
      expect(readCard(stored)).toEqual(card);
    }
  });

  it('writes namespaced keys with the format version', () => {
    const meta = cardMeta(cards[0]!);
    expect(meta[cardMetaKey.kind]).toBe('identity');
    expect(meta[cardMetaKey.version]).toBe(1);
  });

  it('drops unset optional fields, since tldraw meta must be JSON', () => {
    const meta = cardMeta({ kind: 'identity', fields: { ...identity, contact: undefined } });
    expect(Object.keys(meta[cardMetaKey.fields] as object)).not.toContain('contact');
  });

  it('refuses to write fields that do not validate', () => {
    expect(() =>
      cardMeta({
        kind: 'identity',
        fields: { ...identity, academie: 'atlantide' as IdentityCardFields['academie'] },
      }),
    ).toThrow();
    expect(() =>
      cardMeta({ kind: 'identity', fields: { ...identity, innovationTypes: ['digital', 'digital'] } }),
    ).toThrow();
  });

  it('reads null from shapes that are not cards, newer cards and hand-broken cards', () => {
    const good = cardMeta(cards[0]!);
    expect(readCard({ meta: {} })).toBeNull();
    expect(readCard({})).toBeNull();
    expect(readCard({ meta: null })).toBeNull();
    expect(readCard({ meta: { ...good, [cardMetaKey.kind]: 'poster' } })).toBeNull();
    expect(readCard({ meta: { ...good, [cardMetaKey.version]: 2 } })).toBeNull();
    expect(readCard({ meta: { ...good, [cardMetaKey.version]: undefined } })).toBeNull();
    expect(readCard({ meta: { ...good, [cardMetaKey.fields]: { labName: 'x' } } })).toBeNull();
  });

  it('puts a card on a standard note that tldraw validates, keeping foreign meta keys', () => {
    const schema = createTLSchema();
    const shape = withCard(note({ other: 'kept' }), 'identity', identity, 'fr');
    expect(() => schema.types.shape.validate(shape)).not.toThrow();
    expect(shape.meta['other']).toBe('kept');
    expect(readCard(shape)).toEqual({ kind: 'identity', fields: identity });
    expect(JSON.stringify(shape.props.richText)).toContain('Lab 110 bis');
  });
});
