import { isScaffolding, readCard } from '@atelier/board-schema';
import type { TLShapeId } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { buildBoard } from './build-board';
import { ENGAGEMENT_CARD_SIZE, engagementCardsForThemes } from './engagement-cards';
import { assertValidShape, counterIds } from './test-support';

describe('engagementCardsForThemes', () => {
  const board = buildBoard('pgo', { locale: 'fr', pageId: 'page:p', createId: counterIds() });
  const frameId = board.steps.find((s) => s.id === 'engagements')!.frameId as TLShapeId;
  const frame = board.records.find((r) => r.id === frameId)!;

  it('T-PGO-CARDS creates one valid blank card per distinct winning theme, in vote order', () => {
    const cards = engagementCardsForThemes(['open-data', 'school-health', 'open-data'], {
      parentId: frameId,
      locale: 'fr',
      createId: counterIds('card'),
    });
    expect(cards.map((c) => c.id)).toEqual(['shape:card1', 'shape:card2']);
    for (const card of cards) {
      assertValidShape(card);
      expect(card.parentId).toBe(frameId);
      // T-SCAFFOLD: participants write on the cards.
      expect(isScaffolding(card) || card.isLocked).toBe(false);
    }
    expect(cards.map((c) => readCard(c))).toEqual([
      expect.objectContaining({
        kind: 'engagement',
        fields: expect.objectContaining({ theme: 'open-data', actions: [] }),
      }),
      expect.objectContaining({
        kind: 'engagement',
        fields: expect.objectContaining({ theme: 'school-health' }),
      }),
    ]);
  });

  it('T-PGO-CARDS places the two cards side by side inside the engagements frame', () => {
    const [a, b] = engagementCardsForThemes(['probity', 'environment'], {
      parentId: frameId,
      locale: 'fr',
      createId: counterIds(),
    });
    expect(b!.x).toBeGreaterThanOrEqual(a!.x + ENGAGEMENT_CARD_SIZE.w);
    const w = (frame.props as { w: number }).w;
    const h = (frame.props as { h: number }).h;
    for (const card of [a!, b!]) {
      expect(card.x + card.props.w).toBeLessThanOrEqual(w);
      expect(card.y + card.props.h).toBeLessThanOrEqual(h);
    }
  });

  it('T-PGO-CARDS stacks above a given index and rejects unknown themes', () => {
    const [card] = engagementCardsForThemes(['probity'], {
      parentId: frameId,
      locale: 'en',
      createId: counterIds(),
      indexAbove: 'a5',
    });
    expect(card!.index > 'a5').toBe(true);
    expect(() =>
      engagementCardsForThemes(['weather' as 'probity'], {
        parentId: frameId,
        locale: 'fr',
        createId: counterIds(),
      }),
    ).toThrow();
  });
});
