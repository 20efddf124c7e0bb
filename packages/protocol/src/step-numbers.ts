// The one numbering of a sequence's steps (SPEC P-NUM-*), shared by the board's frame titles, the
// header, the facilitator's panel, the report and the PDF, so that they can never disagree.
import type { Step } from './step';
import { StepKind } from './step';

export interface StepNumbers {
  /** Each step's number by id; null for a break, which is numbered nowhere (P-NUM-2). */
  byId: ReadonlyMap<string, number | null>;
  /** The highest number ("step n of last"); null when no step is numbered. */
  last: number | null;
}

/**
 * Numbers the steps in their current order from `firstStepNumber` (P-NUM-1; the session's
 * `firstStepNumber`, 1 when absent), skipping breaks (P-NUM-2). Steps added, moved or removed
 * later are numbered by the same rule (P-NUM-3).
 */
export function numberSteps(
  steps: readonly Pick<Step, 'id' | 'kind'>[],
  firstStepNumber: number = 1,
): StepNumbers {
  const byId = new Map<string, number | null>();
  let next = firstStepNumber;
  for (const step of steps) {
    byId.set(step.id, step.kind === StepKind.break ? null : next++);
  }
  return { byId, last: next > firstStepNumber ? next - 1 : null };
}

/** "2. Réflexion…" for a numbered step, the bare title for a break (P-NUM-4). */
export function numberedStepTitle(number: number | null | undefined, title: string): string {
  return number === null || number === undefined ? title : `${number}. ${title}`;
}
