import { describe, expect, it } from 'vitest';
import { SummaryLimits, sessionCommandSchema } from '@atelier/protocol';
import { apply } from './apply';
import { alice, facilitator, run, T0, workshop } from './test-fixtures';

describe('summary', () => {
  it('S-SUM-1: summary.set trims, logs without the text, and an empty text removes it', () => {
    const written = run(workshop(), { type: 'summary.set', text: '  Deux thématiques retenues.\n' });
    expect(written.summary).toBe('Deux thématiques retenues.');
    expect(written.log.at(-1)).toEqual({
      type: 'summary.set',
      at: T0,
      by: facilitator.userId,
      length: 'Deux thématiques retenues.'.length,
    });
    const same = apply(written, { type: 'summary.set', text: 'Deux thématiques retenues.' }, facilitator, T0);
    expect(same.ok && same.state).toBe(written);
    const cleared = run(written, { type: 'summary.set', text: '   ' });
    expect(cleared).not.toHaveProperty('summary');
  });

  it('S-SUM-1: only the facilitator writes it, and it is bounded', () => {
    expect(apply(workshop(), { type: 'summary.set', text: 'x' }, alice, T0)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const long = 'x'.repeat(SummaryLimits.maxLength + 1);
    expect(sessionCommandSchema.safeParse({ type: 'summary.set', text: long }).success).toBe(false);
  });
});
