import { numberedStepTitle, type Locale } from '@atelier/protocol';
import type { StepDefinition } from './template-definition';
import { MINUTE_MS } from './template-definition';

/** tldraw's font sizes for text styles (px); used only to reserve room under instructions. */
const FONT_PX = { s: 18, m: 24, l: 36, xl: 44 } as const;

/**
 * T-NAME-ROOM: the room a frame inside a step's frame (a column, a group's zone) keeps free above it. tldraw
 * draws a frame's name there at a constant size on screen, so about 60 page units at the zoom a whole step
 * is seen at (0.3 to 0.4): an instruction laid there would be hidden under the names.
 */
export const FRAME_NAME_ROOM = 60;

/**
 * A generous estimate of the height a wrapped sans-serif text takes: the canvas measures the real one, this
 * only keeps the shapes laid out below from starting under it.
 */
export function estimateTextHeight(text: string, width: number, size: keyof typeof FONT_PX = 's'): number {
  const px = FONT_PX[size];
  const charsPerLine = Math.max(1, Math.floor(width / (px * 0.55)));
  const lines = text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  return Math.ceil(lines * px * 1.35) + 16;
}

/** "3. Vote à points (4 min)"; a break has no number (P-NUM-4). */
export function stepLabel(step: StepDefinition, number: number | null, locale: Locale): string {
  const duration = `${Math.round(step.durationMs / MINUTE_MS)} min`;
  return `${numberedStepTitle(number, step.title[locale])} (${duration})`;
}

/** "2. Consigne…" for the instructions of one of several steps sharing a frame. */
export function numberedInstructions(step: StepDefinition, number: number | null, locale: Locale): string {
  return numberedStepTitle(number, step.instructions[locale]);
}
