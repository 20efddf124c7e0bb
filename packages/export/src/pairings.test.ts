import { describe, expect, it } from 'vitest';
import { buildReportDocument } from './report-builder';
import { renderReportMarkdown } from './report-markdown';
import { labPairingsOf, pairingsTable, renderPairingsCsv } from './pairings';
import { card, frame, identityCard, identitySession, page } from './test-fixtures';

const board = [
  page(),
  frame('map', 'Carte', { x: 0, y: 0, w: 2000, h: 1200 }),
  card(
    'a',
    identityCard('Lab A', 'lyon', { innovationTypes: ['digital'], needs: ['funding'], stage: 'active' }),
    {
      parentId: 'map',
      x: 10,
      y: 10,
    },
  ),
  card('b', identityCard('Lab B', 'rennes', { innovationTypes: ['digital', 'social'], stage: 'launch' }), {
    parentId: 'map',
    x: 300,
    y: 10,
  }),
  card('c', identityCard('Lab C', 'guyane', { needs: ['funding'], stage: 'launch' }), {
    parentId: 'map',
    x: 600,
    y: 10,
  }),
  card('d', identityCard('', null), { parentId: 'map', x: 900, y: 10 }),
];

describe('pairings of a board (P-PAIR)', () => {
  it('lists each pair with its labs, académies and reason in words', () => {
    expect(labPairingsOf(board).map(({ labA, labB, reason }) => [labA, labB, reason])).toEqual([
      ['Lab A', 'Lab B', 'même type : numérique'],
      ['Lab A', 'Lab C', 'même besoin : financement'],
    ]);
    // B and C share only their stage, and each has a better match: not suggested.
  });

  it('writes pairings.csv: lab, académie, lab to meet, académie, why', () => {
    const csv = renderPairingsCsv(board);
    expect(csv.split('\r\n')[0]).toBe(
      "\uFEFFLab,Académie,Lab à rencontrer,Académie,Pourquoi (à échanger après l'atelier)",
    );
    expect(csv).toContain('Lab A,Lyon,Lab B,Rennes,même type : numérique\r\n');
    expect(pairingsTable(board, 'en').rows[1]).toEqual([
      'Lab A',
      'Lyon',
      'Lab C',
      'Guyane',
      'same needs: funding',
    ]);
  });

  it('puts them in the report, after the identity cards', () => {
    const input = {
      board: { title: 'Carto', createdAt: '2026-11-27T08:00:00Z', template: 'identity-map' },
      records: board,
      session: identitySession(),
      exportedAt: Date.UTC(2026, 10, 27, 12),
      locale: 'fr' as const,
    };
    const ids = buildReportDocument(input).sections.map((s) => s.id);
    expect(ids.indexOf('pairings')).toBe(ids.indexOf('identity-cards') + 1);
    expect(renderReportMarkdown(input)).toContain(
      '| Lab A (Lyon) | Lab B (Rennes) | même type : numérique |',
    );
  });
});
