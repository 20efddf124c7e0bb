// PGO step 3: the two themes whose columns got the most dots in the last closed vote get their
// engagement cards, laid out by @atelier/templates in the engagements frame.
import { pgoThemes, readCard, readZone, ZoneKind, type PgoTheme } from '@atelier/board-schema';
import type { VoteResult } from '@atelier/protocol';
import type { TLShape } from 'tldraw';

/** Reads a shape of the board by id (the editor, or a plain record map in tests). */
export type ShapeLookup = (id: string) => TLShape | undefined;

/** The theme of the column a shape sits in (itself, or its nearest theme-zone ancestor). */
export function themeOfShape(getShape: ShapeLookup, shape: TLShape | undefined): PgoTheme | null {
  for (let current = shape, depth = 0; current && depth < 20; depth++) {
    const zone = readZone(current);
    if (zone?.kind === ZoneKind.theme && zone.theme) return zone.theme;
    current = current.parentId.startsWith('shape:') ? getShape(current.parentId) : undefined;
  }
  return null;
}

/**
 * Themes ranked by the dots their columns collected (dots on notes count for the note's column),
 * most first, ties in the kit's order; themes without a dot never win.
 */
export function winningThemes(getShape: ShapeLookup, results: readonly VoteResult[], count = 2): PgoTheme[] {
  const dots = new Map<PgoTheme, number>();
  for (const result of results) {
    const theme = themeOfShape(getShape, getShape(result.itemId));
    if (theme) dots.set(theme, (dots.get(theme) ?? 0) + result.count);
  }
  return pgoThemes
    .filter((theme) => (dots.get(theme) ?? 0) > 0)
    .sort((a, b) => (dots.get(b) ?? 0) - (dots.get(a) ?? 0))
    .slice(0, count);
}

/** The frame where engagement cards go (the `engagements` step's zone). */
export function engagementsFrameOf(shapes: Iterable<TLShape>): TLShape | undefined {
  for (const shape of shapes) {
    const zone = readZone(shape);
    if (shape.type === 'frame' && zone?.kind === ZoneKind.step && zone.stepId === 'engagements') return shape;
  }
  return undefined;
}

/** Themes that already have an engagement card on the board (creating twice would duplicate them). */
export function themesWithCards(shapes: Iterable<TLShape>): Set<PgoTheme> {
  const themes = new Set<PgoTheme>();
  for (const shape of shapes) {
    const card = readCard(shape);
    if (card?.kind === 'engagement') themes.add(card.fields.theme);
  }
  return themes;
}
