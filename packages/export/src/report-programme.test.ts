import { createSession } from '@atelier/session';
import { buildProgramme } from '@atelier/templates';
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from './report-builder';
import { renderReportMarkdownFromDocument } from './report-markdown';

const T0 = Date.UTC(2021, 10, 23, 8, 0);

describe('the report of a programme', () => {
  it('E-PROG-1 one chapter per section, in the day’s order, each with its steps and its frames', () => {
    const day = buildProgramme(
      [
        { template: 'talk', question: 'Mot de bienvenue', startsAt: '09:30' },
        { template: 'identity-map' },
        { template: 'break', question: 'Déjeuner' },
        { template: 'ideation', groups: 2 },
      ],
      { locale: 'fr', pageId: 'page:page', sectionIds: ['a', 'b', 'c', 'd'] },
    );
    const session = createSession({ steps: day.steps, sections: day.sections, now: T0, locale: 'fr' });
    const document = buildReportDocument({
      board: { title: 'Journée des labs', createdAt: new Date(T0).toISOString(), template: 'programme' },
      records: [{ id: 'page:page', typeName: 'page' }, ...day.records],
      session,
      exportedAt: T0 + 3_600_000,
      locale: 'fr',
    });
    const chapters = document.sections.filter((section) => section.kind === 'chapter');
    expect(chapters.map((chapter) => chapter.title)).toEqual([
      'Partie 1 — 9 h 30 · Mot de bienvenue',
      'Partie 2 — Cartographie des labs',
      'Partie 3 — Déjeuner',
      'Partie 4 — 3 actions fortes et faisables',
    ]);
    // Each chapter's table holds its own steps; its frames are its own.
    const rows = (index: number) => {
      const table = chapters[index]!.blocks.find((block) => block.kind === 'table');
      return table?.kind === 'table' ? table.rows.map((row) => row[1]) : [];
    };
    expect(rows(0)).toEqual(['Intervention']);
    expect(rows(3)).toEqual([
      'Idées individuelles en silence',
      'Partage et regroupement',
      'Vote à points',
      'Formulation des 3 actions retenues',
    ]);
    expect(chapters[3]!.sections.map((frame) => frame.title)).toEqual([
      'Groupe 1 · 3 actions fortes et faisables',
      'Groupe 2 · 3 actions fortes et faisables',
    ]);
    expect(chapters[2]!.sections).toEqual([]);
    const markdown = renderReportMarkdownFromDocument(document);
    expect(markdown).toContain('## Partie 4 — 3 actions fortes et faisables');
  });
});
