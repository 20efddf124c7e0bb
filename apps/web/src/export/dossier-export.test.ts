import type { PublicSessionState } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { stepFrames } from './dossier-export';

const step = (id: string, title: string, frameId?: string) => ({
  id,
  title: { fr: title, en: `${title} (en)` },
  instructions: { fr: '', en: '' },
  durationMs: 60_000,
  kind: 'plenary' as const,
  ...(frameId ? { frameId } : {}),
});

describe('stepFrames', () => {
  it('gives one page per frame in the sequence’s order, steps sharing a frame sharing its page', () => {
    const session = {
      steps: [
        step('intro', 'Introduction', 'shape:intro'),
        step('themes', 'Réflexion', 'shape:themes'),
        step('vote', 'Vote', 'shape:themes'),
        step('break', 'Pause'),
        step('gone', 'Supprimée', 'shape:gone'),
      ],
    } as Pick<PublicSessionState, 'steps'>;
    expect(stepFrames(session, 'fr', (id) => id !== 'shape:gone')).toEqual([
      { frameId: 'shape:intro', title: '1. Introduction' },
      { frameId: 'shape:themes', title: '2. Réflexion  ·  3. Vote' },
    ]);
    expect(stepFrames(null, 'en', () => true)).toEqual([]);
  });

  it('P-NUM: numbers the pages as the board and the header do: PGO from 0, a break with no number', () => {
    const session = {
      firstStepNumber: 0,
      steps: [
        step('intro', 'Introduction', 'shape:intro'),
        step('themes', 'Réflexion', 'shape:themes'),
        { ...step('break', 'Pause', 'shape:break'), kind: 'break' as const },
        step('engagements', 'Engagements', 'shape:engagements'),
      ],
    } as Pick<PublicSessionState, 'steps' | 'firstStepNumber'>;
    expect(stepFrames(session, 'fr', () => true).map((page) => page.title)).toEqual([
      '0. Introduction',
      '1. Réflexion',
      'Pause',
      '2. Engagements',
    ]);
  });
});
