import { describe, expect, it } from 'vitest';
import { clockMinutes, clockTime, dayDrift, planDay, programmePlaces } from './programme-clock';
import { asProgramme, makeStep, MIN, run, T0, workshop } from './test-fixtures';

/** The server's clock read as minutes since midnight, T0 being 10:00 on the workshop's clock. */
const minuteOfDay = (serverTime: number) => 600 + (serverTime - T0) / MIN;

function day() {
  return asProgramme(
    workshop([
      makeStep('welcome', 10 * MIN),
      makeStep('ideas', 20 * MIN),
      makeStep('vote', 10 * MIN),
      makeStep('lunch', 60 * MIN, { kind: 'break' }),
      makeStep('talk', 30 * MIN),
    ]),
    [
      { id: 'one', stepIds: ['welcome'], startsAt: '10:00' },
      { id: 'two', stepIds: ['ideas', 'vote'] },
      { id: 'three', stepIds: ['lunch'], startsAt: '12:00' },
      { id: 'four', stepIds: ['talk'] },
    ],
  );
}

describe('the day’s clock', () => {
  it('S-DAY-1 plans each step from its section’s start time, else from the previous end', () => {
    const plan = planDay(day().sections!, day().steps);
    expect(plan.steps.map((s) => [s.stepId, clockTime(s.startsAt!), clockTime(s.endsAt!)])).toEqual([
      ['welcome', '10:00', '10:10'],
      ['ideas', '10:10', '10:30'],
      ['vote', '10:30', '10:40'],
      // A fixed start leaves a gap (or an overlap) rather than moving the section.
      ['lunch', '12:00', '13:00'],
      ['talk', '13:00', '13:30'],
    ]);
    expect(plan.sections.map((s) => [s.sectionId, s.startsAt, s.fixed])).toEqual([
      ['one', 600, true],
      ['two', 610, false],
      ['three', 720, true],
      ['four', 780, false],
    ]);
  });

  it('S-DAY-1 nothing is planned before the first start time', () => {
    const state = asProgramme(workshop([makeStep('a', 10 * MIN), makeStep('b', 10 * MIN)]), [
      { id: 'one', stepIds: ['a'] },
      { id: 'two', stepIds: ['b'], startsAt: '14:00' },
    ]);
    const plan = planDay(state.sections!, state.steps);
    expect(plan.steps.map((s) => s.startsAt)).toEqual([null, 840]);
    expect(clockMinutes('09:05')).toBe(545);
  });

  it('S-DAY-2 a day started on time and kept to plan has no drift', () => {
    const started = run(day(), { type: 'timer.start' }, undefined, T0);
    expect(dayDrift(started, T0 + 3 * MIN, minuteOfDay)).toMatchObject({
      minutes: 0,
      plannedStepEnd: 610,
      projectedDayEnd: 810,
      plannedDayEnd: 810,
    });
  });

  it('S-DAY-2 a late start, an extension and overtime make the day late; a short step makes it early', () => {
    // Started 12 minutes late.
    const late = run(day(), { type: 'timer.start' }, undefined, T0 + 12 * MIN);
    expect(dayDrift(late, T0 + 12 * MIN, minuteOfDay)?.minutes).toBe(12);
    // Five more minutes on the welcome.
    const extended = run(late, { type: 'timer.extend', ms: 5 * MIN }, undefined, T0 + 13 * MIN);
    expect(dayDrift(extended, T0 + 13 * MIN, minuteOfDay)?.minutes).toBe(17);
    // Overtime: the step ends now at the earliest.
    expect(dayDrift(late, T0 + 40 * MIN, minuteOfDay)?.minutes).toBe(30);
    // Paused: what is left counts from now.
    const paused = run(late, { type: 'timer.pause' }, undefined, T0 + 14 * MIN);
    expect(dayDrift(paused, T0 + 20 * MIN, minuteOfDay)?.minutes).toBe(18);
    // Moved on early: the next step, entered at 10:05, ends 15 minutes early.
    const early = run(
      run(day(), { type: 'timer.start' }, undefined, T0),
      { type: 'step.next' },
      undefined,
      T0 + 5 * MIN,
    );
    expect(dayDrift(early, T0 + 5 * MIN, minuteOfDay)).toMatchObject({ minutes: -5, projectedDayEnd: 805 });
  });

  it('S-DAY-2 without a planned time there is no drift', () => {
    const state = workshop();
    expect(dayDrift(state, T0, minuteOfDay)).toBeNull();
  });

  it('S-DAY-3 the programme says what is done, now, next and later', () => {
    const state = run(run(day(), { type: 'timer.start' }), { type: 'step.next' });
    expect(programmePlaces(state).map((p) => [p.section.id, p.place])).toEqual([
      ['one', 'done'],
      ['two', 'now'],
      ['three', 'next'],
      ['four', 'later'],
    ]);
  });
});
