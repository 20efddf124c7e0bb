import {
  cardMeta,
  emptyCardFields,
  isScaffolding,
  readCard,
  readZone,
  richTextToPlainText,
} from '@atelier/board-schema';
import type { Decision, SessionState } from '@atelier/protocol';
import type { TLFrameShape, TLShape } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { buildBoard } from './build-board';
import { boardWritesMetaKey, decisionMetaKey, recapMetaKey, sessionBoardWrites } from './session-writes';
import { assertValidShape, counterIds, TestRoom } from './test-support';

function pgo(locale: 'fr' | 'en' = 'fr') {
  const built = buildBoard('pgo', { locale, pageId: 'page:p', createId: counterIds('b') });
  const room = new TestRoom(built.records);
  const column = (theme: string) =>
    built.records.find((shape) => shape.type === 'frame' && readZone(shape)?.theme === theme)!.id;
  const state = (extra: Partial<SessionState>): SessionState => ({
    revision: 10,
    steps: built.steps,
    currentStepId: 'theme-vote',
    timer: { status: 'idle', remainingMs: 0 },
    groups: null,
    participants: [],
    camera: { summon: null, follow: null },
    vote: null,
    log: [],
    createdAt: 0,
    updatedAt: 0,
    locale,
    ...extra,
  });
  return { built, room, column, state };
}

function decisionOn(itemIds: string[], extra: Partial<Decision> = {}): Decision {
  return {
    id: 'decision-7',
    voteId: 'vote-3',
    stepId: 'theme-vote',
    title: { fr: 'Thématiques retenues', en: 'Themes kept' },
    itemKind: 'zone',
    places: 2,
    retained: itemIds.map((itemId, i) => ({ itemId, count: 3 - i })),
    reason: 'votes',
    at: 0,
    ...extra,
  };
}

const textOf = (shape: TLShape | undefined) =>
  richTextToPlainText((shape?.props as { richText?: unknown } | undefined)?.richText);
const ids = counterIds('w');

