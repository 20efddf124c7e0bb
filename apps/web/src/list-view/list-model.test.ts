import { noteMetaKey, readZone, ZoneKind } from '@atelier/board-schema';
import { readBoard, type BoardRecord } from '@atelier/export';
import { buildBoard, engagementCardsForThemes } from '@atelier/templates';
import type { TLParentId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { adjacentInOrder, headingLevel, listSections, notesInReadingOrder } from './list-model';

function pgoBoard() {
  let n = 0;
  const built = buildBoard('pgo', { locale: 'fr', pageId: 'page:page', createId: () => `s${n++}` });
  const page = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} };
  return { built, records: [page, ...built.records] as BoardRecord[] };
}

const note = (id: string, parentId: string, x: number, y: number, text: string, author: string) => ({
  id,
  typeName: 'shape',
  type: 'note',
  parentId,
  x,
  y,
  rotation: 0,
  index: `a${id}`,
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
  meta: { [noteMetaKey.author]: author },
});

describe('listSections', () => {
  const { built, records } = pgoBoard();
  const themesStep = built.steps.find((step) => step.id === 'themes')!;
  const columns = built.records.filter(
    (shape) => shape.type === 'frame' && readZone(shape)?.kind === ZoneKind.theme,
  );
  const [first, second] = columns as [(typeof columns)[0], (typeof columns)[0]];

  it("lists the step's frame, then its columns as sections one level down, notes in reading order", () => {
    const reading = readBoard([
      ...records,
      // Written out of order: the lower note first.
      note('shape:low', first.id, 20, 400, 'En bas', 'ana'),
      note('shape:high', first.id, 20, 80, 'En haut', 'ben'),
      note('shape:other', second.id, 20, 80, 'Ailleurs', 'ana'),
    ]);
    const sections = listSections(reading, [themesStep.frameId!], [first.id, second.id], 'Hors des cadres');
    expect(sections[0]).toMatchObject({ id: themesStep.frameId, level: 0, addable: false });
    expect(sections[0]!.title).toMatch(/Réflexion sur les thématiques/);
    const columnSections = sections.filter((section) => section.level === 1);
    const columnIds: string[] = columns.map((column) => column.id);
    // The seven columns, left to right as the template lays them out.
    expect(columnSections.map((section) => section.id).filter((id) => columnIds.includes(id))).toEqual(
      columnIds,
    );
    const firstColumn = sections.find((section) => section.id === first.id)!;
    expect(firstColumn.addable).toBe(true);
    expect(firstColumn.items.map((item) => [item.text, item.authorId, item.kind])).toEqual([
      ['En haut', 'ben', 'note'],
      ['En bas', 'ana', 'note'],
    ]);
    expect(sections.find((section) => section.id === second.id)!.items.map((item) => item.text)).toEqual([
      'Ailleurs',
    ]);
    // Nothing of another step, and no template furniture listed as a contribution.
    expect(sections.flatMap((section) => section.items).every((item) => item.kind === 'note')).toBe(true);
    // A column's header repeats its title: not a zone of its own.
    expect(sections.filter((section) => section.title === firstColumn.title)).toHaveLength(1);
    expect(headingLevel(sections[0]!)).toBe(3);
    expect(headingLevel(firstColumn)).toBe(4);
  });

  it('lists the engagement cards of their step as cards', () => {
    const engagements = built.steps.find((step) => step.id === 'engagements')!;
    let n = 0;
    const cards = engagementCardsForThemes(['probity', 'open-data'], {
      parentId: engagements.frameId! as TLParentId,
      locale: 'fr',
      createId: () => `card${n++}`,
    });
    const reading = readBoard([...records, ...(cards as BoardRecord[])]);
    const items = listSections(reading, [engagements.frameId!], [], 'Hors des cadres').flatMap(
      (section) => section.items,
    );
    expect(items).toHaveLength(2);
    expect(items.every((item) => item.kind === 'card' && item.card?.kind === 'engagement')).toBe(true);
  });

  it('without a step frame lists every frame, then what lies outside them', () => {
    const reading = readBoard([...records, note('shape:loose', 'page:page', -5000, -5000, 'Dehors', 'ana')]);
    const sections = listSections(reading, null, [], 'Hors des cadres');
    expect(sections.at(-1)).toMatchObject({ id: 'outside', title: 'Hors des cadres' });
    expect(sections.at(-1)!.items.map((item) => item.text)).toEqual(['Dehors']);
    expect(sections.filter((section) => section.level === 0).length).toBeGreaterThan(3);
  });

  it("lists every group's zone of a step, each at the top level", () => {
    let n = 0;
    const ideation = buildBoard('ideation', {
      locale: 'fr',
      pageId: 'page:page',
      groups: 2,
      createId: () => `i${n++}`,
    });
    const zones = ideation.records
      .filter((shape) => shape.type === 'frame' && readZone(shape)?.stepId === 'ideas')
      .map((shape) => shape.id as string);
    expect(zones).toHaveLength(2);
    const page = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} };
    const sections = listSections(
      readBoard([page, ...ideation.records] as BoardRecord[]),
      zones,
      [zones[1]!],
      'Hors des cadres',
    );
    expect(sections.filter((section) => section.level === 0).map((section) => section.id)).toEqual(zones);
    expect(sections.filter((section) => section.addable).map((section) => section.id)).toEqual([zones[1]]);
  });

  it('lists nothing for a frame that is gone', () => {
    expect(listSections(readBoard(records), ['shape:gone'], [], 'Hors des cadres')).toEqual([]);
  });
});

describe('notesInReadingOrder and adjacentInOrder', () => {
  const { built, records } = pgoBoard();
  const columns = built.records.filter(
    (shape) => shape.type === 'frame' && readZone(shape)?.kind === ZoneKind.theme,
  );
  const reading = readBoard([
    ...records,
    note('shape:b', columns[1]!.id, 20, 80, 'Deuxième colonne', 'ana'),
    note('shape:a2', columns[0]!.id, 20, 400, 'Première, en bas', 'ana'),
    note('shape:a1', columns[0]!.id, 20, 80, 'Première, en haut', 'ben'),
  ]);

  it('walks the notes column by column, top to bottom, skipping the template', () => {
    expect(notesInReadingOrder(reading)).toEqual(['shape:a1', 'shape:a2', 'shape:b']);
  });

  it('moves to the next or previous one, and off either end', () => {
    const ids = notesInReadingOrder(reading);
    expect(adjacentInOrder(ids, null, 'next')).toBe('shape:a1');
    expect(adjacentInOrder(ids, null, 'previous')).toBe('shape:b');
    expect(adjacentInOrder(ids, 'shape:a1', 'next')).toBe('shape:a2');
    expect(adjacentInOrder(ids, 'shape:a2', 'previous')).toBe('shape:a1');
    expect(adjacentInOrder(ids, 'shape:b', 'next')).toBeNull();
    expect(adjacentInOrder(ids, 'shape:a1', 'previous')).toBeNull();
    expect(adjacentInOrder([], null, 'next')).toBeNull();
  });
});
