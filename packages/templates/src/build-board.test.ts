import { isScaffolding, readCard, readZone } from '@atelier/board-schema';
import {
  BuiltInTemplateId,
  builtInTemplateIds,
  templateIdSchema,
  templateSummarySchema,
  type Locale,
} from '@atelier/protocol';
import type { TLFrameShape, TLShape, TLTextShape } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { buildBoard, frameForGroup, getTemplate, listTemplates, type BuildBoardOptions } from './build-board';
import { richTextToPlainText } from '@atelier/board-schema';
import { assertValidShape, counterIds } from './test-support';
import { estimateTextHeight, FRAME_NAME_ROOM } from './text-layout';

const PAGE = 'page:page' as const;

function build(id: string, options: Partial<BuildBoardOptions> = {}) {
  return buildBoard(id, { locale: 'fr', pageId: PAGE, createId: counterIds(), ...options });
}

function frames(records: readonly TLShape[]): TLFrameShape[] {
  return records.filter((r): r is TLFrameShape => r.type === 'frame');
}

/** The box a shape takes at least: frames and geo their size, notes 200 × 200, fixed-width text its width. */
function size(shape: TLShape): { w: number; h: number } | null {
  if (shape.type === 'note') return { w: 200, h: 200 };
  if (shape.type === 'text') return shape.props.autoSize ? null : { w: shape.props.w, h: 0 };
  const props = shape.props as { w?: number; h?: number };
  return typeof props.w === 'number' && typeof props.h === 'number' ? { w: props.w, h: props.h } : null;
}

function allText(records: readonly TLShape[]): string {
  return records
    .map((r) => {
      const props = r.props as { richText?: unknown; name?: string };
      return [props.name ?? '', richTextToPlainText(props.richText)].join('\n');
    })
    .join('\n');
}

const minutesOf = (id: string) => (getTemplate(id)?.steps ?? []).map((s) => s.durationMs / 60_000);

describe('catalogue', () => {
  it('T-ID lists the six built-in templates with valid summaries', () => {
    const list = listTemplates();
    expect(list.map((t) => t.id)).toEqual(builtInTemplateIds);
    for (const summary of list) expect(templateSummarySchema.parse(summary)).toEqual(summary);
    expect(getTemplate('codev')?.title.fr).toBe('Codéveloppement professionnel');
    expect(getTemplate('nope')).toBeUndefined();
    // Saved templates get other ids: the schema accepts any short slug, not only the built-in ones.
    expect(templateIdSchema.safeParse('mon-atelier-2027').success).toBe(true);
    expect(templateIdSchema.safeParse('Mon atelier').success).toBe(false);
    expect(() => build('nope')).toThrow(/unknown template/);
  });

  it('T-VERSION carries a version into summaries and built boards', () => {
    for (const t of listTemplates()) {
      expect(t.version).toBeGreaterThanOrEqual(1);
      expect(build(t.id).templateVersion).toBe(t.version);
    }
  });

  it('T-I18N has every text in French and English', () => {
    for (const t of listTemplates()) {
      const texts = [t.title, t.description, ...t.roles.flatMap((r) => [r.name, r.description])];
      texts.push(...t.steps.flatMap((s) => [s.title, s.instructions]));
      for (const text of texts) {
        expect(text.fr.trim(), `${t.id} fr`).not.toBe('');
        expect(text.en.trim(), `${t.id} en`).not.toBe('');
      }
      // Long texts are sentences: an English one equal to the French one was not translated.
      for (const text of texts.filter((x) => x.fr.length > 40)) expect(text.en, `${t.id}`).not.toBe(text.fr);
    }
  });
});

