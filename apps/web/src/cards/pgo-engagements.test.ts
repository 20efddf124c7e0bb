import { readZone, withCard, emptyCardFields, type PgoTheme } from '@atelier/board-schema';
import { buildBoard } from '@atelier/templates';
import type { TLShape } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { engagementsFrameOf, themeOfShape, themesWithCards, winningThemes } from './pgo-engagements';

function pgoBoard() {
  let n = 0;
  const built = buildBoard('pgo', { locale: 'fr', pageId: 'page:page', createId: () => `id${++n}` });
  const shapes = new Map<string, TLShape>(built.records.map((shape) => [shape.id, shape as TLShape]));
  const column = (theme: PgoTheme) =>
    [...shapes.values()].find((shape) => shape.type === 'frame' && readZone(shape)?.theme === theme)!;
  const note = (theme: PgoTheme, id: string) => {
    const shape = {
      id: `shape:${id}`,
      type: 'note',
      parentId: column(theme).id,
      meta: {},
    } as unknown as TLShape;
    shapes.set(shape.id, shape);
    return shape.id;
  };
  return { shapes, column, note, getShape: (id: string) => shapes.get(id) };
}

describe('PGO engagements', () => {
  it('finds the theme of a note through its column, and of a column itself', () => {
    const board = pgoBoard();
    const id = board.note('environment', 'n1');
    expect(themeOfShape(board.getShape, board.getShape(id))).toBe('environment');
    expect(themeOfShape(board.getShape, board.column('probity'))).toBe('probity');
    expect(themeOfShape(board.getShape, undefined)).toBeNull();
  });

  it('ranks themes by the dots of all their notes, ties in the kit’s order, none without a dot', () => {
    const board = pgoBoard();
    const results = [
      { itemId: board.note('open-data', 'a'), count: 2, rank: 1 },
      { itemId: board.note('open-data', 'b'), count: 1, rank: 2 },
      { itemId: board.note('probity', 'c'), count: 2, rank: 1 },
      { itemId: board.note('school-health', 'd'), count: 2, rank: 1 },
      { itemId: board.note('environment', 'e'), count: 0, rank: 5 },
      { itemId: 'shape:gone', count: 4, rank: 1 },
    ];
    expect(winningThemes(board.getShape, results)).toEqual(['open-data', 'school-health']);
    expect(winningThemes(board.getShape, results, 5)).toEqual(['open-data', 'school-health', 'probity']);
    expect(winningThemes(board.getShape, [])).toEqual([]);
  });

  it('finds the engagements frame and the themes that already have a card', () => {
    const board = pgoBoard();
    const frame = engagementsFrameOf(board.shapes.values());
    expect(frame && readZone(frame)).toMatchObject({ kind: 'step', stepId: 'engagements' });
    expect(themesWithCards(board.shapes.values())).toEqual(new Set());
    const card = withCard(
      { ...board.column('probity'), id: 'shape:card', type: 'geo', props: {} } as unknown as TLShape,
      'engagement',
      emptyCardFields('engagement', 'probity'),
      'fr',
    );
    expect(themesWithCards([...board.shapes.values(), card])).toEqual(new Set(['probity']));
  });
});
