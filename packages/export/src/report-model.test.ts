import { describe, expect, it } from 'vitest';
import { NameDisplay } from '@atelier/protocol';
import { buildBoard } from '@atelier/templates';
import { toRichText } from '@tldraw/tlschema';
import { buildReportModel } from './report-model';
import { escapeMarkdown } from './escape';
import { exportedAt, note, page, pageId, person, session } from './test-fixtures';

/** A board built by the real ideation template (3 groups), with notes written in two groups. */
function ideationBoard() {
  let next = 0;
  const built = buildBoard('ideation', { locale: 'fr', pageId, groups: 3, createId: () => `t${++next}` });
  const zoneOf = (group: number, stepId: string) =>
    built.groups[group - 1]!.stepFrameIds[stepId]!.replace('shape:', '');
  const records = [
    page(),
    ...built.records,
    note('g1-idea', 'Des visios inter-labs courtes', {
      parentId: zoneOf(1, 'ideas'),
      x: 40,
      y: 400,
      lastEditedBy: 'u-ana',
    }),
    note('g2-idea', 'Capsules vidéo', { parentId: zoneOf(2, 'ideas'), x: 40, y: 400, lastEditedBy: 'u-ben' }),
  ];
  return { built, records };
}

describe('buildReportModel on a board built by the ideation template', () => {
  const { built, records } = ideationBoard();
  const state = session({
    steps: built.steps,
    participants: [person('u-ana', 'Ana', { groupId: 'g1' }), person('u-ben', 'Ben', { groupId: 'g1' })],
    groups: {
      mode: 'self',
      // Group 2 was given its frame at split time; group 1 is found through the template's zone meta.
      list: [
        { id: 'g1', name: 'Les Pionniers' },
        { id: 'g2', name: 'Les Curieux', frameId: built.groups[1]!.frameId },
      ],
    },
  });
  const model = buildReportModel({
    board: { title: 'Idéation', createdAt: '2026-11-27T08:00:00.000Z', template: 'ideation' },
    records,
    session: state,
    exportedAt,
    locale: 'fr',
    names: 'full',
  });

  it('names the template from its id', () => {
    expect(model.template).toBe('3 actions fortes et faisables');
  });

  it('keeps only the frames that hold notes (and the steps’ frames, for their images), nested under their group frame', () => {
    // The steps' frames are kept for the PDF's pages of their images, even empty.
    const empty = model.sections.filter((s) => s.items.length === 0 && s.zones.length === 0 && s.depth > 0);
    expect(empty.every((s) => s.stepFrame)).toBe(true);
    expect(model.sections.filter((s) => !empty.includes(s)).map((s) => [s.depth, s.title])).toEqual([
      [0, 'Groupe 1 · 3 actions fortes et faisables'],
      [1, '1. Idées individuelles en silence (8 min)'],
      [0, 'Groupe 2 · 3 actions fortes et faisables'],
      [1, '1. Idées individuelles en silence (8 min)'],
    ]);
    expect(model.outside).toBeNull();
  });

  it('lists notes with the group of the frame they are in, not their author’s', () => {
    expect(model.items.map((n) => [n.text, n.group, n.author])).toEqual([
      ['Des visios inter-labs courtes', 'Les Pionniers', 'Ana'],
      ['Capsules vidéo', 'Les Curieux', 'Ben'],
    ]);
    expect(model.items[0]!.frame).toBe(
      'Groupe 1 · 3 actions fortes et faisables › 1. Idées individuelles en silence (8 min)',
    );
  });

  it('leaves out instructions, the question and blank action cards', () => {
    const texts = model.sections
      .flatMap((s) => [...s.items, ...s.zones.flatMap((z) => z.items)])
      .map((n) => n.text);
    expect(texts).toEqual(['Des visios inter-labs courtes', 'Capsules vidéo']);
    expect(model.actions).toEqual([]);
  });
});

describe('buildReportModel on a codev board', () => {
  it('leaves out the prompts the template put on notes until someone fills them in', () => {
    let next = 0;
    const built = buildBoard('codev', { locale: 'fr', pageId, groups: 1, createId: () => `c${++next}` });
    const prompts = built.records.filter((shape) => shape.type === 'note');
    expect(prompts.length).toBeGreaterThan(1);
    const [first] = prompts;
    const filled = {
      ...first!,
      props: { ...first!.props, richText: toRichText('Demande du client : trouver des financements') },
    };
    const model = buildReportModel({
      board: { title: 'Codev', createdAt: '2026-11-27T08:00:00.000Z', template: 'codev' },
      records: [page(), ...built.records.map((shape) => (shape.id === first!.id ? filled : shape))],
      session: null,
      exportedAt,
      locale: 'en',
    });
    expect(model.items.map((n) => n.text)).toEqual(['Demande du client : trouver des financements']);
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline markup everywhere and block markup at line starts only', () => {
    expect(escapeMarkdown('*gras* _it_ [lien](x) <b> a|b `c` ~d~ &amp;')).toBe(
      '\\*gras\\* \\_it\\_ \\[lien\\](x) \\<b\\> a\\|b \\`c\\` \\~d\\~ \\&amp;',
    );
    expect(escapeMarkdown('# titre\n- item\n1. un\nR&D 3-2')).toBe('\\# titre\n\\- item\n1\\. un\nR&D 3-2');
    expect(escapeMarkdown('1. un', { blockStart: false })).toBe('1. un');
  });
});

describe('people who left long ago', () => {
  it('are listed in the report and still name the notes they wrote (the roster kept outside the live list)', () => {
    const { built, records } = ideationBoard();
    const model = buildReportModel({
      board: { title: 'Idéation', createdAt: '2026-11-27T08:00:00.000Z', template: 'ideation' },
      records,
      session: session({
        steps: built.steps,
        participants: [person('u-ben', 'Ben')],
        pastParticipants: [{ userId: 'u-ana', name: 'Ana', role: 'participant', leftAt: exportedAt - 1 }],
      }),
      exportedAt,
      locale: 'fr',
      names: NameDisplay.full,
    });
    expect(model.people.map((row) => row.name)).toEqual(['Ana', 'Ben']);
    expect(model.items.map((entry) => entry.author)).toEqual(['Ana', 'Ben']);
  });
});
