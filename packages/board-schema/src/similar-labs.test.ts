import { describe, expect, it } from 'vitest';
import { emptyCardFields } from './card-meta';
import type { IdentityCardFields } from './identity-card';
import { labPairings, pairingReason, similarLabs } from './similar-labs';

function lab(id: string, fields: Partial<IdentityCardFields>) {
  return { id, fields: { ...emptyCardFields('identity'), ...fields } };
}

describe('similarLabs', () => {
  it('P-REASON pairs labs sharing innovation types, needs or stage, best first', () => {
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
        sharedNeeds: [],
        sameStage: 'active',
        sameAcademie: true,
        score: 3,
      },
      {
        a: 'b',
        b: 'c',
        sharedTypes: ['social'],
        sharedNeeds: [],
        sameStage: null,
        sameAcademie: false,
        score: 2,
      },
    ]);
  });

  it('ignores unset stages and blank cards', () => {
    expect(similarLabs([lab('a', {}), lab('b', {})])).toEqual([]);
    expect(similarLabs([])).toEqual([]);
  });
});

describe('pairings', () => {
  const labs = [
    lab('a', { innovationTypes: ['digital'], needs: ['funding'], stage: 'active' }),
    lab('b', { innovationTypes: ['digital', 'social'], needs: ['funding', 'team'], stage: 'launch' }),
    lab('c', { innovationTypes: ['social'], needs: ['team'], stage: 'active' }),
    lab('d', { innovationTypes: ['pedagogical'], stage: 'prefiguration' }),
    lab('e', { innovationTypes: ['other'], stage: 'prefiguration' }),
  ];

  it('P-REASON says why in words: same types, same stage, same needs', () => {
    const [ab] = similarLabs(labs);
    expect(ab).toMatchObject({ a: 'a', b: 'b', score: 4 });
    expect(pairingReason(ab!, 'fr')).toBe('même type : numérique · même besoin : financement');
    const bc = similarLabs(labs).find((p) => p.a === 'b' && p.b === 'c')!;
    expect(pairingReason(bc, 'en')).toBe('same kinds: social · same needs: building the team');
    const ac = similarLabs(labs).find((p) => p.a === 'a' && p.b === 'c')!;
    expect(pairingReason(ac, 'fr')).toBe('même stade : actif');
    const de = similarLabs(labs).find((p) => p.a === 'd' && p.b === 'e')!;
    expect(pairingReason(de, 'fr')).toBe('même stade : préfiguration');
  });

  it('P-PAIR keeps each lab’s best partners, a stage alone only for labs with nothing better', () => {
    const pairs = labPairings(labs).map((p) => `${p.a}-${p.b}`);
    expect(pairs).toEqual(['a-b', 'b-c', 'd-e']);
    expect(labPairings(labs, 1).map((p) => `${p.a}-${p.b}`)).toEqual(['a-b', 'd-e']);
  });
});
