import {
  cardLabels,
  cardMeta,
  cardText,
  emptyCardFields,
  pgoThemeSchema,
  readCard,
  readZone,
  ZoneKind,
  type PgoTheme,
} from '@atelier/board-schema';
import { templateStepIdOf, type Locale } from '@atelier/protocol';
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
  /** The slot of the first card (cards already in the frame hold the earlier ones); 0 when omitted. */
  firstSlot?: number;
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
  const first = options.firstSlot ?? 0;
  return themes.map((theme, n) => {
    const i = first + n;
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
      index: indices[n]!,
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

/** The frame where engagement cards go: the `engagements` step's zone. */
export function engagementsFrameOf<S extends { type: string; meta?: unknown }>(
  shapes: Iterable<S>,
): S | undefined {
  for (const shape of shapes) {
    const zone = readZone(shape);
    if (
      shape.type === 'frame' &&
      zone?.kind === ZoneKind.step &&
      templateStepIdOf(zone.stepId ?? '') === 'engagements'
    )
      return shape;
  }
  return undefined;
}

/** Themes that already have an engagement card on the board (creating twice would duplicate them). */
export function themesWithCards(shapes: Iterable<{ type: string; meta?: unknown }>): Set<PgoTheme> {
  const themes = new Set<PgoTheme>();
  for (const shape of shapes) {
    const card = readCard(shape);
    if (card?.kind === 'engagement') themes.add(card.fields.theme);
  }
  return themes;
}