describe('what the server writes on the board', () => {
  it('T-WRITES: a decision on themes fills the decision slot and adds one engagement card per retained theme', () => {
    const { room, column, state } = pgo();
    const sante = column('school-health');
    const droit = column('right-to-information');
    const inclusion = column('inclusive-school');
    const decision = decisionOn([sante, droit], {
      reason: 'runoff',
      retained: [
        { itemId: sante, count: 1 },
        { itemId: droit, count: 1 },
      ],
      tied: [sante, droit, inclusion].map((itemId) => ({ itemId, count: 1 })),
      runoffs: [{ voteId: 'vote-5', results: [] }],
    });
    const puts = sessionBoardWrites(room, state({ decisions: [decision] }), { createId: ids });
    expect(puts).not.toBeNull();
    for (const record of puts ?? []) if (record.typeName === 'shape') assertValidShape(record);
    room.apply(puts);

    const slot = room.shapes().find((shape) => readZone(shape)?.kind === 'decision');
    expect(textOf(slot).split('\n')).toEqual([
      'Thématiques retenues',
      "- Santé à l'école/université — 1 point",
      "- Droit à l'information — 1 point",
      "Égalité à la coupure entre Santé à l'école/université, Droit à l'information et École/université inclusive (1 point chacun) : départagée par un second vote.",
    ]);
    const cards = room.shapes().flatMap((shape) => {
      const card = readCard(shape);
      return card?.kind === 'engagement' ? [{ shape, theme: card.fields.theme }] : [];
    });
    expect(cards.map((card) => card.theme)).toEqual(['school-health', 'right-to-information']);
    // Side by side in the engagements frame's slots, not on top of each other.
    expect(cards[0]?.shape.x).toBeLessThan(cards[1]!.shape.x);
    expect(room.get('document:document')?.meta[boardWritesMetaKey]).toEqual(['decision:decision-7']);
    // Written once: the same state again asks for nothing.
    expect(sessionBoardWrites(room, state({ decisions: [decision] }), { createId: ids })).toBeNull();
  });

  it('T-WRITES: a theme that already has its card gets no second one; the other goes to the next slot', () => {
    const { built, room, column, state } = pgo();
    const frameId = built.steps.find((step) => step.id === 'engagements')!.frameId!;
    const existing = {
      ...built.records.find((shape) => shape.type === 'geo')!,
      id: 'shape:existing' as TLShape['id'],
      parentId: frameId as TLShape['parentId'],
      meta: cardMeta({ kind: 'engagement', fields: emptyCardFields('engagement', 'open-data') }),
    } as TLShape;
    room.apply([existing]);
    const decision = decisionOn([column('open-data'), column('probity')]);
    room.apply(sessionBoardWrites(room, state({ decisions: [decision] }), { createId: ids }));
    const cards = room.shapes().filter((shape) => readCard(shape)?.kind === 'engagement');
    expect(cards.map((shape) => readCard(shape)?.kind === 'engagement' && readCard(shape)?.fields)).toEqual([
      expect.objectContaining({ theme: 'open-data' }),
      expect.objectContaining({ theme: 'probity' }),
    ]);
  });

  it('T-WRITES: in English, a decision by the votes says so', () => {
    const { room, column, state } = pgo('en');
    const decision = decisionOn([column('environment'), column('probity')]);
    room.apply(sessionBoardWrites(room, state({ decisions: [decision] }), { createId: ids }));
    const slot = room.shapes().find((shape) => readZone(shape)?.kind === 'decision');
    expect(textOf(slot)).toBe(
      'Themes kept\n- Environmental protection — 3 dots\n- Fighting breaches of integrity — 2 dots\nDecided by the vote.',
    );
  });

  it("T-WRITES: without a slot, the decision's text goes at the bottom of its frame, grown, and a new decision replaces it", () => {
    const built = buildBoard('ideation', { locale: 'fr', pageId: 'page:p', createId: counterIds('i') });
    const room = new TestRoom(built.records);
    const vote = built.steps.find((step) => step.id === 'vote')!;
    const frame = room.get(vote.frameId!) as TLFrameShape;
    const note = {
      ...(built.records.find((shape) => shape.type === 'note') ?? { type: 'note' }),
    } as TLShape;
    expect(note.type).toBe('note');
    const state: SessionState = {
      ...pgo().state({}),
      steps: built.steps,
      decisions: [
        decisionOn([note.id], {
          stepId: 'vote',
          itemKind: 'note',
          title: { fr: 'Actions retenues', en: '' },
        }),
      ],
    };
    room.apply(sessionBoardWrites(room, state, { createId: ids }));
    const written = room.shapes().filter((shape) => shape.meta[decisionMetaKey] === 'vote');
    expect(written).toHaveLength(1);
    expect(written[0]?.parentId).toBe(frame.id);
    expect(textOf(written[0])).toContain('Actions retenues');
    const grown = room.get(frame.id) as TLFrameShape;
    expect(grown.props.h).toBeGreaterThan(frame.props.h);
    expect(written[0]!.y).toBe(frame.props.h);
    assertValidShape(written[0]!);

    const again = { ...state, decisions: [{ ...state.decisions![0]!, id: 'decision-9', retained: [] }] };
    room.apply(sessionBoardWrites(room, again, { createId: ids }));
    expect(room.shapes().filter((shape) => shape.meta[decisionMetaKey] === 'vote')).toHaveLength(1);
  });

  it('T-WRITES: entering the recap step fills its frame with the decisions, engagements and actions, once', () => {
    const { built, room, column, state } = pgo();
    const decision = decisionOn([column('school-health'), column('right-to-information')]);
    const decided = state({ decisions: [decision] });
    room.apply(sessionBoardWrites(room, decided, { createId: ids }));
    // The engagement of the first theme written, with two criteria and two actions; the second still blank.
    const card = room.shapes().find((shape) => {
      const read = readCard(shape);
      return read?.kind === 'engagement' && read.fields.theme === 'school-health';
    })!;
    const fields = {
      ...emptyCardFields('engagement', 'school-health'),
      engagement: 'Une démocratie sanitaire pérenne',
      criteria: {
        transformative: true,
        'open-government-values': false,
        'civil-society': true,
        measurable: false,
      },
      actions: ['Un conseil de santé par académie', 'Des enquêtes annuelles'],
    };
    room.apply([{ ...card, meta: { ...card.meta, ...cardMeta({ kind: 'engagement', fields }) } }]);

    const recapStep = built.steps.find((step) => step.recap)!;
    const atRecap = {
      ...decided,
      currentStepId: recapStep.id,
      stepEntry: { stepId: recapStep.id, seq: 40, at: 0 },
    };
    const puts = sessionBoardWrites(room, atRecap, { createId: ids });
    for (const record of puts ?? []) if (record.typeName === 'shape') assertValidShape(record);
    room.apply(puts);
    const recap = room.shapes().find((shape) => shape.meta[recapMetaKey] === true)!;
    expect(recap.parentId).toBe(recapStep.frameId);
    // Participants cannot change it; the facilitator edits it in place (not locked).
    expect(isScaffolding(recap)).toBe(true);
    expect(recap.isLocked).toBe(false);
    expect(textOf(recap).split('\n')).toEqual([
      'Décisions',
      "Thématiques retenues : Santé à l'école/université ; Droit à l'information",
      'Engagements',
      "Santé à l'école/université : Une démocratie sanitaire pérenne",
      expect.stringMatching(/^Critères remplis : .+, .+$/),
      '- Un conseil de santé par académie',
      '- Des enquêtes annuelles',
      "Droit à l'information : (à formuler)",
      'Critères remplis : aucun',
    ]);
    // Below the instructions, inside the frame (grown when needed).
    const frame = room.get(recapStep.frameId!) as TLFrameShape;
    expect(recap.y).toBeGreaterThan(60);
    expect(frame.props.h).toBeGreaterThan(recap.y);

    // Corrected by the facilitator, then the step entered again: the correction stays.
    room.apply([{ ...recap, props: { ...recap.props, richText: { type: 'doc', content: [] } } } as TLShape]);
    const again = { ...atRecap, stepEntry: { stepId: recapStep.id, seq: 44, at: 0 } };
    const marked = sessionBoardWrites(room, again, { createId: ids });
    expect(marked?.map((record) => record.id)).toEqual(['document:document']);
    room.apply(marked);
    expect(room.shapes().filter((shape) => shape.meta[recapMetaKey] === true)).toHaveLength(1);
    expect(sessionBoardWrites(room, again, { createId: ids })).toBeNull();
  });
});
