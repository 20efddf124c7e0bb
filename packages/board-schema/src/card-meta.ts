import type { TLShape } from '@tldraw/tlschema';
import { actionCardSchema, type ActionCardFields } from './action-card';
import { CARD_FORMAT_VERSION, CardKind, cardKindSchema, cardMetaKey } from './card-kind';
import { engagementCardSchema, type EngagementCardFields, type PgoTheme } from './engagement-card';
import { identityCardSchema, type IdentityCardFields } from './identity-card';

export const cardSchemas = {
  identity: identityCardSchema,
  engagement: engagementCardSchema,
  action: actionCardSchema,
} as const;

export interface CardFieldsByKind {
  identity: IdentityCardFields;
  engagement: EngagementCardFields;
  action: ActionCardFields;
}

/** A structured card: which kind, and its fields. */
export type Card = { [K in CardKind]: { kind: K; fields: CardFieldsByKind[K] } }[CardKind];

/** Anything with tldraw's `meta`: a live shape, or a record read back from a snapshot. */
export interface CardShapeLike {
  readonly meta?: unknown;
}

type ShapeMeta = TLShape['meta'];

/** Blank fields, as a card is first put on the board. An engagement card needs its theme. */
export function emptyCardFields(kind: 'identity'): IdentityCardFields;
export function emptyCardFields(kind: 'action'): ActionCardFields;
export function emptyCardFields(kind: 'engagement', theme: PgoTheme): EngagementCardFields;
export function emptyCardFields(kind: CardKind, theme?: PgoTheme): CardFieldsByKind[CardKind] {
  switch (kind) {
    case CardKind.identity:
      return {
        labName: '',
        academie: null,
        dedicatedSpace: null,
        innovationTypes: [],
        services: [],
        servicesOther: '',
        stage: null,
        needs: [],
      };
    case CardKind.action:
      return { action: '', why: '', firstStep: '', owner: '' };
    case CardKind.engagement:
      if (theme === undefined) throw new Error('an engagement card needs a theme');
      return {
        theme,
        engagement: '',
        criteria: {
          transformative: false,
          'open-government-values': false,
          'civil-society': false,
          measurable: false,
        },
        actions: [],
      };
  }
}

type Json = Exclude<ShapeMeta[string], undefined>;

/** tldraw validates `meta` as JSON: `undefined` values would be rejected, so optional fields are dropped. */
function toJson(value: unknown): Json {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toJson(item)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = toJson(v);
    return out;
  }
  return value as Json;
}

/**
 * The `meta` entries that make a shape this card. Validates first: a card that does not match its schema
 * is a bug in the caller, not something to store.
 */
export function cardMeta(card: Card): ShapeMeta {
  const fields = cardSchemas[card.kind].parse(card.fields);
  return {
    [cardMetaKey.kind]: card.kind,
    [cardMetaKey.version]: CARD_FORMAT_VERSION,
    [cardMetaKey.fields]: toJson(fields),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The card a shape carries, or null when it carries none, or one written by a newer Atelier, or one whose
 * fields do not validate (someone edited `meta` by hand): callers then treat the shape as a plain shape.
 */
export function readCard(shape: CardShapeLike): Card | null {
  const meta = shape.meta;
  if (!isRecord(meta)) return null;
  const kind = cardKindSchema.safeParse(meta[cardMetaKey.kind]);
  if (!kind.success) return null;
  const version = meta[cardMetaKey.version];
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > CARD_FORMAT_VERSION
  ) {
    return null;
  }
  const raw = meta[cardMetaKey.fields];
  switch (kind.data) {
    case CardKind.identity: {
      const parsed = identityCardSchema.safeParse(raw);
      return parsed.success ? { kind: kind.data, fields: parsed.data } : null;
    }
    case CardKind.engagement: {
      const parsed = engagementCardSchema.safeParse(raw);
      return parsed.success ? { kind: kind.data, fields: parsed.data } : null;
    }
    case CardKind.action: {
      const parsed = actionCardSchema.safeParse(raw);
      return parsed.success ? { kind: kind.data, fields: parsed.data } : null;
    }
  }
}
