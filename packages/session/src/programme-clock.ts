// The day's clock (SPEC S-DAY-*): when each section and step is planned, from the sections' start
// times and the steps' durations, and how late (or early) the real day runs against that plan. Pure:
// times of day are minutes since midnight on the workshop's clock; the caller says how to read a
// server time as one (the browser's time zone), so nothing here reads a clock.
import type { ProgrammeSection, SessionState, Step } from '@atelier/protocol';

export interface PlannedStep {
  stepId: string;
  sectionId: string | null;
  /** Minutes since midnight; null when no start time precedes it in the day. */
  startsAt: number | null;
  endsAt: number | null;
}

export interface PlannedSection {
  sectionId: string;
  startsAt: number | null;
  endsAt: number | null;
  /** The section's own start time (`startsAt` given by the facilitator) rather than the previous one's end. */
  fixed: boolean;
}

export interface DayPlan {
  sections: PlannedSection[];
  steps: PlannedStep[];
}

const MINUTE_MS = 60_000;

/** "10:30" → 630. */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** 630 → "10:30" (wraps past midnight). */
export function clockTime(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * S-DAY-1: each section starts at its `startsAt`, else when the previous one is planned to end; each
 * step when the previous step of its section is planned to end (durations as planned now, edits
 * included). Before the first start time nothing is planned (null).
 */
export function planDay(
  sections: readonly Pick<ProgrammeSection, 'id' | 'startsAt'>[],
  steps: readonly Pick<Step, 'id' | 'durationMs' | 'sectionId'>[],
): DayPlan {
  const plan: DayPlan = { sections: [], steps: [] };
  let clock: number | null = null;
  let sectionIndex = -1;
  let currentSection: string | null = null;
  for (const step of steps) {
    const sectionId: string | null = step.sectionId ?? currentSection;
    if (sectionId !== currentSection || sectionIndex < 0) {
      currentSection = sectionId;
      const section = sections.find((candidate) => candidate.id === sectionId);
      if (section?.startsAt) clock = clockMinutes(section.startsAt);
      if (sectionId !== null) {
        sectionIndex++;
        plan.sections.push({ sectionId, startsAt: clock, endsAt: clock, fixed: Boolean(section?.startsAt) });
      }
    }
    const startsAt = clock;
    const endsAt: number | null = clock === null ? null : clock + step.durationMs / MINUTE_MS;
    plan.steps.push({ stepId: step.id, sectionId, startsAt, endsAt });
    clock = endsAt;
    const planned = plan.sections.at(-1);
    if (planned && planned.sectionId === sectionId) planned.endsAt = endsAt;
  }
  // Sections without a step (none today) still appear, after the others, unplanned.
  for (const section of sections) {
    if (!plan.sections.some((planned) => planned.sectionId === section.id)) {
      plan.sections.push({
        sectionId: section.id,
        startsAt: section.startsAt ? clockMinutes(section.startsAt) : null,
        endsAt: null,
        fixed: Boolean(section.startsAt),
      });
    }
  }
  return plan;
}

export interface DayDrift {
  /** Minutes late (positive) or early (negative) of the current step's projected end against its plan. */
  minutes: number;
  /** When the current step is now expected to end, and when it was planned to (minutes since midnight). */
  projectedStepEnd: number;
  plannedStepEnd: number;
  /** When the day is now expected to end (the last step's planned end moved by the drift), and as planned. */
  projectedDayEnd: number | null;
  plannedDayEnd: number | null;
}

/**
 * S-DAY-2: how the real day runs against the plan. The current step is projected to end when its timer
 * says (running: its deadline; paused or not started: now plus what is left; overtime: now); the drift is
 * that end minus the planned one. Null when the current step has no planned time. `minuteOfDay` reads a
 * server time on the workshop's clock (the caller's time zone and clock offset).
 */
export function dayDrift(
  state: Pick<SessionState, 'sections' | 'steps' | 'currentStepId' | 'timer'>,
  now: number,
  minuteOfDay: (serverTime: number) => number,
): DayDrift | null {
  const plan = planDay(state.sections ?? [], state.steps);
  const current = plan.steps.find((step) => step.stepId === state.currentStepId);
  if (!current || current.endsAt === null) return null;
  const timer = state.timer;
  const deadline =
    timer.status === 'running' && timer.endsAt !== undefined
      ? timer.endsAt
      : timer.status === 'finished'
        ? now
        : now + Math.max(0, timer.remainingMs);
  const projectedEnd = Math.max(now, deadline);
  // A day's workshops do not cross midnight: minutes since midnight compare as they are.
  const projectedStepEnd = minuteOfDay(projectedEnd);
  const minutes = Math.round(projectedStepEnd - current.endsAt);
  const plannedDayEnd = plan.steps.at(-1)?.endsAt ?? null;
  return {
    minutes,
    projectedStepEnd,
    plannedStepEnd: current.endsAt,
    projectedDayEnd: plannedDayEnd === null ? null : plannedDayEnd + minutes,
    plannedDayEnd,
  };
}

export type ProgrammePlace = 'done' | 'now' | 'next' | 'later';

/** S-DAY-3: each section's place in the day for "Programme de la journée": played, now, next, later. */
export function programmePlaces(
  state: Pick<SessionState, 'sections' | 'steps' | 'currentStepId'>,
): { section: ProgrammeSection; place: ProgrammePlace }[] {
  const sections = state.sections ?? [];
  const currentSection = state.steps.find((step) => step.id === state.currentStepId)?.sectionId;
  const nowIndex = sections.findIndex((section) => section.id === currentSection);
  return sections.map((section, i) => ({
    section,
    place:
      nowIndex < 0
        ? i === 0
          ? 'next'
          : 'later'
        : i < nowIndex
          ? 'done'
          : i === nowIndex
            ? 'now'
            : i === nowIndex + 1
              ? 'next'
              : 'later',
  }));
}
