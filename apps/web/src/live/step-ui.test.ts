import type { PublicVote, Step } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { showAddNote, voteUi, writesPrivately } from './step-ui';

const step = (id: string, kind: Step['kind'], frameId?: string): Step => ({
  id,
  kind,
  durationMs: 60_000,
  title: { fr: id, en: id },
  instructions: { fr: '', en: '' },
  ...(frameId ? { frameId } : {}),
});

const steps = [
  step('themes', 'individual', 'shape:themes'),
  step('theme-vote', 'vote', 'shape:themes'),
  step('break', 'break'),
  step('engagements', 'plenary', 'shape:engagements'),
];

function vote(overrides: Partial<PublicVote> = {}): PublicVote {
  return {
    id: 'v1',
    status: 'open',
    revealed: false,
    stepId: 'theme-vote',
    dotsPerPerson: 2,
    maxDotsPerItem: 1,
    anonymous: false,
    openedAt: 0,
    voterCount: 0,
    dotsCast: 0,
    results: null,
    ...overrides,
  };
}

const at = (currentStepId: string, v: PublicVote | null) => ({ steps, currentStepId, vote: v });

describe('voteUi', () => {
  it('shows the status and the buttons while the vote is open, to those who may vote', () => {
    expect(voteUi(at('theme-vote', vote()), true)).toEqual({ status: true, actions: true, results: false });
    expect(voteUi(at('theme-vote', vote()), false).actions).toBe(false);
  });

  it('shows the revealed results at the vote’s step', () => {
    const revealed = vote({ status: 'closed', revealed: true, results: [] });
    expect(voteUi(at('theme-vote', revealed), true)).toEqual({ status: true, actions: false, results: true });
  });

  it('shows nothing of a closed vote at the steps after it', () => {
    const revealed = vote({ status: 'closed', revealed: true, results: [] });
    expect(voteUi(at('break', revealed), true)).toEqual({ status: false, actions: false, results: false });
    expect(voteUi(at('engagements', null), true).status).toBe(false);
  });

  it('keeps an open vote on screen on later steps (people may still vote)', () => {
    expect(voteUi(at('engagements', vote()), true)).toEqual({ status: true, actions: true, results: false });
  });
});

describe('showAddNote', () => {
  it('is there at working steps, not at a break nor while a vote is open', () => {
    expect(showAddNote(at('themes', null))).toBe(true);
    expect(showAddNote(at('break', null))).toBe(false);
    expect(showAddNote(at('theme-vote', vote()))).toBe(false);
    expect(showAddNote(at('theme-vote', vote({ status: 'closed' })))).toBe(true);
  });
});

describe('writesPrivately', () => {
  it('S-PRIV-7: a participant at a private step, never the facilitator, nor at a shared step', () => {
    const privately = [{ ...steps[0]!, private: true }, ...steps.slice(1)];
    const session = { steps: privately, currentStepId: 'themes' };
    expect(writesPrivately(session, 'participant')).toBe(true);
    expect(writesPrivately(session, 'facilitator')).toBe(false);
    expect(writesPrivately(session, null)).toBe(false);
    expect(writesPrivately({ steps: privately, currentStepId: 'theme-vote' }, 'participant')).toBe(false);
  });
});
