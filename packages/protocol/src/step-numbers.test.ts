import { describe, expect, it } from 'vitest';
import { numberedStepTitle, numberSteps } from './step-numbers';
import type { StepKind } from './step';

const steps = (...kinds: StepKind[]) => kinds.map((kind, index) => ({ id: `s${index}`, kind }));

describe('numberSteps', () => {
  it('P-NUM-1: numbers steps in order from 1 by default, or from the given first number', () => {
    const plain = numberSteps(steps('plenary', 'group', 'vote'));
    expect([...plain.byId.values()]).toEqual([1, 2, 3]);
    expect(plain.last).toBe(3);
    const fromZero = numberSteps(steps('plenary', 'individual', 'vote'), 0);
    expect([...fromZero.byId.values()]).toEqual([0, 1, 2]);
    expect(fromZero.last).toBe(2);
  });

  it('P-NUM-2: a break is numbered nowhere and does not use up a number', () => {
    // The PGO kit: introduction 0, themes 1, vote 2, break, engagements 3, actions 4, recap 5.
    const pgo = numberSteps(
      steps('plenary', 'individual', 'vote', 'break', 'plenary', 'plenary', 'plenary'),
      0,
    );
    expect([...pgo.byId.values()]).toEqual([0, 1, 2, null, 3, 4, 5]);
    expect(pgo.last).toBe(5);
  });

  it('P-NUM-2: a sequence without a numbered step has no last number', () => {
    expect(numberSteps([]).last).toBeNull();
    expect(numberSteps(steps('break'), 0)).toEqual({ byId: new Map([['s0', null]]), last: null });
  });

  it('P-NUM-3: the numbers follow the current order, whatever was added or moved', () => {
    const moved = [
      { id: 'added', kind: 'group' as const },
      { id: 'pause', kind: 'break' as const },
      { id: 'a', kind: 'plenary' as const },
    ];
    expect(numberSteps(moved).byId).toEqual(
      new Map<string, number | null>([
        ['added', 1],
        ['pause', null],
        ['a', 2],
      ]),
    );
  });

  it('P-NUM-4: a numbered title reads "n. title"; a break keeps its bare title', () => {
    expect(numberedStepTitle(0, 'Introduction')).toBe('0. Introduction');
    expect(numberedStepTitle(3, 'Engagements')).toBe('3. Engagements');
    expect(numberedStepTitle(null, 'Pause')).toBe('Pause');
    expect(numberedStepTitle(undefined, 'Pause')).toBe('Pause');
  });
});
