import { describe, expect, it } from 'vitest';
import { emptyCardFields } from './card-meta';
import type { IdentityCardFields } from './identity-card';
import { similarLabs } from './similar-labs';

function lab(id: string, fields: Partial<IdentityCardFields>) {
  return { id, fields: { ...emptyCardFields('identity'), ...fields } };
}

describe('similarLabs', () => {
  it('pairs labs sharing innovation types or stage, best first', () => {
    const result = similarLabs([
      lab('a', { innovationTypes: ['digital'], stage: 'active', academie: 'lille' }),
      lab('b', {
        innovationTypes: ['digital', 'social'],
        services: ['watch'],
        stage: 'active',
        academie: 'lille',
      }),
      lab('c', { innovationTypes: ['social'], services: ['watch'], stage: 'launch' }),
      lab('d', { innovationTypes: ['other'] }),
    ]);
    expect(result).toEqual([
      {
        a: 'a',
        b: 'b',
        sharedTypes: ['digital'],
        sharedServices: [],
        sameStage: true,
        sameAcademie: true,
        score: 3,
      },
      {
        a: 'b',
        b: 'c',
        sharedTypes: ['social'],
        sharedServices: ['watch'],
        sameStage: false,
        sameAcademie: false,
        score: 3,
      },
    ]);
  });

  it('ignores unset stages and blank cards', () => {
    expect(similarLabs([lab('a', {}), lab('b', {})])).toEqual([]);
    expect(similarLabs([])).toEqual([]);
  });
});
