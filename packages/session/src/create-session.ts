import type { Locale, ProgrammeSection, SessionState, Step } from '@atelier/protocol';
import { idleTimer } from './timer';

export interface CreateSessionOptions {
  /** The planned sequence; ids must be unique (templates guarantee it). */
  steps: readonly Step[];
  question?: string;
  /** What the steps are numbered from (P-NUM-1); 1 when omitted. */
  firstStepNumber?: number;
  /** The workshop's language: the texts the server writes on the board (decisions, recap). */
  locale?: Locale;
  /** A programme's sections (P-PROG); the steps carry their ids. */
  sections?: readonly ProgrammeSection[];
  now: number;
}

/** A session before anyone starts: the first step is current, its timer idle (S-TIMER-1). */
export function createSession({
  steps,
  question,
  firstStepNumber,
  locale,
  sections,
  now,
}: CreateSessionOptions): SessionState {
  const first = steps[0];
  const state: SessionState = {
    revision: 0,
    steps: [...steps],
    currentStepId: first?.id ?? null,
    timer: idleTimer(first?.durationMs ?? 0),
    stepEntry: null,
    vote: null,
    undo: null,
    groups: null,
    participants: [],
    camera: { summon: null, follow: null },
    decisions: [],
    log: [],
    createdAt: now,
    updatedAt: now,
  };
  const trimmed = question?.trim();
  if (trimmed) state.question = trimmed;
  if (firstStepNumber !== undefined && firstStepNumber !== 1) state.firstStepNumber = firstStepNumber;
  if (locale) state.locale = locale;
  if (sections && sections.length > 0) state.sections = [...sections];
  return state;
}
