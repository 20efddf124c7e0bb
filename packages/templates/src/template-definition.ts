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
  /** The label a step is known by on the board ("1", "2"… or "" for a break). */
  ordinal(stepId: string): string;
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
  /** The editable question and its default, for templates that ask one. */
  question?: LocalizedText;
  /** Number the steps from 0 (the PGO kit calls its introduction step 0). */
  firstOrdinal: 0 | 1;
  layout(context: LayoutContext): LayoutResult;
}

export const MINUTE_MS = 60_000;

export function minutes(n: number): number {
  return n * MINUTE_MS;
}
