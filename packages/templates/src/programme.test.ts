import { isScaffolding, readSectionId, readZone, richTextToPlainText } from '@atelier/board-schema';
import { builtInTemplateIds, numberSteps, type SessionState } from '@atelier/protocol';
import type { TLFrameShape, TLRecord, TLShape, TLTextShape } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import {
  areaOf,
  buildProgramme,
  buildSection,
  programmeWrites,
  sectionTitleText,
  type Area,
} from './programme';
import { assertValidShape } from './test-support';

const PAGE = 'page:page' as const;

function overlaps(a: Area, b: Area): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const topLevel = (records: readonly TLShape[]) => records.filter((r) => r.parentId === PAGE);

function frameBox(shape: TLShape): Area {
  const props = shape.props as { w: number; h: number };
  return { x: shape.x, y: shape.y, w: props.w, h: props.h };
}

describe('a programme', () => {
  it('T-PROG-1 every pair of templates: steps in order with their section, areas and frames never overlap', () => {
    for (const first of builtInTemplateIds) {
      for (const second of builtInTemplateIds) {
        const day = buildProgramme([{ template: first }, { template: second, groups: 3 }], {
          locale: 'fr',
          pageId: PAGE,
          sectionIds: ['a', 'b'],
        });
        const pair = `${first} + ${second}`;
        expect(
          day.sections.map((s) => s.template),
          pair,
        ).toEqual([first, second]);
        // The steps are the sections' steps in order, each knowing its section.
        const stepSections = day.steps.map((s) => s.sectionId);
        const firstCount = stepSections.filter((id) => id === 'a').length;
        expect(stepSections, pair).toEqual([
          ...Array<string>(firstCount).fill('a'),
          ...Array<string>(day.steps.length - firstCount).fill('b'),
        ]);
        expect(new Set(day.steps.map((s) => s.id)).size, pair).toBe(day.steps.length);
        const ids = new Set(day.records.map((r) => r.id));
        expect(ids.size, pair).toBe(day.records.length);
        for (const step of day.steps)
          if (step.frameId) expect(ids.has(step.frameId as TLShape['id']), pair).toBe(true);
        // The areas (titles included) lie apart, left to right; no top-level frame of one meets the other's.
        const [a, b] = [day.areas['a']!, day.areas['b']!];
        expect(overlaps(a, b), pair).toBe(false);
        expect(a.x + a.w, pair).toBeLessThan(b.x);
        const framesA = topLevel(day.records).filter((r) => r.type === 'frame' && readSectionId(r) === 'a');
        const framesB = topLevel(day.records).filter((r) => r.type === 'frame' && readSectionId(r) === 'b');
        for (const fa of framesA)
          for (const fb of framesB) expect(overlaps(frameBox(fa), frameBox(fb)), pair).toBe(false);
        // Every top-level shape belongs to its section.
        for (const shape of topLevel(day.records)) expect(readSectionId(shape), pair).not.toBeNull();
      }
    }
  });

  it('T-PROG-1 every shape is a valid tldraw shape in a day of every template', () => {
    const day = buildProgramme(
      builtInTemplateIds.map((template) => ({ template })),
      { locale: 'en', pageId: PAGE, sectionIds: builtInTemplateIds.map((_, i) => `s${i}`) },
    );
    for (const record of day.records) assertValidShape(record);
    const areas = Object.values(day.areas);
    for (let i = 0; i + 1 < areas.length; i++)
      expect(areas[i]!.x + areas[i]!.w).toBeLessThan(areas[i + 1]!.x);
  });

  it('T-PROG-2 steps and zones are named <section>.<step>; a section rebuilt has the same ids', () => {
    const day = buildProgramme([{ template: 'ideation' }, { template: 'ideation', groups: 2 }], {
      locale: 'fr',
      pageId: PAGE,
      sectionIds: ['x1', 'x2'],
    });
    expect(day.steps.map((s) => s.id)).toEqual([
      'x1.ideas',
      'x1.share',
      'x1.vote',
      'x1.actions',
      'x2.ideas',
      'x2.share',
      'x2.vote',
      'x2.actions',
    ]);
    const zones = day.records.flatMap((r) => (readZone(r)?.stepId ? [readZone(r)!.stepId!] : []));
    expect(zones.every((id) => id.startsWith('x1.') || id.startsWith('x2.'))).toBe(true);
    const again = buildSection({ template: 'ideation', groups: 2 }, 'x2', { locale: 'fr', pageId: PAGE });
    expect(again!.steps.map((s) => s.frameId)).toEqual(day.steps.slice(4).map((s) => s.frameId));
  });

  it('T-PROG-3 each section has a title above its area, scaffolding and locked, with its planned time', () => {
    const day = buildProgramme(
      [
        { template: 'talk', question: 'Mot de bienvenue', startsAt: '09:30' },
        { template: 'codev-flash', groups: 3 },
      ],
      { locale: 'fr', pageId: PAGE, sectionIds: ['a', 'b'] },
    );
    const titles = day.records.filter((r) => readZone(r)?.kind === 'section-title');
    expect(titles).toHaveLength(2);
    for (const title of titles) {
      expect(isScaffolding(title)).toBe(true);
      expect(title.isLocked).toBe(true);
      expect(title.parentId).toBe(PAGE);
    }
    expect(sectionTitleText(day.sections[0]!, 'fr')).toBe('9 h 30 · Mot de bienvenue');
    expect(sectionTitleText(day.sections[1]!, 'fr')).toBe('Flash codéveloppement');
    // The title is above the section's frames.
    const frames = topLevel(day.records).filter((r) => r.type === 'frame' && readSectionId(r) === 'b');
    expect(titles[1]!.y).toBeLessThan(Math.min(...frames.map((f) => f.y)));
  });

  it('P-NUM-1 frames are numbered across the day: a second section goes on from the first', () => {
    const day = buildProgramme(
      [{ template: 'identity-map' }, { template: 'break' }, { template: 'ideation' }],
      {
        locale: 'fr',
        pageId: PAGE,
        sectionIds: ['a', 'b', 'c'],
      },
    );
    const numbers = numberSteps(day.steps, day.firstStepNumber);
    const names = day.records.filter((r): r is TLFrameShape => r.type === 'frame').map((f) => f.props.name);
    // identity-map: 1-3; the break has no number; ideation: 4-7.
    expect(numbers.byId.get('c.ideas')).toBe(4);
    expect(names.some((name) => name.startsWith('4. Idées individuelles'))).toBe(true);
    expect(names.some((name) => name.startsWith('1. Idées individuelles'))).toBe(false);
  });
});

