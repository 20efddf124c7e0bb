import { addParticipant, apply, createSession } from '@atelier/session';
import type { SessionState, Step } from '@atelier/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { broadcastIntervalMs, StateBroadcasts } from './state-broadcasts';

const T0 = Date.UTC(2026, 10, 27, 9);
const step = (id: string, minutes: number): Step => ({
  id,
  title: { fr: id, en: id },
  instructions: { fr: '', en: '' },
  durationMs: minutes * 60_000,
  kind: 'plenary',
});
const steps = [step('intro', 10), step('ideas', 15)];

function withArrival(state: SessionState, n: number): SessionState {
  const result = addParticipant(
    state,
    { userId: `person-${n}`, name: `Personne ${n}`, role: 'participant' },
    T0,
  );
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

function nextStep(state: SessionState): SessionState {
  const result = apply(state, { type: 'step.next' }, { userId: 'fac', role: 'facilitator' }, T0);
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

describe('state broadcasts', () => {
  let sent: SessionState[];
  let audience: number;
  let broadcasts: StateBroadcasts;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    audience = 10;
    broadcasts = new StateBroadcasts((_boardId, state) => {
      sent.push(state);
      return audience;
    });
  });
  afterEach(() => {
    broadcasts.close();
    vi.useRealTimers();
  });

  it('send the first change at once and the latest of a burst at the end of the window', () => {
    let state = createSession({ steps, now: T0 });
    broadcasts.offer('board', state);
    expect(sent).toHaveLength(1);
    for (let n = 1; n <= 30; n++) {
      state = withArrival(state, n);
      broadcasts.offer('board', state);
    }
    expect(sent).toHaveLength(1);
    expect(broadcasts.waiting('board')).toBe(state);
    vi.advanceTimersByTime(broadcastIntervalMs(10));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(state);
    expect(broadcasts.waiting('board')).toBeUndefined();
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(2);
  });

  it('never hold back a change of step, even inside a window', () => {
    let state = withArrival(createSession({ steps, now: T0 }), 1);
    broadcasts.offer('board', state);
    state = withArrival(state, 2);
    broadcasts.offer('board', state);
    expect(sent).toHaveLength(1);
    state = nextStep(state);
    broadcasts.offer('board', state);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.currentStepId).toBe('ideas');
    // The arrival held back before it is part of the state just sent: nothing is left waiting.
    expect(sent[1]!.participants).toHaveLength(2);
    expect(broadcasts.waiting('board')).toBeUndefined();
  });

  it('space broadcasts further apart as the audience grows', () => {
    expect(broadcastIntervalMs(1)).toBe(100);
    expect(broadcastIntervalMs(60)).toBe(240);
    expect(broadcastIntervalMs(200)).toBe(500);
    audience = 200;
    let state = createSession({ steps, now: T0 });
    broadcasts.offer('board', state);
    state = withArrival(state, 1);
    broadcasts.offer('board', state);
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
  });

  it('keep boards apart and send nothing once closed', () => {
    const state = createSession({ steps, now: T0 });
    broadcasts.offer('a', state);
    broadcasts.offer('b', state);
    expect(sent).toHaveLength(2);
    broadcasts.offer('a', withArrival(state, 1));
    broadcasts.close();
    vi.advanceTimersByTime(10_000);
    broadcasts.offer('a', withArrival(state, 2));
    expect(sent).toHaveLength(2);
  });
});
