import type { PublicUndo } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { messages } from '../shared/i18n';
import { undoMessage, undoOffer } from './undo-offer';

const T0 = 1_750_000_000_000;
const undo: PublicUndo = { id: 'undo-7', command: 'vote.clear', by: 'fac', at: T0, expiresAt: T0 + 15_000 };

describe('undoOffer', () => {
  it('S-UNDO-1: offers the pending undo until its deadline on the server’s clock, then goes away', () => {
    expect(undoOffer(undo, T0)).toEqual({
      id: 'undo-7',
      command: 'vote.clear',
      expiresAt: T0 + 15_000,
      secondsLeft: 15,
    });
    expect(undoOffer(undo, T0 + 14_001)?.secondsLeft).toBe(1);
    expect(undoOffer(undo, T0 - 60_000)?.secondsLeft).toBe(15);
    expect(undoOffer(undo, T0 + 15_000)).toBeNull();
    expect(undoOffer(null, T0)).toBeNull();
    expect(undoOffer(undefined, T0)).toBeNull();
  });

  it('names what was done, in both languages', () => {
    for (const command of ['vote.clear', 'groups.clear', 'step.reset', 'session.reset'] as const) {
      expect(undoMessage(command, messages.fr)).toMatch(/\.$/);
      expect(undoMessage(command, messages.en)).not.toBe(undoMessage(command, messages.fr));
    }
    expect(undoMessage('vote.clear', messages.fr)).toBe('Vote effacé.');
  });
});