describe('sequences', () => {
  it('T-DURATION-* totals 85, 35, 30, 30 and 120 minutes', () => {
    const totals = Object.fromEntries(listTemplates().map((t) => [t.id, t.totalDurationMs / 60_000]));
    expect(totals).toMatchObject({
      codev: 85,
      'codev-flash': 35,
      ideation: 30,
      'identity-map': 30,
      pgo: 120,
    });
    for (const t of listTemplates()) {
      expect(t.totalDurationMs).toBe(t.steps.reduce((sum, s) => sum + s.durationMs, 0));
    }
  });

  it('T-DURATION-* keeps each step at its documented length', () => {
    expect(minutesOf('codev')).toEqual([10, 15, 10, 25, 15, 10]);
    expect(minutesOf('codev-flash')).toEqual([3, 7, 10, 10, 5]);
    expect(minutesOf('ideation')).toEqual([8, 8, 4, 10]);
    expect(minutesOf('identity-map')).toEqual([10, 10, 10]);
    expect(minutesOf('pgo')).toEqual([10, 20, 10, 10, 30, 30, 10]);
    expect(getTemplate('pgo')?.steps[3]?.kind).toBe('break');
  });

  it('T-DURATION-CODEV names the codev roles', () => {
    expect(getTemplate('codev')?.roles.map((r) => r.name.fr)).toEqual(['Client', 'Consultants', 'Animateur']);
    expect(getTemplate('codev-flash')?.roles.map((r) => r.id)).toEqual([
      'client',
      'consultants',
      'facilitator',
    ]);
  });

  it('T-VOTE gives vote steps their dot settings, what they vote on and how many places they decide', () => {
    const vote = (id: string) =>
      getTemplate(id)
        ?.steps.filter((s) => s.kind === 'vote')
        .map((s) => s.vote);
    expect(vote('ideation')).toEqual([
      {
        dotsPerPerson: 3,
        maxDotsPerItem: 3,
        anonymous: false,
        itemKind: 'note',
        decisionTitle: { fr: 'Actions retenues', en: 'Actions kept' },
      },
    ]);
    expect(vote('pgo')).toEqual([
      {
        dotsPerPerson: 2,
        maxDotsPerItem: 1,
        anonymous: false,
        itemKind: 'zone',
        places: 2,
        decisionTitle: { fr: 'Thématiques retenues', en: 'Themes kept' },
      },
    ]);
  });

  it('T-RECAP: only the PGO recap step fills its frame with the recap', () => {
    const recaps = listTemplates().flatMap((template) =>
      template.steps.filter((step) => step.recap).map((step) => `${template.id}/${step.id}`),
    );
    expect(recaps).toEqual(['pgo/recap']);
  });

  it('T-BLANK builds no shapes and one free step', () => {
    const board = build(BuiltInTemplateId.blank, { groups: 5 });
    expect(board.records).toEqual([]);
    expect(board.steps).toHaveLength(1);
    expect(board.steps[0]?.frameId).toBeUndefined();
    expect(board.groups).toEqual([]);
  });
});

const locales: Locale[] = ['fr', 'en'];
const groupCounts = [1, 2, 3, 4, 5, 6, 7, 8];

