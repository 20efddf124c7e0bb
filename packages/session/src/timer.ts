// Countdown arithmetic on the server's clock (SPEC S-TIMER-*). Every function returns a new timer.
import type { Timer } from '@atelier/protocol';

export function idleTimer(durationMs: number): Timer {
  return { status: 'idle', remainingMs: durationMs };
}

/** Time left at `now`: negative in overtime; 0 once finished. */
export function signedRemainingMs(timer: Timer, now: number): number {
  switch (timer.status) {
    case 'running':
      return (timer.endsAt ?? now) - now;
    case 'finished':
      return 0;
    case 'idle':
    case 'paused':
      return timer.remainingMs;
  }
}

export function startTimer(timer: Timer, now: number): Timer {
  return {
    status: 'running',
    endsAt: now + timer.remainingMs,
    remainingMs: timer.remainingMs,
    startedAt: now,
  };
}

export function pauseTimer(timer: Timer, now: number): Timer {
  return { status: 'paused', remainingMs: signedRemainingMs(timer, now), startedAt: timer.startedAt };
}

export function resumeTimer(timer: Timer, now: number): Timer {
  return {
    status: 'running',
    endsAt: now + timer.remainingMs,
    remainingMs: timer.remainingMs,
    startedAt: timer.startedAt,
  };
}

/**
 * Adds `ms` (negative removes) to what is left, never going below zero (S-TIMER-4). Overtime is
 * forgiven by a positive extension; a negative one on a timer already at zero changes nothing, so
 * the overtime keeps counting (S-TIMER-5). Returns the same timer when nothing changes.
 */
export function shiftTimer(timer: Timer, ms: number, now: number): Timer {
  if (timer.status === 'finished') return timer;
  const left = Math.max(0, signedRemainingMs(timer, now));
  const next = Math.max(0, left + ms);
  if (left === 0 && next === 0) return timer;
  if (timer.status === 'running') return { ...timer, endsAt: now + next, remainingMs: next };
  return { ...timer, remainingMs: next };
}

export function finishedTimer(timer: Timer): Timer {
  return { status: 'finished', remainingMs: 0, startedAt: timer.startedAt };
}
