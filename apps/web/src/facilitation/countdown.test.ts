import type { Timer } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { countdownView, deadlineKey, msUntilNextChange } from './countdown';

const T0 = 1_750_000_000_000;
const running = (endsAt: number): Timer => ({ status: 'running', endsAt, remainingMs: 0, startedAt: T0 });

describe('countdownView', () => {
  it('counts down to 00:00 at the deadline, then up in overtime', () => {
    const timer = running(T0 + 90_000);
    expect(countdownView(timer, T0).display).toBe('01:30');
    expect(countdownView(timer, T0 + 89_500).display).toBe('00:01');
    const atDeadline = countdownView(timer, T0 + 90_000);
    expect(atDeadline.display).toBe('00:00');
    expect(atDeadline.timeUp).toBe(true);
    const late = countdownView(timer, T0 + 95_000);
    expect(late.display).toBe('-00:05');
    expect(late.isOvertime).toBe(true);
  });

  it('is not "time up" while paused, even in overtime', () => {
    const view = countdownView({ status: 'paused', remainingMs: -3000 }, T0);
    expect(view.display).toBe('-00:03');
    expect(view.isOvertime).toBe(true);
    expect(view.timeUp).toBe(false);
  });
});

describe('msUntilNextChange', () => {
  it('waits until the shown second turns, whatever the phase', () => {
    const timer = running(T0 + 10_000);
    expect(msUntilNextChange(timer, T0)).toBe(1000);
    expect(msUntilNextChange(timer, T0 + 1)).toBe(999);
    expect(msUntilNextChange(timer, T0 + 999.5)).toBe(0.5);
    // In overtime too: -00:01 becomes -00:02 one second later.
    expect(msUntilNextChange(timer, T0 + 11_200)).toBe(800);
  });

  it('lands exactly on the next displayed value', () => {
    const timer = running(T0 + 7_300);
    for (const now of [T0, T0 + 450, T0 + 6_999, T0 + 7_300, T0 + 9_001]) {
      const before = countdownView(timer, now).seconds;
      const wait = msUntilNextChange(timer, now) ?? 0;
      expect(countdownView(timer, now + wait - 0.001).seconds).toBe(before);
      expect(countdownView(timer, now + wait).seconds).toBe(before - 1);
    }
  });

  it('does not tick for a still timer', () => {
    expect(msUntilNextChange({ status: 'paused', remainingMs: 5000 }, T0)).toBeNull();
    expect(msUntilNextChange({ status: 'idle', remainingMs: 5000 }, T0)).toBeNull();
    expect(msUntilNextChange({ status: 'finished', remainingMs: 0 }, T0)).toBeNull();
  });
});

describe('deadlineKey', () => {
  it('changes when the deadline moves and is null for a still timer', () => {
    expect(deadlineKey('ideas', running(T0))).not.toBe(deadlineKey('ideas', running(T0 + 60_000)));
    expect(deadlineKey('ideas', { status: 'paused', remainingMs: 1 })).toBeNull();
  });
});