describe.each(builtInTemplateIds)('board %s', (templateId) => {
  it('T-VALID every record validates against tldraw for 1 to 8 groups in both locales', () => {
    for (const locale of locales) {
      for (const groups of groupCounts) {
        const board = build(templateId, { groups, locale });
        for (const record of board.records) assertValidShape(record);
        const types = new Set(board.records.map((r) => r.type));
        for (const type of types)
          expect(['frame', 'text', 'note', 'geo', 'line', 'arrow', 'image']).toContain(type);
      }
    }
  });

  it('T-IDS uses the injected ids and is deterministic', () => {
    const a = build(templateId, { groups: 3 });
    const b = build(templateId, { groups: 3 });
    expect(a).toEqual(b);
    expect(new Set(a.records.map((r) => r.id)).size).toBe(a.records.length);
    a.records.forEach((r, i) => expect(r.id).toBe(`shape:id${i + 1}`));
    if (a.records.length > 1) {
      expect(() => build(templateId, { createId: () => 'same' })).toThrow(/duplicate/);
    }
  });

  it('T-PARENT parents every record to the page or an earlier frame, with increasing indices', () => {
    for (const groups of [1, 8]) {
      const board = build(templateId, { groups });
      const seenFrames = new Set<string>();
      const lastIndex = new Map<string, string>();
      for (const record of board.records) {
        expect(record.parentId === PAGE || seenFrames.has(record.parentId), `${record.id} parent`).toBe(true);
        assertValidShape(record); // includes the fractional index's own format
        const previous = lastIndex.get(record.parentId);
        if (previous !== undefined) expect(record.index > previous).toBe(true);
        lastIndex.set(record.parentId, record.index);
        if (record.type === 'frame') seenFrames.add(record.id);
      }
    }
  });

  it('T-LAYOUT keeps top-level frames apart and children inside their frame', () => {
    for (const [groups, locale] of groupCounts.flatMap((g) => locales.map((l) => [g, l] as const))) {
      const board = build(templateId, { groups, locale });
      const top = frames(board.records).filter((f) => f.parentId === PAGE);
      for (let i = 0; i < top.length; i++) {
        for (let j = i + 1; j < top.length; j++) {
          const a = top[i]!;
          const b = top[j]!;
          const apart =
            a.x + a.props.w <= b.x ||
            b.x + b.props.w <= a.x ||
            a.y + a.props.h <= b.y ||
            b.y + b.props.h <= a.y;
          expect(apart, `${a.props.name} / ${b.props.name} with ${groups} groups`).toBe(true);
        }
      }
      const byId = new Map(board.records.map((r) => [r.id, r]));
      for (const record of board.records) {
        const parent = byId.get(record.parentId as TLShape['id']);
        const own = size(record);
        if (!parent || parent.type !== 'frame' || !own) continue;
        expect(record.x, `${record.id} left`).toBeGreaterThanOrEqual(0);
        expect(record.y, `${record.id} top`).toBeGreaterThanOrEqual(0);
        expect(record.x + own.w, `${record.id} right`).toBeLessThanOrEqual(parent.props.w);
        expect(record.y + own.h, `${record.id} bottom`).toBeLessThanOrEqual(parent.props.h);
      }
    }
  });

  it('T-NAME-ROOM leaves the room above a frame inside a frame free of instructions', () => {
    for (const groups of [1, 3]) {
      const board = build(templateId, { groups });
      const byId = new Map(board.records.map((r) => [r.id, r]));
      const inFrame = (r: TLShape) => byId.get(r.parentId as TLShape['id'])?.type === 'frame';
      const texts = board.records.filter(
        (r): r is TLTextShape => r.type === 'text' && !r.props.autoSize && inFrame(r),
      );
      for (const frame of frames(board.records).filter(inFrame)) {
        for (const text of texts.filter((t) => t.parentId === frame.parentId)) {
          const textBottom =
            text.y +
            estimateTextHeight(richTextToPlainText(text.props.richText), text.props.w, text.props.size);
          const apart =
            text.x + text.props.w <= frame.x ||
            frame.x + frame.props.w <= text.x ||
            textBottom <= frame.y - FRAME_NAME_ROOM ||
            text.y >= frame.y;
          expect(apart, `"${frame.props.name}" under its text, ${groups} group(s)`).toBe(true);
        }
      }
    }
  });

  it('T-STEP-FRAME points each step at a frame of the board', () => {
    for (const groups of [1, 3, 8]) {
      const board = build(templateId, { groups });
      const frameIds = new Set(frames(board.records).map((f) => f.id));
      for (const step of board.steps) {
        if (step.kind === 'break' || templateId === 'blank') {
          expect(step.frameId).toBeUndefined();
          continue;
        }
        expect(frameIds.has(step.frameId as TLFrameShape['id']), `${step.id}`).toBe(true);
        for (const group of board.groups) {
          const zone = group.stepFrameIds[step.id];
          expect(frameForGroup(board.records, step.frameId!, group.group)).toBe(zone);
          expect(board.records.find((r) => r.id === zone)?.parentId).toBe(group.frameId);
        }
      }
    }
  });

  it('T-SCAFFOLD marks everything but notes and cards, and locks it except frames', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const shape of build(templateId, { locale, groups: 3 }).records) {
        const participantsWork = shape.type === 'note' || readCard(shape) !== null;
        expect(isScaffolding(shape), `${shape.type} ${shape.id}`).toBe(!participantsWork);
        expect(shape.isLocked, `${shape.type} ${shape.id}`).toBe(!participantsWork && shape.type !== 'frame');
      }
    }
  });

  it('T-I18N writes the board in the requested language', () => {
    const fr = allText(build(templateId, { locale: 'fr' }).records);
    const en = allText(build(templateId, { locale: 'en' }).records);
    if (templateId === 'blank' || templateId === 'break') return;
    expect(fr).toMatch(/[éèàç]/);
    expect(fr).not.toBe(en);
    for (const step of getTemplate(templateId)!.steps.filter((s) => s.kind !== 'break')) {
      expect(fr, step.id).toContain(step.title.fr);
      expect(en, step.id).toContain(step.title.en);
    }
  });
});

