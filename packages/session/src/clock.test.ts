import { describe, expect, it } from 'vitest';
import type { Timer } from '@atelier/protocol';
import { estimateClockOffset, formatCountdown, timerView, toServerTime } from './clock';
import type { ClockSample } from './clock';
import { seededRandom } from './random';

const SERVER_T0 = 1_750_000_000_000;

/** Round trips of a client whose clock is `skewMs` ahead of the server, with given one-way delays. */
function probe(skewMs: number, delays: [up: number, down: number][], start = SERVER_T0): ClockSample[] {
  let serverNow = start;
  return delays.map(([up, down]) => {
    const clientSentAt = serverNow + skewMs;
    const serverTime = serverNow + up;
    serverNow += up + down + 250;
    return { clientSentAt, serverTime, clientReceivedAt: clientSentAt + up + down };
  });
}

describe('clock offset', () => {
  it('S-CLOCK-1: keeps the sample with the lowest round trip', () => {
    const samples = probe(-30_000, [
      [300, 20],
      [20, 20],
      [80, 400],
    ]);
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: 30_000, rttMs: 40 });
  });

  it('S-CLOCK-1: the error is at most half the round trip when delays are asymmetric', () => {
    const estimate = estimateClockOffset(probe(12_345, [[50, 10]]));
    expect(estimate?.rttMs).toBe(60);
    expect(Math.abs((estimate?.offsetMs ?? 0) - -12_345)).toBeLessThanOrEqual(30);
  });

  it('S-CLOCK-1: without usable samples there is no estimate', () => {
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ clientSentAt: 10, serverTime: 5, clientReceivedAt: 9 }])).toBeNull();
    expect(toServerTime(1234, null)).toBe(1234);
    expect(toServerTime(1234, { offsetMs: -34, rttMs: 1 })).toBe(1200);
  });

  it('S-CLOCK-1: a client 30 s off shows the same second as a correct one, all along the countdown', () => {
    const timer: Timer = {
      status: 'running',
      endsAt: SERVER_T0 + 90_000,
      remainingMs: 90_000,
      startedAt: SERVER_T0,
    };
    const random = seededRandom(7);
    const delays = (): [number, number][] =>
      Array.from({ length: 8 }, () => [20 + Math.floor(random() * 200), 20 + Math.floor(random() * 200)]);
    // Both probed over the same kind of network; the best sample has near-symmetric delays.
    const correct = estimateClockOffset([...probe(0, delays()), ...probe(0, [[8, 8]])]);
    const skewed = estimateClockOffset([...probe(30_000, delays()), ...probe(30_000, [[9, 9]])]);
    let mismatches = 0;
    for (let serverNow = SERVER_T0 - 1000; serverNow < SERVER_T0 + 120_000; serverNow += 97) {
      const correctView = timerView(timer, toServerTime(serverNow, correct));
      const skewedView = timerView(timer, toServerTime(serverNow + 30_000, skewed));
      if (correctView.display !== skewedView.display) mismatches += 1;
    }
    // Both estimates are exact here (symmetric best samples), so not one frame differs.
    expect(mismatches).toBe(0);
  });
});

describe('timer view', () => {
  const running: Timer = { status: 'running', endsAt: 100_000, remainingMs: 60_000, startedAt: 40_000 };

  it('S-CLOCK-2: seconds are rounded up, so 00:00 appears exactly at the deadline', () => {
    expect(timerView(running, 40_000)).toEqual({
      remainingMs: 60_000,
      overtimeMs: 0,
      isOvertime: false,
      seconds: 60,
      display: '01:00',
    });
    expect(timerView(running, 40_001).display).toBe('01:00');
    expect(timerView(running, 41_000).display).toBe('00:59');
    expect(timerView(running, 99_999).display).toBe('00:01');
    expect(timerView(running, 100_000)).toEqual({
      remainingMs: 0,
      overtimeMs: 0,
      isOvertime: false,
      seconds: 0,
      display: '00:00',
    });
  });

  it('S-CLOCK-2: after the deadline, 00:00 lasts one second and then overtime counts up', () => {
    expect(timerView(running, 100_001)).toMatchObject({
      isOvertime: true,
      overtimeMs: 1,
      display: '00:00',
      seconds: 0,
    });
    expect(timerView(running, 100_999).display).toBe('00:00');
    expect(timerView(running, 101_000)).toMatchObject({ isOvertime: true, display: '-00:01', seconds: -1 });
    expect(timerView(running, 100_000 + 125_500)).toMatchObject({ overtimeMs: 125_500, display: '-02:05' });
  });

  it('S-CLOCK-3: paused shows the frozen time, idle its duration, finished 00:00', () => {
    expect(timerView({ status: 'paused', remainingMs: 61_500 }, 1e12).display).toBe('01:02');
    expect(timerView({ status: 'paused', remainingMs: -61_500 }, 0)).toMatchObject({
      isOvertime: true,
      overtimeMs: 61_500,
      display: '-01:01',
    });
    expect(timerView({ status: 'idle', remainingMs: 600_000 }, 0).display).toBe('10:00');
    expect(timerView({ status: 'finished', remainingMs: 0 }, 0)).toEqual({
      remainingMs: 0,
      overtimeMs: 0,
      isOvertime: false,
      seconds: 0,
      display: '00:00',
    });
  });

  it('S-CLOCK-2: hours are shown from one hour on', () => {
    expect(formatCountdown(3599)).toBe('59:59');
    expect(formatCountdown(3600)).toBe('1:00:00');
    expect(formatCountdown(-(2 * 3600 + 5 * 60 + 7))).toBe('-2:05:07');
    expect(formatCountdown(0)).toBe('00:00');
  });
});
