// Same second on every screen (SPEC S-CLOCK-*): estimate the server clock, then derive the countdown
// from the server deadline; nothing counts down locally.
import type { Timer, TimeSyncResponse } from '@atelier/protocol';
import { signedRemainingMs } from './timer';

/** One `time:sync` round trip, with the client's clock when the answer arrived. */
export type ClockSample = TimeSyncResponse & { clientReceivedAt: number };

export interface ClockOffset {
  /** Add to the client's clock to get the server's. */
  offsetMs: number;
  /** Round trip of the sample used: the error bound is half of it. */
  rttMs: number;
}

/**
 * Keeps the round trip with the lowest RTT (the least delayed by queues) and assumes the server
 * answered halfway through it (S-CLOCK-1). Null without a usable sample.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const { clientSentAt, serverTime, clientReceivedAt } of samples) {
    const rttMs = clientReceivedAt - clientSentAt;
    if (!Number.isFinite(rttMs) || !Number.isFinite(serverTime) || rttMs < 0) continue;
    if (best === null || rttMs < best.rttMs) {
      best = { offsetMs: serverTime + rttMs / 2 - clientReceivedAt, rttMs };
    }
  }
  return best;
}

export function toServerTime(clientNow: number, offset: ClockOffset | null): number {
  return clientNow + (offset?.offsetMs ?? 0);
}

export interface TimerView {
  /** Time left, 0 in overtime. */
  remainingMs: number;
  /** Time past the deadline, 0 before it. */
  overtimeMs: number;
  isOvertime: boolean;
  /** The whole seconds shown, negative in overtime. */
  seconds: number;
  /** "mm:ss" ("h:mm:ss" from an hour), "-mm:ss" in overtime. */
  display: string;
}

/**
 * What to show at server time `serverNow`. Seconds are rounded up, so "00:00" appears exactly at
 * the deadline and lasts one second before "-00:01" (S-CLOCK-2).
 */
export function timerView(timer: Timer, serverNow: number): TimerView {
  const signed = signedRemainingMs(timer, serverNow);
  // `+ 0` turns the -0 of Math.ceil(-0.4) into 0.
  const seconds = Math.ceil(signed / 1000) + 0;
  return {
    remainingMs: Math.max(0, signed),
    overtimeMs: Math.max(0, -signed),
    isOvertime: signed < 0,
    seconds,
    display: formatCountdown(seconds),
  };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

export function formatCountdown(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.abs(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  return hours > 0
    ? `${sign}${hours}:${twoDigits(minutes)}:${twoDigits(rest)}`
    : `${sign}${twoDigits(minutes)}:${twoDigits(rest)}`;
}
