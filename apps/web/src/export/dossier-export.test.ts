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
});
