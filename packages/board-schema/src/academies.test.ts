import { describe, expect, it } from 'vitest';
import { AcademieKind, academieCodeSchema, academies, findAcademie } from './academies';

describe('académies', () => {
  it('lists the 30 académies and the 3 vice-rectorats', () => {
    expect(academies.filter((a) => a.kind === AcademieKind.academie)).toHaveLength(30);
    expect(academies.filter((a) => a.kind === AcademieKind.viceRectorat).map((a) => a.code)).toEqual([
      'nouvelle-caledonie',
      'polynesie-francaise',
      'wallis-et-futuna',
    ]);
    expect(new Set(academies.map((a) => a.code)).size).toBe(academies.length);
  });

  it('tells overseas from metropolitan, Corsica being metropolitan', () => {
    expect(academies.filter((a) => !a.overseas)).toHaveLength(25);
    expect(findAcademie('corse')?.overseas).toBe(false);
    expect(findAcademie('la-reunion')?.overseas).toBe(true);
    expect(findAcademie('guyane')?.overseas).toBe(true);
  });

  it('finds an académie by code with its seat and coordinates', () => {
    expect(findAcademie('normandie')).toEqual({
      code: 'normandie',
      name: 'Normandie',
      region: 'Normandie',
      seat: 'Caen',
      lat: 49.1829,
      lon: -0.3707,
      kind: 'academie',
      overseas: false,
    });
    expect(findAcademie('wallis-et-futuna')?.region).toBeNull();
    expect(findAcademie('atlantide')).toBeUndefined();
  });

  it('validates codes', () => {
    expect(academieCodeSchema.safeParse('creteil').success).toBe(true);
    expect(academieCodeSchema.safeParse('Créteil').success).toBe(false);
  });
});