/** A board as the room holds it, with a document record. */
function boardOf(records: readonly TLRecord[]) {
  const map = new Map(records.map((r) => [r.id as string, r]));
  return { all: () => map.values(), get: (id: string) => map.get(id), map };
}

function apply(board: ReturnType<typeof boardOf>, write: { put: TLRecord[]; remove: string[] }) {
  for (const id of write.remove) board.map.delete(id);
  for (const record of write.put) board.map.set(record.id, record);
}

function stateOf(
  day: ReturnType<typeof buildProgramme>,
): Pick<SessionState, 'sections' | 'steps' | 'firstStepNumber' | 'locale' | 'log'> {
  return {
    sections: day.sections,
    steps: day.steps,
    firstStepNumber: day.firstStepNumber,
    locale: 'fr',
    log: [],
  };
}

function sectionAreas(board: ReturnType<typeof boardOf>) {
  const shapes = [...board.map.values()].filter(
    (r): r is TLShape => r.typeName === 'shape' && r.parentId === PAGE,
  );
  const ids = [...new Set(shapes.map((s) => readSectionId(s)!))];
  return Object.fromEntries(ids.map((id) => [id, areaOf(shapes.filter((s) => readSectionId(s) === id))]));
}

describe('the programme on a running board (T-PROG-4)', () => {
  const build = () =>
    buildProgramme(
      [{ template: 'talk' }, { template: 'codev-flash', groups: 2 }, { template: 'feedback-wall' }],
      {
        locale: 'fr',
        pageId: PAGE,
        sectionIds: ['a', 'b', 'c'],
      },
    );

  it('T-PROG-4 a section added is built with the ids of its steps’ frames, at its place in the order', () => {
    const day = build();
    const board = boardOf(day.records);
    const added = buildSection({ template: 'ideation', groups: 3 }, 'n1', { locale: 'fr', pageId: PAGE })!;
    const state = stateOf(day);
    state.sections = [day.sections[0]!, added.section, ...day.sections.slice(1)];
    state.steps = [
      ...day.steps.filter((s) => s.sectionId === 'a'),
      ...added.steps,
      ...day.steps.filter((s) => s.sectionId !== 'a'),
    ];
    const write = programmeWrites(board, state, [], PAGE);
    expect(write.keys).toEqual(['section:n1']);
    expect(write.remove).toEqual([]);
    for (const record of write.put) if (record.typeName === 'shape') assertValidShape(record);
    apply(board, write);
    for (const step of added.steps) expect(board.map.has(step.frameId!)).toBe(true);
    const areas = sectionAreas(board);
    expect(areas['a']!.x + areas['a']!.w).toBeLessThan(areas['n1']!.x);
    expect(areas['n1']!.x + areas['n1']!.w).toBeLessThan(areas['b']!.x);
    expect(areas['b']!.x + areas['b']!.w).toBeLessThan(areas['c']!.x);
    // Its frames are numbered where it stands: the talk is 1, so ideation starts at 2 and co-dev follows.
    const names = [...board.map.values()]
      .filter((r): r is TLFrameShape => r.typeName === 'shape' && r.type === 'frame')
      .map((f) => f.props.name);
    expect(names).toContain('2. Idées individuelles en silence (8 min)');
    expect(names.some((name) => name.startsWith('6. Exposé de la problématique'))).toBe(true);
    // Done once: the same state again adds nothing.
    const again = programmeWrites(board, state, write.keys, PAGE);
    expect(again.put.filter((r) => !board.map.has(r.id))).toEqual([]);
  });

  it('T-PROG-4 numbered instructions are renumbered with their frames, in their own section only', () => {
    // Two PGO sections after a talk: their texts number the steps sharing a frame ("2. Chacun place…").
    const day = buildProgramme([{ template: 'talk' }, { template: 'pgo' }, { template: 'pgo' }], {
      locale: 'fr',
      pageId: PAGE,
      sectionIds: ['a', 'd', 'e'],
    });
    const board = boardOf(day.records);
    const state = stateOf(day);
    state.sections = [day.sections[1]!, day.sections[0]!, day.sections[2]!];
    state.steps = [
      ...day.steps.filter((s) => s.sectionId === 'd'),
      ...day.steps.filter((s) => s.sectionId === 'a'),
      ...day.steps.filter((s) => s.sectionId === 'e'),
    ];
    apply(board, programmeWrites(board, state, [], PAGE));
    const numberedLines = (records: Iterable<TLRecord>, section: string) =>
      [...records]
        .filter(
          (r): r is TLTextShape =>
            r.typeName === 'shape' && r.type === 'text' && r.id.startsWith(`shape:${section}x`),
        )
        .flatMap((text) => richTextToPlainText(text.props.richText).split('\n'))
        .filter((line) => /^\d+\. /.test(line));
    const shifted = (lines: string[], by: number) =>
      lines.map((line) => line.replace(/^(\d+)\./, (_, n: string) => `${Number(n) + by}.`));
    const firstBefore = numberedLines(day.records, 'd');
    expect(firstBefore.length).toBeGreaterThan(1);
    // The first PGO comes before the talk now: one less; the second keeps its numbers.
    expect(numberedLines(board.map.values(), 'd')).toEqual(shifted(firstBefore, -1));
    expect(numberedLines(board.map.values(), 'e')).toEqual(numberedLines(day.records, 'e'));
  });

  it('T-PROG-4 a section moved moves its area; one removed leaves the board with everything in it', () => {
    const day = build();
    const board = boardOf(day.records);
    const state = stateOf(day);
    state.sections = [day.sections[2]!, day.sections[0]!, day.sections[1]!];
    state.steps = [
      ...day.steps.filter((s) => s.sectionId === 'c'),
      ...day.steps.filter((s) => s.sectionId !== 'c'),
    ];
    apply(board, programmeWrites(board, state, [], PAGE));
    let areas = sectionAreas(board);
    expect(areas['c']!.x + areas['c']!.w).toBeLessThan(areas['a']!.x);
    expect(areas['a']!.x + areas['a']!.w).toBeLessThan(areas['b']!.x);
    // Renumbered: the wall is step 1 now.
    const wall = [...board.map.values()].find(
      (r) => r.typeName === 'shape' && readZone(r)?.stepId === 'c.feedback',
    ) as TLFrameShape;
    expect(wall.props.name).toBe('1. Retours (20 min)');

    state.sections = [day.sections[2]!, day.sections[0]!];
    state.steps = state.steps.filter((s) => s.sectionId !== 'b');
    // Someone bound an arrow to one of its frames: the binding goes with the frame.
    const bound = {
      id: 'binding:someone',
      typeName: 'binding',
      type: 'arrow',
      fromId: 'shape:arrow',
      toId: 'shape:bx0',
      props: {},
      meta: {},
    };
    board.map.set(bound.id, bound as unknown as TLRecord);
    const removal = programmeWrites(board, state, [], PAGE);
    const inB = day.records.filter((r) => r.id.startsWith('shape:bx'));
    expect(new Set(removal.remove)).toEqual(new Set([...inB.map((r) => r.id), bound.id]));
    apply(board, removal);
    areas = sectionAreas(board);
    expect(Object.keys(areas).sort()).toEqual(['a', 'c']);
  });
});
