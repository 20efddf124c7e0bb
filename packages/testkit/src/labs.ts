// Last year's labs for the identity map's tests: 30 labs, one per académie of the mainland and overseas,
// then Paris, Lyon and Nouvelle-Calédonie again; kinds of innovation and stages in turn.
import {
  academies,
  emptyCardFields,
  type AcademieCode,
  type IdentityCardFields,
} from '@atelier/board-schema';

export function lastYearsLabs(
  name: (academie: AcademieCode, index: number) => string = (academie, i) => `Lab ${i + 1} ${academie}`,
): (IdentityCardFields & { academie: AcademieCode; labId: string })[] {
  const codes: AcademieCode[] = [
    ...academies.filter((a) => a.kind === 'academie').map((a): AcademieCode => a.code),
    'paris' as const,
    'lyon' as const,
    'nouvelle-caledonie' as const,
  ].slice(0, 30);
  const types = ['pedagogical', 'organisational', 'digital', 'social'] as const;
  const stages = ['prefiguration', 'launch', 'active'] as const;
  return codes.map((academie, i) => ({
    ...emptyCardFields('identity'),
    labId: `lab-2026-${String(i + 1).padStart(2, '0')}`,
    labName: name(academie, i),
    academie,
    innovationTypes: [types[i % 4]!],
    stage: stages[i % 3]!,
  }));
}
