// The RGAA audit: every criterion of RGAA 4.1.2 once, honest counts, and docs/rgaa-audit.md in step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditMarkdown,
  auditSummary,
  rgaaCriteria,
  rgaaThemes,
  type RgaaCriterion,
} from '../apps/web/src/accessibility/rgaa-audit';

/** How many criteria each of RGAA 4.1.2's 13 themes has (106 in all). */
const criteriaPerTheme = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];

describe('the RGAA audit', () => {
  it('lists the 106 criteria of RGAA 4.1.2, each once, in order', () => {
    const expected = criteriaPerTheme.flatMap((count, theme) =>
      Array.from({ length: count }, (_, i) => `${theme + 1}.${i + 1}`),
    );
    expect(expected).toHaveLength(106);
    expect(rgaaCriteria.map((c) => c.id)).toEqual(expected);
    expect(Object.keys(rgaaThemes)).toHaveLength(13);
  });

  it('says how each assessed criterion was checked and why each one fails or does not apply', () => {
    for (const c of rgaaCriteria) {
      if (c.result !== 'NT') expect(c.how.length, c.id).toBeGreaterThan(0);
      if (c.result === 'NC' || c.result === 'NA') expect(c.note.length, c.id).toBeGreaterThan(10);
    }
  });

  it('computes the rate over assessed, applicable criteria, and "totalement" only with nothing failed or left out', () => {
    const summary = auditSummary();
    expect(summary.total).toBe(106);
    expect(summary.met + summary.notMet + summary.notApplicable + summary.notAssessed).toBe(106);
    expect(summary.rate).toBeCloseTo((100 * summary.met) / (summary.met + summary.notMet), 1);
    expect(summary.status).not.toBe('totalement conforme');
    const all = (result: RgaaCriterion['result']) => rgaaCriteria.map((c) => ({ ...c, result }));
    expect(auditSummary(all('C')).status).toBe('totalement conforme');
    expect(auditSummary([...all('C').slice(1), { ...rgaaCriteria[0]!, result: 'NT' }]).status).toBe(
      'partiellement conforme',
    );
    expect(auditSummary(all('NC')).status).toBe('non conforme');
  });

  it('docs/rgaa-audit.md is the module rendered (run node scripts/generate-rgaa-audit.mjs)', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../docs/rgaa-audit.md'), 'utf8');
    expect(doc).toBe(auditMarkdown());
  });
});
