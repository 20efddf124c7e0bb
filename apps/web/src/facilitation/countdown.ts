// The countdown as every screen shows it: derived from the server deadline and the clock offset,
// never from a value ticking locally, so all screens turn the same second at the same instant.
import type { Timer } from '@atelier/protocol';
import { timerView, type TimerView } from '@atelier/session';

export interface CountdownView extends TimerView {
  status: Timer['status'];
  /** Running and at or past the deadline: the moment for the chime and the flash. */
  timeUp: boolean;
}

export function countdownView(timer: Timer, serverNow: number): CountdownView {
  const view = timerView(timer, serverNow);
  return { ...view, status: timer.status, timeUp: timer.status === 'running' && view.seconds <= 0 };
}

/**
 * Milliseconds (server time) until the shown second changes, or null when the timer is still
 * (idle, paused, finished). Shown seconds are `ceil(left / 1000)`: with `d` shown, the next one
 * appears when `left` reaches `(d - 1) * 1000`.
 */
export function msUntilNextChange(timer: Timer, serverNow: number): number | null {
  if (timer.status !== 'running' || timer.endsAt === undefined) return null;
  const left = timer.endsAt - serverNow;
  const shown = Math.ceil(left / 1000);
  return left - (shown - 1) * 1000;
}

/** Identifies one deadline of one step, so "time is up" fires once per deadline. */
export function deadlineKey(stepId: string | null, timer: Timer): string | null {
  return timer.status === 'running' && timer.endsAt !== undefined ? `${stepId ?? ''}@${timer.endsAt}` : null;
}
