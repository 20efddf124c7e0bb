import type { SessionState, Step } from '@atelier/protocol';
import { idleTimer } from './timer';

export interface CreateSessionOptions {
  /** The planned sequence; ids must be unique (templates guarantee it). */
  steps: readonly Step[];
  question?: string;
  now: number;
}

/** A session before anyone starts: the first step is current, its timer idle (S-TIMER-1). */
export function createSession({ steps, question, now }: CreateSessionOptions): SessionState {
  const first = steps[0];
  const state: SessionState = {
    revision: 0,
    steps: [...steps],
    currentStepId: first?.id ?? null,
    timer: idleTimer(first?.durationMs ?? 0),
    vote: null,
    groups: null,
    participants: [],
    camera: { summon: null, follow: null },
    log: [],
    createdAt: now,
    updatedAt: now,
  };
  const trimmed = question?.trim();
  if (trimmed) state.question = trimmed;
  return state;
}
