import { describe, expect, it } from 'vitest';
import { buildBoard, stepOrdinals } from './build-board';

const ids = () => {
  let n = 0;
  return () => `id${n++}`;
};

describe('stepOrdinals', () => {
  it('numbers PGO from 0 and leaves its break unnumbered, as its frames do', () => {
    const { steps } = buildBoard('pgo', { locale: 'fr', pageId: 'page:page', createId: ids() });
    const ordinals = stepOrdinals('pgo', steps);
    expect(steps.map((step) => ordinals.get(step.id))).toEqual(['0', '1', '2', '', '3', '4', '5']);
  });

  it('numbers other and unknown templates from 1, including steps added later', () => {
    const steps = [
      { id: 'a', kind: 'plenary' as const },
      { id: 'b', kind: 'break' as const },
      { id: 'c', kind: 'group' as const },
    ];
    expect([...stepOrdinals('saved-xyz', steps).values()]).toEqual(['1', '', '2']);
    expect([...stepOrdinals('codev', steps).values()]).toEqual(['1', '', '2']);
  });
});