describe('groups', () => {
  it('T-GROUPS builds one frame per group with a zone per step, clamped to the template range', () => {
    for (const templateId of ['codev', 'codev-flash', 'ideation']) {
      expect(build(templateId).groups).toHaveLength(3);
      for (const groups of groupCounts) {
        const board = build(templateId, { groups });
        const groupFrames = frames(board.records).filter((f) => readZone(f)?.kind === 'group');
        expect(groupFrames.map((f) => readZone(f)?.group)).toEqual(groupCounts.slice(0, groups));
        expect(board.groups.map((g) => g.frameId)).toEqual(groupFrames.map((f) => f.id));
        for (const g of board.groups) {
          expect(Object.keys(g.stepFrameIds)).toEqual(board.steps.map((s) => s.id));
        }
      }
      expect(build(templateId, { groups: 12 }).groups).toHaveLength(8);
      expect(build(templateId, { groups: 0 }).groups).toHaveLength(1);
    }
    expect(build('codev', { groups: 2 }).records.find((r) => r.type === 'frame')).toMatchObject({
      props: { name: 'Groupe 1 · Codéveloppement professionnel' },
    });
  });

  it('T-GROUPS keeps plenary templates on one board', () => {
    for (const templateId of ['identity-map', 'pgo']) {
      expect(build(templateId, { groups: 6 })).toEqual(build(templateId, { groups: 1 }));
      expect(build(templateId, { groups: 6 }).groups).toEqual([]);
    }
  });
});

describe('question', () => {
  it('T-QUESTION shows the default question on every ideation group', () => {
    const board = build('ideation', { groups: 4 });
    expect(board.question).toBe('Comment faire avancer la communauté des labs en 2027 ?');
    const shown = board.records.filter((r) => readZone(r)?.kind === 'instructions');
    expect(shown).toHaveLength(4);
    for (const shape of shown)
      expect(richTextToPlainText((shape.props as { richText: unknown }).richText)).toBe(board.question);
  });

  it('T-QUESTION uses a custom question, trimmed, and ignores a blank one', () => {
    expect(build('ideation', { question: '  Comment mieux accueillir ?  ' }).question).toBe(
      'Comment mieux accueillir ?',
    );
    expect(build('ideation', { question: '   ', locale: 'en' }).question).toBe(
      'How can we move the labs community forward in 2027?',
    );
    expect(build('codev').question).toBeNull();
    expect(build('codev', { question: '   ' }).question).toBeNull();
  });

  it('T-QUESTION keeps the question given for every template and writes it on the board (blank: header only)', () => {
    const question = 'Comment accueillir les nouveaux labs ?';
    for (const templateId of builtInTemplateIds) {
      const board = build(templateId, { question: `  ${question} ` });
      expect(board.question, templateId).toBe(question);
      const onBoard = allText(board.records).split(question).length - 1;
      // One per group for the group templates, once for the plenary ones, none on the empty board.
      // A break lays nothing out: its question titles its section in a programme (T-PROG-3).
      const empty = templateId === 'blank' || templateId === 'break';
      expect(onBoard, templateId).toBe(empty ? 0 : Math.max(1, board.groups.length));
    }
  });

  it('T-QUESTION co-development calls it the client’s question and puts it in each problem note', () => {
    for (const templateId of ['codev', 'codev-flash']) {
      expect(getTemplate(templateId)?.questionLabel?.fr).toBe('Question du client');
      const board = build(templateId, { question: 'Comment tenir les délais ?', groups: 2 });
      const notes = board.records.filter((r) => r.type === 'note');
      const problems = notes.filter((r) =>
        richTextToPlainText((r.props as { richText: unknown }).richText).startsWith('Problématique :'),
      );
      expect(problems.map((r) => richTextToPlainText((r.props as { richText: unknown }).richText))).toEqual([
        'Problématique : Comment tenir les délais ?',
        'Problématique : Comment tenir les délais ?',
      ]);
    }
  });
});

