// Decisions in the report: a PGO vote on theme columns tied 1–1–1 for two places, settled by a run-off,
// played with the real session machine on a board built by the real template and written by the server's
// pure board writes (engagement cards), then reported.
import { cardMeta, readCard, readZone, type EngagementCardFields } from '@atelier/board-schema';
import type { SessionCommand, SessionState } from '@atelier/protocol';
import { addParticipant, apply, createSession, type Actor } from '@atelier/session';
import { buildBoard, sessionBoardWrites } from '@atelier/templates';
import type { TLRecord } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from './report-model';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import { dayStart, documentRecord, exportedAt, minute, page, pageId } from './test-fixtures';

const fac: Actor = { userId: 'fac', role: 'facilitator' };
const people: Actor[] = ['ana', 'ben', 'cleo'].map((userId) => ({ userId, role: 'participant' }));

function played(settle: 'runoff' | 'choice') {
  let next = 0;
  const built = buildBoard('pgo', { locale: 'fr', pageId, createId: () => `p${++next}` });
  const column = (theme: string) =>
    built.records.find((shape) => shape.type === 'frame' && readZone(shape)?.theme === theme)!.id;
  const [sante, droit, inclusion] = [
    column('school-health'),
    column('right-to-information'),
    column('inclusive-school'),
  ];
  let at = dayStart;
  let state: SessionState = createSession({ steps: built.steps, locale: 'fr', now: at });
  for (const [actor, name, lab] of [
    [fac, 'Anim', 'Lab 110 bis'],
    [people[0]!, 'Ana', 'Lab de Lille'],
    [people[1]!, 'Ben', 'Lab de Créteil'],
    [people[2]!, 'Cléo', 'Lab de Limoges'],
  ] as const) {
    const added = addParticipant(state, { userId: actor.userId, name, lab, role: actor.role }, at);
    if (added.ok) state = added.state;
  }
  const run = (command: SessionCommand, actor: Actor = fac) => {
    at += minute;
    const result = apply(state, command, actor, at);
    if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
    state = result.state;
  };
  run({ type: 'step.goto', stepId: 'theme-vote' });
  const vote = built.steps.find((step) => step.id === 'theme-vote')!;
  run({ type: 'vote.open', ...vote.vote!, dotsPerPerson: 1, frameId: vote.frameId });
  run({ type: 'vote.cast', itemId: sante }, people[0]);
  run({ type: 'vote.cast', itemId: droit }, people[1]);
  run({ type: 'vote.cast', itemId: inclusion }, people[2]);
  run({ type: 'vote.close' });
  if (settle === 'runoff') {
    run({ type: 'vote.runoff' });
    run({ type: 'vote.cast', itemId: sante }, people[0]);
    run({ type: 'vote.cast', itemId: droit }, people[0]);
    run({ type: 'vote.cast', itemId: sante }, people[1]);
    run({ type: 'vote.cast', itemId: droit }, people[1]);
    run({ type: 'vote.cast', itemId: sante }, people[2]);
    run({ type: 'vote.cast', itemId: inclusion }, people[2]);
    run({ type: 'vote.close' });
  } else {
    run({ type: 'vote.choose', itemIds: [droit, inclusion] });
  }

  // The server's writes: the decision's text and the retained themes' engagement cards.
  const records = new Map<string, TLRecord>(
    [documentRecord(), page(), ...built.records].map((record) => [record.id, record as TLRecord]),
  );
  const writes = sessionBoardWrites({ get: (id) => records.get(id), all: () => records.values() }, state, {
    createId: () => `w${++next}`,
  });
  for (const record of writes ?? []) records.set(record.id, record);
  // The first engagement is written; the second card stays blank.
  const first = [...records.values()].find((record) => readCard(record)?.kind === 'engagement')!;
  const fields = {
    ...(readCard(first)!.fields as EngagementCardFields),
    engagement: 'Valoriser les initiatives de démocratie sanitaire',
    criteria: {
      transformative: true,
      'open-government-values': true,
      'civil-society': false,
      measurable: true,
    },
    actions: ['Un conseil de santé par académie'],
  };
  records.set(first.id, {
    ...first,
    meta: { ...first.meta, ...cardMeta({ kind: 'engagement', fields }) },
  } as TLRecord);
  const input = {
    board: { title: 'Atelier PGO', createdAt: new Date(dayStart).toISOString(), template: 'pgo' },
    records: [...records.values()],
    session: state,
    exportedAt,
    locale: 'fr' as const,
  };
  return { input, model: buildReportModel(input), state };
}

describe('decisions in the report', () => {
  it('the retained themes, the tie at the cut and its run-off, and one engagement per retained theme', () => {
    const { model, state } = played('runoff');
    expect(state.decisions).toHaveLength(1);
    expect(model.decisions).toEqual([
      {
        id: state.decisions![0]!.id,
        title: 'Thématiques retenues',
        when: expect.stringMatching(/ · Choix des deux thématiques$/),
        reason: 'égalité à la coupure, départagée par un vote',
        retained: [
          { label: "Santé à l'école/université", count: 1 },
          { label: "Droit à l'information", count: 1 },
        ],
        tieBreak: {
          how: 'second vote entre les 3 ex aequo (1 point chacun)',
          results: [
            { label: "Santé à l'école/université", count: 3 },
            { label: "Droit à l'information", count: 2 },
            { label: 'École/université inclusive', count: 1 },
          ],
        },
        followUps: [
          "Engagement — Santé à l'école/université",
          "Engagement — Droit à l'information (à formuler)",
        ],
      },
    ]);
    // One engagement per retained theme, the blank one included.
    expect(model.engagements.map((engagement) => [engagement.theme, engagement.retained])).toEqual([
      ["Santé à l'école/université", true],
      ["Droit à l'information", true],
    ]);
    // Both votes are listed, the run-off as such, on the themes' names.
    expect(model.votes.map((vote) => vote.title)).toEqual([
      'Choix des deux thématiques',
      'Choix des deux thématiques — départage',
    ]);
    expect(
      model.votes[0]?.results.map((result) => result.label).sort((a, b) => a.localeCompare(b, 'fr')),
    ).toEqual(["Droit à l'information", 'École/université inclusive', "Santé à l'école/université"]);
  });

  it("a choice among the tied says so, with the first vote's counts", () => {
    const { model } = played('choice');
    expect(model.decisions[0]).toMatchObject({
      reason: "égalité à la coupure, tranchée par l'animateur·rice",
      retained: [
        { label: "Droit à l'information", count: 1 },
        { label: 'École/université inclusive', count: 1 },
      ],
      tieBreak: { how: "choix de l'animateur·rice entre les 3 ex aequo (1 point chacun)" },
    });
  });

  it('Markdown and HTML show the decision first, after the summary, and both engagements', () => {
    const { input } = played('runoff');
    const markdown = renderReportMarkdown(input);
    const decisions = markdown.indexOf('## Décisions');
    expect(decisions).toBeGreaterThan(0);
    expect(decisions).toBeLessThan(markdown.indexOf('## Déroulé'));
    expect(markdown).toContain('### Thématiques retenues');
    expect(markdown).toContain('Départage — second vote entre les 3 ex aequo (1 point chacun)');
    expect(markdown).toContain('Engagement à formuler');
    const html = renderReportHtml(input);
    expect(html).toContain('Thématiques retenues');
    expect(html).toContain('égalité à la coupure, départagée par un vote');
    expect(html).toContain('Valoriser les initiatives de démocratie sanitaire');
  });
});
