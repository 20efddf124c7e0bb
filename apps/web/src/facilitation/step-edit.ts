// The `step.edit` command for what the facilitator changed in the edit dialog.
import type { SessionCommandOf, Step } from '@atelier/protocol';

const MINUTE = 60_000;
export const MAX_STEP_MINUTES = 24 * 60;

export interface StepDraft {
  titleFr: string;
  titleEn: string;
  instructionsFr: string;
  instructionsEn: string;
  /** As typed in the field. */
  minutes: string;
  /** The timer waits for "Démarrer" instead of starting when the sequence reaches the step. */
  manualTimer: boolean;
}

export function stepDraft(step: Step): StepDraft {
  return {
    titleFr: step.title.fr,
    titleEn: step.title.en,
    instructionsFr: step.instructions.fr,
    instructionsEn: step.instructions.en,
    minutes: String(Math.round((step.durationMs / MINUTE) * 100) / 100),
    manualTimer: step.timerStart === 'manual',
  };
}

/**
 * Only what changed, so a co-facilitator's edit of another field is not overwritten; null when
 * nothing changed. A duration that is not a number is left as it was.
 */
export function stepEditCommand(step: Step, draft: StepDraft): SessionCommandOf<'step.edit'> | null {
  const command: SessionCommandOf<'step.edit'> = { type: 'step.edit', stepId: step.id };
  const title: Partial<Step['title']> = {};
  if (draft.titleFr !== step.title.fr) title.fr = draft.titleFr;
  if (draft.titleEn !== step.title.en) title.en = draft.titleEn;
  const instructions: Partial<Step['instructions']> = {};
  if (draft.instructionsFr !== step.instructions.fr) instructions.fr = draft.instructionsFr;
  if (draft.instructionsEn !== step.instructions.en) instructions.en = draft.instructionsEn;
  if (Object.keys(title).length > 0) command.title = title;
  if (Object.keys(instructions).length > 0) command.instructions = instructions;
  const minutes = Number(draft.minutes.replace(',', '.'));
  if (draft.minutes.trim() !== '' && Number.isFinite(minutes)) {
    const durationMs = Math.round(Math.min(MAX_STEP_MINUTES, Math.max(0, minutes)) * MINUTE);
    if (durationMs !== step.durationMs) command.durationMs = durationMs;
  }
  if (draft.manualTimer !== (step.timerStart === 'manual')) {
    command.timerStart = draft.manualTimer ? 'manual' : 'on-enter';
  }
  return Object.keys(command).length > 2 ? command : null;
}
