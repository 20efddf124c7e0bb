import type { Locale } from '@atelier/protocol';
import { toRichText, type TLRichText } from '@tldraw/tlschema';
import { CardKind } from './card-kind';
import { cardLabels } from './card-labels';
import type { Card, CardFieldsByKind } from './card-meta';
import { findAcademie } from './academies';
import { engagementCriteria } from './engagement-card';

/** Shown where a field is still blank, so an empty card reads as a form to fill. */
const BLANK = '…';

function line(label: string, value: string, locale: Locale): string {
  // French typography puts a space before the colon.
  return `${label}${locale === 'fr' ? ' : ' : ': '}${value || BLANK}`;
}

function identityText(fields: CardFieldsByKind['identity'], locale: Locale): string {
  const l = cardLabels;
  const f = l.identityField;
  const academie = fields.academie ? (findAcademie(fields.academie)?.name ?? fields.academie) : '';
  const services = [...fields.services.map((s) => l.service[s][locale]), fields.servicesOther.trim()]
    .filter(Boolean)
    .join(', ');
  const lines = [
    l.kind.identity[locale],
    line(f.labName[locale], fields.labName.trim(), locale),
    line(f.academie[locale], academie, locale),
    line(
      f.dedicatedSpace[locale],
      fields.dedicatedSpace ? l.dedicatedSpace[fields.dedicatedSpace][locale] : '',
      locale,
    ),
    line(
      f.innovationTypes[locale],
      fields.innovationTypes.map((t) => l.innovationType[t][locale]).join(', '),
      locale,
    ),
    line(f.services[locale], services, locale),
    line(f.stage[locale], fields.stage ? l.stage[fields.stage][locale] : '', locale),
  ];
  if (fields.needs.length > 0)
    lines.push(line(f.needs[locale], fields.needs.map((n) => l.need[n][locale]).join(', '), locale));
  if (fields.contact?.trim()) lines.push(line(f.contact[locale], fields.contact.trim(), locale));
  return lines.join('\n');
}

function engagementText(fields: CardFieldsByKind['engagement'], locale: Locale): string {
  const l = cardLabels;
  const f = l.engagementField;
  const lines = [
    `${l.kind.engagement[locale]} — ${l.pgoTheme[fields.theme][locale]}`,
    fields.engagement.trim() || BLANK,
    `${f.criteria[locale]}${locale === 'fr' ? ' :' : ':'}`,
    ...engagementCriteria.map((c) => `${fields.criteria[c] ? '☑' : '☐'} ${l.engagementCriterion[c][locale]}`),
    `${f.actions[locale]}${locale === 'fr' ? ' :' : ':'}`,
  ];
  const actions = fields.actions.map((a) => a.trim()).filter(Boolean);
  lines.push(...(actions.length > 0 ? actions.map((a) => `• ${a}`) : [`• ${BLANK}`]));
  return lines.join('\n');
}

function actionText(fields: CardFieldsByKind['action'], locale: Locale): string {
  const f = cardLabels.actionField;
  return [
    line(f.action[locale], fields.action.trim(), locale),
    line(f.why[locale], fields.why.trim(), locale),
    line(f.firstStep[locale], fields.firstStep.trim(), locale),
    line(f.owner[locale], fields.owner.trim(), locale),
  ].join('\n');
}

/** The visible text of a card, regenerated from its fields (one paragraph per line). */
export function cardText<K extends CardKind>(kind: K, fields: CardFieldsByKind[K], locale: Locale): string {
  const card = { kind, fields } as Card;
  switch (card.kind) {
    case CardKind.identity:
      return identityText(card.fields, locale);
    case CardKind.engagement:
      return engagementText(card.fields, locale);
    case CardKind.action:
      return actionText(card.fields, locale);
  }
}

/** The props to merge into a note, geo or text shape so it shows the card: its rich text. */
export function cardShapeProps<K extends CardKind>(
  kind: K,
  fields: CardFieldsByKind[K],
  locale: Locale,
): { richText: TLRichText } {
  return { richText: toRichText(cardText(kind, fields, locale)) };
}
