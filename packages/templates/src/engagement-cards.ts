import {
  cardLabels,
  cardMeta,
  cardText,
  emptyCardFields,
  pgoThemeSchema,
  type PgoTheme,
} from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';
import { toRichText, type TLGeoShape, type TLParentId } from '@tldraw/tlschema';
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';

export const ENGAGEMENT_CARD_SIZE = { w: 620, h: 520 } as const;
/** Where the first engagement card goes in the engagements frame (below its instructions). */
export const ENGAGEMENT_SLOTS = { x: 60, y: 320, gap: 60, perRow: 3 } as const;

export interface EngagementCardsOptions {
  /** The engagements frame (see the step `engagements` of the `pgo` template). */
  parentId: TLParentId;
  locale: Locale;
  createId: () => string;
  /** The highest index among the frame's children, so the cards land on top; none when omitted. */
  indexAbove?: string;
}

/**
 * PGO step 3: one blank engagement card per winning theme (duplicates dropped, vote order kept), in the
 * engagements frame's slots, ready to be written on. Pure: ids come from `createId`.
 */
export function engagementCardsForThemes(
  winningThemes: readonly PgoTheme[],
  options: EngagementCardsOptions,
): TLGeoShape[] {
  const themes = [...new Set(winningThemes.map((t) => pgoThemeSchema.parse(t)))];
  const indices = getIndicesAbove((options.indexAbove as IndexKey | undefined) ?? null, themes.length);
  return themes.map((theme, i) => {
    const card = { kind: 'engagement' as const, fields: emptyCardFields('engagement', theme) };
    const raw = options.createId();
    return {
      id: (raw.startsWith('shape:') ? raw : `shape:${raw}`) as TLGeoShape['id'],
      typeName: 'shape',
      type: 'geo',
      x: ENGAGEMENT_SLOTS.x + (i % ENGAGEMENT_SLOTS.perRow) * (ENGAGEMENT_CARD_SIZE.w + ENGAGEMENT_SLOTS.gap),
      y:
        ENGAGEMENT_SLOTS.y +
        Math.floor(i / ENGAGEMENT_SLOTS.perRow) * (ENGAGEMENT_CARD_SIZE.h + ENGAGEMENT_SLOTS.gap),
      rotation: 0,
      index: indices[i]!,
      parentId: options.parentId,
      isLocked: false,
      opacity: 1,
      meta: cardMeta(card),
      props: {
        geo: 'rectangle',
        dash: 'solid',
        url: '',
        w: ENGAGEMENT_CARD_SIZE.w,
        h: ENGAGEMENT_CARD_SIZE.h,
        growY: 0,
        scale: 1,
        flipX: false,
        flipY: false,
        labelColor: 'black',
        color: 'light-violet',
        fill: 'semi',
        size: 's',
        font: 'sans',
        align: 'start',
        verticalAlign: 'start',
        richText: toRichText(cardText('engagement', card.fields, options.locale)),
      },
    };
  });
}

/** The theme's label, for vote items and reports. */
export function pgoThemeLabel(theme: PgoTheme, locale: Locale): string {
  return cardLabels.pgoTheme[theme][locale];
}
