import { describe, expect, it } from 'vitest';
import { plainInline, reportLines } from './report-text';

describe('report text for the PDF', () => {
  it('drops Markdown marks and escapes from inline text', () => {
    expect(plainInline('**2 points** · Publier \\<script\\> — *Camille*')).toBe(
      '2 points · Publier <script> — Camille',
    );
    expect(plainInline('[uMap](https://umap.fr) `code` 3\\.5')).toBe('uMap code 3.5');
  });

  it('reads headings, items with their boxes, table rows and rules', () => {
    const lines = reportLines(
      [
        '# Atelier PGO',
        '',
        '## Déroulé',
        '',
        '| N° | Étape |',
        '|---|---|',
        '| 1 | Introduction \\| enjeux |',
        '',
        '### Engagement',
        '- [x] Inédit',
        '- [ ] Mesurable',
        '  - sous-point',
        '> Ouvrir les données',
        '',
        '---',
        '',
      ].join('\r\n'),
    );
    expect(lines).toEqual([
      { kind: 'title', text: 'Atelier PGO' },
      { kind: 'blank', text: '' },
      { kind: 'heading', text: 'Déroulé' },
      { kind: 'blank', text: '' },
      { kind: 'row', text: 'N°  ·  Étape' },
      { kind: 'row', text: '1  ·  Introduction | enjeux' },
      { kind: 'blank', text: '' },
      { kind: 'subheading', text: 'Engagement' },
      { kind: 'item', text: '[x] Inédit', depth: 0 },
      { kind: 'item', text: '[ ] Mesurable', depth: 0 },
      { kind: 'item', text: 'sous-point', depth: 1 },
      { kind: 'text', text: 'Ouvrir les données' },
      { kind: 'blank', text: '' },
      { kind: 'rule', text: '' },
    ]);
  });
});
