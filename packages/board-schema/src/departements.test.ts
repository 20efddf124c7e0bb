import { describe, expect, it } from 'vitest';
import { academies, AcademieKind } from './academies';
import { departements, departementsOf } from './departements';

describe('départements by académie', () => {
  it('lists each of the 101 départements once, with an académie that exists', () => {
    const codes = departements.map((d) => d.code);
    expect(codes).toHaveLength(101);
    expect(new Set(codes).size).toBe(101);
    const known = new Set(academies.map((a) => a.code));
    for (const d of departements) expect(known.has(d.academie), d.code).toBe(true);
  });

  it('gives every académie at least one département and the vice-rectorats none', () => {
    for (const academie of academies) {
      const count = departementsOf(academie.code).length;
      if (academie.kind === AcademieKind.viceRectorat) expect(count, academie.code).toBe(0);
      else expect(count, academie.code).toBeGreaterThan(0);
    }
    expect(departementsOf('paris').map((d) => d.code)).toEqual(['75']);
    expect(departementsOf('corse').map((d) => d.code)).toEqual(['2A', '2B']);
    expect(departementsOf('normandie').map((d) => d.code)).toEqual(['14', '27', '50', '61', '76']);
  });

  it('sums to 96 metropolitan départements and the 5 overseas ones', () => {
    const overseas = new Set(academies.filter((a) => a.overseas).map((a) => a.code));
    expect(departements.filter((d) => !overseas.has(d.academie))).toHaveLength(96);
    expect(departements.filter((d) => overseas.has(d.academie)).map((d) => d.code)).toEqual([
      '971',
      '972',
      '973',
      '974',
      '976',
    ]);
  });
});
