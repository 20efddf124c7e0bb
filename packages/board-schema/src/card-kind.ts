import { z } from 'zod';

export const CardKind = {
  identity: 'identity',
  engagement: 'engagement',
  action: 'action',
} as const;
export type CardKind = (typeof CardKind)[keyof typeof CardKind];
export const cardKindSchema = z.enum(Object.values(CardKind) as [CardKind, ...CardKind[]]);

/** Bumped when a card's fields change shape; readers refuse versions newer than theirs. */
export const CARD_FORMAT_VERSION = 1;

/**
 * Keys Atelier writes in a shape's `meta`. Namespaced so they never collide with keys other tools put there;
 * a shape is a card exactly when `meta[cardMetaKey.kind]` is a known kind and the fields validate.
 */
export const cardMetaKey = {
  kind: 'atelier.card',
  version: 'atelier.cardVersion',
  fields: 'atelier.fields',
} as const;
