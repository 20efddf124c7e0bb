import { describe, expect, it } from 'vitest';
import { zoneMeta } from '@atelier/board-schema';
import { readBoard } from './board-reader';
import { inReadingOrder } from './geometry';
import { frame, geo, note, page, pgoBoard, text } from './test-fixtures';

describe('inReadingOrder', () => {
  const box = (name: string, x: number, y: number, h = 200) => ({ name, box: { x, y, w: 200, h } });
  const names = (list: { name: string; box: { x: number; y: number; w: number; h: number } }[]) =>
    inReadingOrder(list, (entry) => entry.box).map((entry) => entry.name);

  it('reads rows top to bottom, then left to right, tolerating small y differences', () => {
    expect(
      names([box('c', 500, 12), box('d', 0, 400), box('a', 0, 0), box('b', 250, -15), box('e', 300, 390)]),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('starts a new row once an item is lower than half a row', () => {
    expect(names([box('low', 0, 120), box('high', 300, 0)])).toEqual(['high', 'low']);
  });
});

describe('readBoard', () => {
  it('orders frames in reading order with nested frames after their parent', () => {
    const board = readBoard(pgoBoard());
    expect(board.frames.map((f) => [f.title, f.depth])).toEqual([
      ['0. Introduction (10 min)', 0],
      ['1. Thématiques', 0],
      ["Santé à l'école/université", 1],
      ["Droit à l'information", 1],
      ['Probité', 1],
      ['3. Engagements', 0],
    ]);
  });

  it('puts notes in their frame by parent chain or, on the page, by geometry, in reading order', () => {
    const board = readBoard(pgoBoard());
    const byTitle = (title: string) => board.frames.find((f) => f.title === title)!;
    const health = byTitle("Santé à l'école/université");
    expect(health.items.map((item) => item.text)).toEqual([
      'Infirmières scolaires',
      '=SOMME(A1) bien-être',
      'Santé mentale des élèves',
    ]);
    const info = byTitle("Droit à l'information");
    expect(info.items.map((item) => item.id)).toEqual(['shape:info-1', 'shape:info-2']);
    expect(info.items[1]!.frameId).toBe('shape:info');
    expect(board.looseItems.map((item) => item.text)).toEqual(['Penser au compte rendu']);
  });

  it('reads template-marked shapes as zones and skips instructions', () => {
    const board = readBoard([
      page(),
      frame('f', 'Groupe 1', { x: 0, y: 0, w: 1000, h: 800 }),
      geo('question', 'La question', {
        parentId: 'f',
        x: 0,
        y: 0,
        w: 900,
        h: 100,
        meta: zoneMeta({ kind: 'instructions' }),
      }),
      geo('z-right', 'Idées fortes', { parentId: 'f', x: 500, y: 150, w: 450, h: 600 }),
      geo('z-left', 'Idées faisables', { parentId: 'f', x: 20, y: 150, w: 450, h: 600 }),
      note('n1', 'dans la zone de droite', { parentId: 'f', x: 600, y: 300 }),
      note('n2', 'dans la zone de gauche', { parentId: 'f', x: 100, y: 300 }),
      note('n3', 'ailleurs dans le cadre', { parentId: 'f', x: 100, y: 790 }),
      geo('box', 'Une boîte écrite', { parentId: 'f', x: 700, y: 20, w: 120, h: 60 }),
    ]);
    const [f] = board.frames;
    expect(f!.zones.map((zone) => [zone.label, zone.items.map((item) => item.id)])).toEqual([
      ['Idées faisables', ['shape:n2']],
      ['Idées fortes', ['shape:n1']],
    ]);
    // A labelled rectangle holding no note is someone's writing, not a zone; the question is not content.
    expect(f!.items.map((item) => [item.kind, item.text])).toEqual([
      ['geo', 'Une boîte écrite'],
      ['note', 'ailleurs dans le cadre'],
    ]);
    expect(board.items.map((item) => item.id)).toEqual(['shape:n2', 'shape:n1', 'shape:box', 'shape:n3']);
  });

  it('follows rotated and nested parents to page coordinates', () => {
    const board = readBoard([
      page(),
      frame('outer', 'Extérieur', { x: 1000, y: 0, w: 400, h: 400 }),
      // Rotated a quarter turn: its local (0..200, 0..100) lands left of its origin.
      frame('turned', 'Tourné', { x: 2000, y: 0, w: 200, h: 100, rotation: Math.PI / 2 }),
      frame('target', 'Cible', { x: 1800, y: 0, w: 200, h: 300 }),
      note('n', 'au-dessus de la cible', { x: 1850, y: 50 }),
    ]);
    const turned = board.frames.find((f) => f.title === 'Tourné')!;
    expect(turned.bounds.x).toBeCloseTo(1900);
    expect(turned.bounds.w).toBeCloseTo(100);
    // The note's centre (1950, 150) lies in both "Cible" and "Tourné": the smaller one wins.
    expect(turned.items.map((item) => item.id)).toEqual(['shape:n']);
  });

  it('reads pages in order and ignores records that are not shapes', () => {
    const board = readBoard([
      page('page:b', 'Deux', 'a2'),
      page('page:a', 'Un', 'a1'),
      note('second', 'page deux', { x: 0, y: 0, parentId: 'page:b' }),
      { id: 'instance:x', typeName: 'instance' },
      text('t', 'page un', { x: 500, y: 500, w: 100, parentId: 'page:a' }),
    ]);
    expect(board.pages.map((p) => p.name)).toEqual(['Un', 'Deux']);
    expect(board.looseItems.map((item) => [item.pageId, item.text])).toEqual([
      ['page:a', 'page un'],
      ['page:b', 'page deux'],
    ]);
  });
});
