import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape';
import { renderReportHtml } from './report-html';
import type { ExportInput } from './report-model';
import {
  exportedAt,
  frame,
  identityBoard,
  identitySession,
  note,
  page,
  pgoBoard,
  pgoSession,
} from './test-fixtures';

const input = (overrides: Partial<ExportInput> = {}): ExportInput => ({
  board: { title: 'Journée des labs', createdAt: '2026-11-20T09:00:00.000Z', template: 'pgo' },
  records: pgoBoard(),
  session: pgoSession(),
  exportedAt,
  locale: 'fr',
  names: 'full',
  ...overrides,
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('renderReportHtml', () => {
  it('is one self-contained document: inline CSS, print styles, nothing fetched, no script', () => {
    const html = renderReportHtml(input());
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|url\(|@import/i);
  });

  it('keeps a note holding markup as text', () => {
    const html = renderReportHtml(input());
    expect(html).toContain('Accès aux &lt;script&gt;alert(1)&lt;/script&gt; décisions');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('escapes user text in attribute contexts too', () => {
    const html = renderReportHtml(
      input({
        board: { title: 'Titre "cité" <b>', createdAt: '2026-11-20T09:00:00.000Z', template: 'blank' },
        records: [
          page(),
          frame('f', 'Cadre" onmouseover="alert(1)', { x: 0, y: 0, w: 600, h: 600 }),
          note('n', "l'idée", { parentId: 'f', x: 10, y: 10 }),
        ],
        session: null,
      }),
    );
    expect(html).toContain('aria-label="Cadre&quot; onmouseover=&quot;alert(1)"');
    expect(html).toContain('data-frame-id="shape:f"');
    expect(html).not.toContain('onmouseover="alert(1)"');
    expect(html).toContain('<title>Compte rendu — Titre &quot;cité&quot; &lt;b&gt;</title>');
    expect(html).toContain('<h1>Titre &quot;cité&quot; &lt;b&gt;</h1>');
    expect(html).toContain('data-shape-id="shape:n"><p>l&#39;idée</p></li>');
  });

  it('lays out steps, ranked notes with authors, and engagement criteria', () => {
    const html = renderReportHtml(input());
    expect(html).toContain(
      '<tr><td>1</td><td>Réflexion sur les thématiques</td><td>individuel</td><td class="num">20 min (+5 min)</td><td class="num">28 min</td><td>faite</td></tr>',
    );
    expect(html).toContain(
      '<tfoot><tr><td></td><td>Total</td><td></td><td class="num">1 h 20 min</td><td class="num">55 min</td><td></td></tr></tfoot>',
    );
    const health = html.slice(html.indexOf('<h4>Santé à l&#39;école/université</h4>'));
    const order = ['Santé mentale des élèves', 'Infirmières scolaires', '=SOMME(A1) bien-être'].map((text) =>
      health.indexOf(text),
    );
    expect(order.every((position, i) => position > 0 && (i === 0 || position > order[i - 1]!))).toBe(true);
    expect(health).toContain(
      '<p><span class="votes">4 points</span>Santé mentale des élèves <span class="author">— Bruno</span></p>',
    );
    // Check boxes are drawn as boxes (a tick in the ticked ones), named for screen readers.
    expect(html).toContain(
      '<li class="checked"><span class="box" role="img" aria-label="coché">✓</span>Inédit, emblématique et à fort impact de transformation</li>',
    );
    expect(html).toContain(
      '<li><span class="box" role="img" aria-label="non coché"></span>Conçu et porté avec une ou plusieurs organisations de la société civile</li>',
    );
  });

  it('tabulates identity cards in English when asked', () => {
    const html = renderReportHtml({
      board: { title: 'Map', createdAt: '2026-11-27T08:00:00.000Z', template: 'identity-map' },
      records: identityBoard(),
      session: identitySession(),
      exportedAt,
      locale: 'en',
    });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<h2>Lab identity cards</h2>');
    expect(html).toContain('<td>Lab &quot;Amazonie&quot;</td><td>Guyane</td><td>planned</td>');
    expect(html).toContain('<dt>Template</dt><dd>Map of the labs</dd>');
  });
});