describe('numbering', () => {
  it('T-NUMBER frames are titled with protocol’s numberSteps: PGO from 0, its break unnumbered', () => {
    const board = build('pgo');
    expect(board.firstStepNumber).toBe(0);
    expect(getTemplate('pgo')?.firstStepNumber).toBe(0);
    const names = frames(board.records).map((frame) => frame.props.name);
    expect(names).toContain('0. Introduction : enjeux et feuille de route (10 min)');
    expect(names).toContain(
      '1. Réflexion sur les thématiques (20 min) · 2. Choix des deux thématiques (10 min)',
    );
    expect(names).toContain('5. Récapitulatif de la production (10 min)');
    expect(allText(board.records)).toContain('• Pause (10 min)');
    expect(allText(board.records)).not.toMatch(/\d\. Pause/);
  });

  it('T-NUMBER other templates number from 1, in every group', () => {
    for (const templateId of builtInTemplateIds.filter((id) => id !== 'pgo')) {
      const board = build(templateId, { groups: 2 });
      expect(board.firstStepNumber, templateId).toBe(1);
      expect(getTemplate(templateId)?.firstStepNumber, templateId).toBeUndefined();
    }
    const names = frames(build('codev-flash', { groups: 2 }).records).map((frame) => frame.props.name);
    expect(names.filter((name) => name.startsWith('1. Exposé'))).toHaveLength(2);
  });
});

describe('timers', () => {
  it('T-TIMER only the PGO introduction and a talk wait for the facilitator to start their timer', () => {
    const manual = listTemplates().flatMap((summary) =>
      summary.steps.filter((step) => step.timerStart === 'manual').map((step) => `${summary.id}/${step.id}`),
    );
    expect(manual).toEqual(['pgo/intro', 'talk/talk']);
  });
});

describe('cards', () => {
  it('T-CARDS puts 3 blank action cards in each ideation group’s last zone', () => {
    const board = build('ideation', { groups: 2 });
    for (const group of board.groups) {
      const zone = group.stepFrameIds['actions'];
      const cards = board.records.filter((r) => r.parentId === zone && readCard(r)?.kind === 'action');
      expect(cards).toHaveLength(3);
      expect(readCard(cards[0]!)).toEqual({
        kind: 'action',
        fields: { action: '', why: '', firstStep: '', owner: '' },
      });
    }
  });

  it('T-CARDS puts 12 blank identity cards in the identity map tray', () => {
    const board = build('identity-map');
    const tray = board.steps.find((s) => s.id === 'fill-card')!.frameId;
    const cards = board.records.filter((r) => readCard(r)?.kind === 'identity');
    expect(cards).toHaveLength(12);
    for (const card of cards) expect(card.parentId).toBe(tray);
    expect(richTextToPlainText((cards[0]!.props as { richText: unknown }).richText)).toContain(
      'Nom du lab : …',
    );
  });
});
