import { readZone } from '@atelier/board-schema';
import { numberSteps, type Locale, type Role, type Step, type TemplateSummary } from '@atelier/protocol';
import type { TLImageAsset, TLPageId, TLShape, TLShapeId } from '@tldraw/tlschema';
import { blankTemplate } from './blank-template';
import { BoardDraft } from './board-draft';
import { codevFlashTemplate } from './codev-flash-template';
import { codevTemplate } from './codev-template';
import { identityMapTemplate } from './identity-map-template';
import { ideationTemplate } from './ideation-template';
import { pgoTemplate } from './pgo-template';
import { breakTemplate, feedbackWallTemplate, talkTemplate } from './free-step-templates';
import type { BuiltGroup, TemplateDefinition } from './template-definition';

const definitions: readonly TemplateDefinition[] = [
  blankTemplate,
  codevTemplate,
  codevFlashTemplate,
  ideationTemplate,
  identityMapTemplate,
  pgoTemplate,
  talkTemplate,
  breakTemplate,
  feedbackWallTemplate,
];

export interface BuildBoardOptions {
  /** Clamped to the template's [minGroups, maxGroups]; the template's default when omitted. */
  groups?: number;
  /** The workshop's question, kept for every template (T-QUESTION); blank keeps the template's default. */
  question?: string;
  locale: Locale;
  /** The page every top-level frame goes on (`page:…`). */
  pageId: TLPageId | `page:${string}`;
  /** A new unique string per call; shapes get `shape:<id>`. Injected so building stays pure and testable. */
  createId: () => string;
  /** The number of the first numbered step, when not the template's (a programme's later sections, P-PROG-6). */
  numberFrom?: number;
}

export interface BuiltBoard {
  templateId: string;
  templateVersion: number;
  /** Shapes to put in the document, parents before children. */
  records: TLShape[];
  /** Assets the shapes show (the identity map's background), to put in the document too. */
  assets: TLImageAsset[];
  /** The sequence, each step's `frameId` set to its frame (group 1's zone when there are groups). */
  steps: Step[];
  roles: Role[];
  /** The question asked on the board: the one given, else the template's default, else null. */
  question: string | null;
  /** What the steps are numbered from (P-NUM-1): the session's `firstStepNumber`. */
  firstStepNumber: number;
  groups: BuiltGroup[];
}

function totalDuration(definition: TemplateDefinition): number {
  return definition.steps.reduce((sum, s) => sum + s.durationMs, 0);
}

function summarize(definition: TemplateDefinition): TemplateSummary {
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    description: definition.description,
    totalDurationMs: totalDuration(definition),
    steps: definition.steps.map((s) => ({ ...s })),
    roles: definition.roles,
    defaultGroups: definition.defaultGroups,
    minGroups: definition.minGroups,
    maxGroups: definition.maxGroups,
    ...(definition.question ? { question: definition.question } : {}),
    ...(definition.questionLabel ? { questionLabel: definition.questionLabel } : {}),
    ...(definition.firstStepNumber !== 1 ? { firstStepNumber: definition.firstStepNumber } : {}),
  };
}

/** Every built-in template, for `GET /api/templates`. */
export function listTemplates(): TemplateSummary[] {
  return definitions.map(summarize);
}

/** Whether `id` is a built-in template (a programme's sections are built-in templates only). */
export function isBuiltInTemplate(id: string): boolean {
  return definitions.some((d) => d.id === id);
}

export function getTemplate(id: string): TemplateSummary | undefined {
  const definition = definitions.find((d) => d.id === id);
  return definition ? summarize(definition) : undefined;
}

/**
 * The shapes, steps and roles of a new board from a built-in template. Pure: same options and id source,
 * same board. Throws on an unknown template id (check with `getTemplate` first).
 */
export function buildBoard(templateId: string, options: BuildBoardOptions): BuiltBoard {
  const definition = definitions.find((d) => d.id === templateId);
  if (!definition) throw new Error(`unknown template: ${templateId}`);
  const requested = Math.round(options.groups ?? definition.defaultGroups);
  const groups = Math.min(definition.maxGroups, Math.max(definition.minGroups, requested));
  const question = options.question?.trim() || definition.question?.[options.locale] || null;
  const draft = new BoardDraft(options.pageId as TLPageId, options.createId);
  // The frames use the numbering every other place uses (T-NUMBER).
  const numbers = numberSteps(definition.steps, options.numberFrom ?? definition.firstStepNumber);

  const layout = definition.layout({
    draft,
    groups,
    locale: options.locale,
    question,
    steps: definition.steps,
    stepNumber: (id) => numbers.byId.get(id) ?? null,
  });

  return {
    templateId: definition.id,
    templateVersion: definition.version,
    records: draft.records,
    assets: draft.assets,
    steps: definition.steps.map((s) => {
      const frameId = layout.stepFrames[s.id];
      return frameId ? { ...s, frameId } : { ...s };
    }),
    roles: definition.roles,
    question,
    firstStepNumber: definition.firstStepNumber,
    groups: layout.groups,
  };
}

/**
 * The frame a group works in for a step, given the step's `frameId` (group 1's zone): the zone of the same
 * step in that group's frame, found through zone meta so it survives people moving frames around. Falls back
 * to `frameId` for boards without groups or when the zone is gone.
 */
export function frameForGroup(
  shapes: readonly TLShape[],
  frameId: string,
  group: number,
): TLShapeId | string {
  const zone = shapes.find((s) => s.id === frameId);
  const stepId = zone ? readZone(zone)?.stepId : undefined;
  if (!stepId) return frameId;
  const match = shapes.find((s) => {
    const z = readZone(s);
    return s.type === 'frame' && z?.stepId === stepId && z.group === group;
  });
  return match?.id ?? frameId;
}
