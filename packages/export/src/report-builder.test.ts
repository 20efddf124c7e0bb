import { describe, expect, it } from 'vitest';
import { buildBoard } from '@atelier/templates';
import { buildReportDocument } from './report-builder';
import { walkSections } from './report-document';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import type { ExportInput } from './report-model';
import { exportedAt, importedBoard, page, pageId, pgoBoard, pgoSession } from './test-fixtures';

const pgo = (overrides: Partial<ExportInput> = {}): ExportInput => ({
  board: { title: 'Journée des labs', createdAt: '2026-11-20T09:00:00.000Z', template: 'pgo' },
  records: pgoBoard(),
  session: { ...pgoSession(), summary: 'Deux thématiques retenues.\n\nSuite en janvier.' },
  exportedAt,
  locale: 'fr',
  ...overrides,
});

const imported = (overrides: Partial<ExportInput> = {}): ExportInput => ({
  board: { title: 'Tableau importé', createdAt: '2026-11-20T09:00:00.000Z', template: 'blank' },
  records: importedBoard(),
  session: null,
  exportedAt,
  locale: 'fr',
  ...overrides,
});

describe('the report document', () => {
  it('opens with the summary, then the sequence, people, votes, production and engagements', () => {
    const doc = buildReportDocument(pgo());
    expect(doc.sections.map((section) => [section.kind, section.title])).toEqual([
      ['summary', 'Synthèse'],
      ['sequence', 'Déroulé'],
      ['people', 'Participants'],
      ['votes', 'Votes'],
      ['production', 'Production'],
      ['engagements', 'Engagements'],
    ]);
    expect(doc.sections[0]!.blocks).toEqual([
      {
        kind: 'rich',
        blocks: [
          { kind: 'paragraph', runs: [{ text: 'Deux thématiques retenues.' }] },
          { kind: 'paragraph', runs: [{ text: 'Suite en janvier.' }] },
        ],
      },
    ]);
    // No decision is recorded yet: the section kind exists, absent from this report.
    expect(walkSections(doc.sections).some(({ section }) => section.kind === 'decisions')).toBe(false);
    expect(doc.lang).toBe('fr');
    expect(doc.facts[0]).toEqual({ label: 'Exporté le', value: '27 novembre 2026 à 17:30' });
  });

  it('lays out the sequence as a table with a footer, durations aligned right', () => {
    const [table] = buildReportDocument(pgo()).sections[1]!.blocks;
    expect(table).toMatchObject({
      kind: 'table',
      columns: [
        { label: 'N°' },
        { label: 'Étape' },
        { label: 'Type' },
        { label: 'Prévu', align: 'end' },
        { label: 'Réel', align: 'end' },
        { label: 'Statut' },
      ],
      footer: ['', 'Total', '', '1 h 20 min', '55 min', ''],
    });
    expect(table?.kind === 'table' && table.rows[0]).toEqual([
      '0',
      'Introduction',
      'plénière',
      '10 min',
      '12 min',
      'faite',
    ]);
  });

  it('nests frames and zones, ranks voted notes, and ties each frame section to its frame', () => {
    const production = buildReportDocument(pgo()).sections[4]!;
    const [themes, outside] = production.sections;
    expect(themes).toMatchObject({ kind: 'frame', title: '1. Thématiques', frameId: 'shape:themes' });
    expect(themes!.sections.map((s) => s.title)).toEqual([
      "Santé à l'école/université",
      "Droit à l'information",
    ]);
    const health = themes!.sections[0]!;
    expect(health.blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'classé par nombre de points' }],
      tone: 'muted',
    });
    const items = health.blocks[1];
    expect(items?.kind === 'items' && items.items.map((item) => [item.badge, item.byline])).toEqual([
      ['4 points', 'Lab Créteil'],
      ['2 points', '110 bis Limoges'],
      ['0 point', undefined],
    ]);
    expect(outside).toMatchObject({ kind: 'outside', title: 'Hors cadres' });
  });

  it('keeps a step frame with no text for its image only (left out of Markdown and HTML)', () => {
    const session = pgoSession();
    const input = pgo({
      session: {
        ...session,
        steps: session.steps.map((s) => (s.id === 'intro' ? { ...s, frameId: 'shape:intro' } : s)),
      },
    });
    const intro = walkSections(buildReportDocument(input).sections).find(
      ({ section }) => section.frameId === 'shape:intro',
    );
    expect(intro?.section).toMatchObject({ imageOnly: true, blocks: [], title: '0. Introduction (10 min)' });
    expect(renderReportMarkdown(input)).not.toContain('Introduction (10 min)');
    expect(renderReportHtml(input)).not.toContain('Introduction (10 min)');
  });
});

describe('every text counts', () => {
  it('lists notes, text shapes, labelled shapes, arrows’ labels and own frames, in reading order', () => {
    const md = renderReportMarkdown(imported());
    const production = md.slice(md.indexOf('## Production'));
    expect(production.split('\n').filter((line) => /^(#|- |\s+- )/.test(line))).toEqual([
      '## Production',
      '### Idées du groupe',
      '- Ce que nous retenons',
      '- Première idée',
      '- Une boîte étiquetée',
      '- → mène à (de « Première idée » vers « Une boîte étiquetée »)',
      '- Ouvrir **les données** des *lycées* sur [data.gouv.fr](<https://www.data.gouv.fr>)',
      '  - inventaire',
      '  - publication',
      '### Parking',
      '### Hors cadres',
      '- Conclusion hors cadre',
    ]);
  });

  it('keeps bold, italics, lists and links in HTML, with safe links only', () => {
    const html = renderReportHtml(imported());
    expect(html).toContain(
      '<p>Ouvrir <strong>les données</strong> des <em>lycées</em> sur <a href="https://www.data.gouv.fr" rel="noopener noreferrer">data.gouv.fr</a></p><ul><li><p>inventaire</p></li><li><p>publication</p></li></ul>',
    );
    expect(html).toContain('<li class="arrow"');
    expect(html).toContain('<li class="geo"');
  });

  it('leaves out the furniture a real template laid out, but not what people wrote next to it', () => {
    let next = 0;
    const built = buildBoard('identity-map', { locale: 'fr', pageId, createId: () => `m${++next}` });
    const md = renderReportMarkdown({
      board: { title: 'Carto', createdAt: '2026-11-20T09:00:00.000Z', template: 'identity-map' },
      records: [page(), ...built.records],
      session: null,
      exportedAt,
      locale: 'fr',
    });
    expect(md).toContain('*Aucune note.*');
    expect(md).not.toContain('Guyane');
  });
});
