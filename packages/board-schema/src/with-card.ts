import type { Locale } from '@atelier/protocol';
import type { TLShape } from '@tldraw/tlschema';
import type { CardKind } from './card-kind';
import { cardMeta, type CardFieldsByKind, type Card } from './card-meta';
import { cardShapeProps } from './card-text';
import { identityFaceProps } from './identity-pin';

/**
 * A copy of the shape carrying the card: Atelier's meta entries set (other meta keys kept) and, for shapes
 * that show text (note, geo, text), the visible text regenerated from the fields. An identity card shown
 * as a pin keeps its pin face (its colour follows its first kind of innovation).
 */
export function withCard<S extends TLShape, K extends CardKind>(
  shape: S,
  kind: K,
  fields: CardFieldsByKind[K],
  locale: Locale,
): S {
  const meta = { ...shape.meta, ...cardMeta({ kind, fields } as Card) };
  const props = shape.props as Record<string, unknown>;
  if (!('richText' in props)) return { ...shape, meta };
  const face =
    kind === 'identity' && shape.type === 'geo'
      ? identityFaceProps({ meta }, fields as CardFieldsByKind['identity'], locale)
      : cardShapeProps(kind, fields, locale);
  return { ...shape, meta, props: { ...props, ...face } };
}
