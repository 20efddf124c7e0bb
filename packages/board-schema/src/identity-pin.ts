/**
 * An identity card placed on the map shows as a compact pin: the lab's name, its stage, a colour for
 * its (first) kind of innovation, and a mark when it changed since it was imported. The shape stays
 * the same geo rectangle carrying the same card meta; `atelier.view` says which face it shows, so
 * whoever rewrites its text (the form, an import) keeps that face.
 */
import type { Locale } from '@atelier/protocol';
import type { TLDefaultColorStyle, TLGeoShape, TLRichText, TLShape } from '@tldraw/tlschema';
import { cardMetaKey } from './card-kind';
import { cardLabels } from './card-labels';
import { cardMeta, readCard } from './card-meta';
import { cardShapeProps } from './card-text';
import { identityCardSchema, type IdentityCardFields, type InnovationType } from './identity-card';

export const cardViewMetaKey = 'atelier.view';
/** The fields a card had when it was imported, to show what changed during the session. */
export const importedMetaKey = 'atelier.imported';

/** A filled card in the tray. */
export const IDENTITY_CARD_SIZE = { w: 380, h: 300 } as const;
/** A pin: two lines (name, stage) of tldraw's small label, padding included. */
export const PIN_SIZE = { w: 190, h: 82 } as const;
/** Characters of the name a pin shows before an ellipsis. */
const PIN_NAME_CHARS = 15;

/** One colour per kind of innovation (tldraw's palette: a light tint behind black text). */
export const innovationColors: Record<InnovationType, TLDefaultColorStyle> = {
  pedagogical: 'blue',
  organisational: 'orange',
  digital: 'violet',
  social: 'green',
  other: 'grey',
};
/** A pin whose lab has not said its kinds of innovation yet. */
const NO_TYPE_COLOR: TLDefaultColorStyle = 'black';

type Meta = TLShape['meta'];

function metaOf(shape: { readonly meta?: unknown }): Record<string, unknown> {
  const meta = shape.meta;
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as Record<string, unknown>)
    : {};
}

export function isPin(shape: { readonly meta?: unknown }): boolean {
  return metaOf(shape)[cardViewMetaKey] === 'pin';
}

/** The fields a card was imported with, or null (never imported, or unreadable). */
export function importedFields(shape: { readonly meta?: unknown }): IdentityCardFields | null {
  const parsed = identityCardSchema.safeParse(metaOf(shape)[importedMetaKey]);
  return parsed.success ? parsed.data : null;
}

/** The meta entry that records a card's fields at import. */
export function importedMeta(fields: IdentityCardFields): Meta {
  const stored = cardMeta({ kind: 'identity', fields })[cardMetaKey.fields];
  return { [importedMetaKey]: stored ?? null };
}

type ComparedField = Exclude<keyof IdentityCardFields, 'labId'>;
const comparedFields: readonly ComparedField[] = [
  'labName',
  'academie',
  'dedicatedSpace',
  'innovationTypes',
  'services',
  'servicesOther',
  'stage',
  'contact',
  'needs',
];

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

/** Which fields differ from the imported ones, in the card's order. */
export function changesSinceImport(
  current: IdentityCardFields,
  imported: IdentityCardFields,
): ComparedField[] {
  return comparedFields.filter((field) => !same(current[field], imported[field]));
}

function truncate(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/** A pin's two lines: its name in bold, then its stage (and a mark when it changed since import). */
export function identityPinRichText(
  fields: IdentityCardFields,
  locale: Locale,
  changed: boolean,
): TLRichText {
  const name = truncate(fields.labName, PIN_NAME_CHARS) || (locale === 'fr' ? 'Lab sans nom' : 'Unnamed lab');
  const stage = fields.stage
    ? cardLabels.stage[fields.stage][locale]
    : locale === 'fr'
      ? 'stade ?'
      : 'stage?';
  const second = changed ? `${stage} · ${locale === 'fr' ? 'modifié' : 'changed'}` : stage;
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: name, marks: [{ type: 'bold' }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: second }] },
    ],
  };
}

export function identityPinColor(fields: IdentityCardFields): TLDefaultColorStyle {
  const first = fields.innovationTypes[0];
  return first ? innovationColors[first] : NO_TYPE_COLOR;
}

function isGeo(shape: TLShape): shape is TLGeoShape {
  return shape.type === 'geo';
}

/** The props a geo card shows for these fields, on the face its meta says. */
export function identityFaceProps(
  shape: { readonly meta?: unknown },
  fields: IdentityCardFields,
  locale: Locale,
): Partial<TLGeoShape['props']> {
  if (!isPin(shape)) return cardShapeProps('identity', fields, locale);
  const imported = importedFields(shape);
  const changed = imported !== null && changesSinceImport(fields, imported).length > 0;
  return { richText: identityPinRichText(fields, locale, changed), color: identityPinColor(fields) };
}

/** The card turned into a pin (same shape, same fields): pin size and face, centred text. */
export function asPin<S extends TLShape>(shape: S, locale: Locale): S {
  const card = readCard(shape);
  if (card?.kind !== 'identity' || !isGeo(shape)) return shape;
  const meta = { ...shape.meta, [cardViewMetaKey]: 'pin' };
  const pinned = { ...shape, meta };
  return {
    ...pinned,
    props: {
      ...shape.props,
      ...PIN_SIZE,
      growY: 0,
      fill: 'solid',
      align: 'middle',
      verticalAlign: 'middle',
      ...identityFaceProps(pinned, card.fields, locale),
    },
  } as S;
}

/** A pin back to a full card (taken off the map). */
export function asFullCard<S extends TLShape>(shape: S, locale: Locale): S {
  const card = readCard(shape);
  if (card?.kind !== 'identity' || !isGeo(shape) || !isPin(shape)) return shape;
  const { [cardViewMetaKey]: _view, ...meta } = shape.meta;
  return {
    ...shape,
    meta,
    props: {
      ...shape.props,
      ...IDENTITY_CARD_SIZE,
      growY: 0,
      color: 'light-blue',
      fill: 'semi',
      align: 'start',
      verticalAlign: 'start',
      ...cardShapeProps('identity', card.fields, locale),
    },
  } as S;
}
