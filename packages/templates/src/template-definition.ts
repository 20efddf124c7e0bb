import type { BuiltInTemplateId, LocalizedText, Locale, Role, Step } from '@atelier/protocol';
import type { TLShapeId } from '@tldraw/tlschema';
import type { BoardDraft } from './board-draft';

/** A step as a template defines it; `frameId` is set when a board is built. */
export type StepDefinition = Omit<Step, 'frameId'>;

/** One group's frame on a built board and, per step id, the zone its members work in. */
export interface BuiltGroup {
  /** 1-based. */
  group: number;
  frameId: TLShapeId;
  stepFrameIds: Record<string, TLShapeId>;
}

export interface LayoutContext {
  draft: BoardDraft;
  groups: number;
  locale: Locale;
  /** The question shown on the board, already resolved (custom or default), or null. */
  question: string | null;
  steps: readonly StepDefinition[];
  /** The number a step is known by everywhere (protocol's `numberSteps`); null for a break. */
  stepNumber(stepId: string): number | null;
}

export interface LayoutResult {
  /** Frame of each step; with groups, group 1's zone (see `frameForGroup`). */
  stepFrames: Record<string, TLShapeId>;
  groups: BuiltGroup[];
}

export interface TemplateDefinition {
  id: BuiltInTemplateId;
  /** Bump when steps or layout change (SPEC T-VERSION). */
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  roles: Role[];
  steps: StepDefinition[];
  defaultGroups: number;
  minGroups: number;
  maxGroups: number;
  /** The default question, for templates that ask one (any template keeps the one given, T-QUESTION). */
  question?: LocalizedText;
  /** What the question is called on the home page when not "Question posée" (codev: the client's). */
  questionLabel?: LocalizedText;
  /** What the steps are numbered from (P-NUM-1): 0 for the PGO kit, whose introduction is "étape 0". */
  firstStepNumber: number;
  layout(context: LayoutContext): LayoutResult;
}

export const MINUTE_MS = 60_000;

export function minutes(n: number): number {
  return n * MINUTE_MS;
}
