import { readZone } from '@atelier/board-schema';
import type { Locale, Role, Step, TemplateSummary } from '@atelier/protocol';
import type { TLPageId, TLShape, TLShapeId } from '@tldraw/tlschema';
import { blankTemplate } from './blank-template';
import { BoardDraft } from './board-draft';
import { codevFlashTemplate } from './codev-flash-template';
import { codevTemplate } from './codev-template';
import { identityMapTemplate } from './identity-map-template';
import { ideationTemplate } from './ideation-template';
import { pgoTemplate } from './pgo-template';
import type { BuiltGroup, TemplateDefinition } from './template-definition';

const definitions: readonly TemplateDefinition[] = [
  blankTemplate,
  codevTemplate,
  codevFlashTemplate,
  ideationTemplate,
  identityMapTemplate,
  pgoTemplate,
];

export interface BuildBoardOptions {
  /** Clamped to the template's [minGroups, maxGroups]; the template's default when omitted. */
  groups?: number;
  /** Replaces the template's default question (templates that ask one); blank keeps the default. */
  question?: string;
  locale: Locale;
  /** The page every top-level frame goes on (`page:…`). */
  pageId: TLPageId | `page:${string}`;
  /** A new unique string per call; shapes get `shape:<id>`. Injected so building stays pure and testable. */
  createId: () => string;
}

export interface BuiltBoard {
  templateId: string;
  templateVersion: number;
  /** Shapes to put in the document, parents before children. */
  records: TLShape[];
  /** The sequence, each step's `frameId` set to its frame (group 1's zone when there are groups). */
  steps: Step[];
  roles: Role[];
  /** The question asked on the board, or null for templates that ask none. */
  question: string | null;
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
  };
}

/** Every built-in template, for `GET /api/templates`. */
export function listTemplates(): TemplateSummary[] {
  return definitions.map(summarize);
}

export function getTemplate(id: string): TemplateSummary | undefined {
  const definition = definitions.find((d) => d.id === id);
  return definition ? summarize(definition) : undefined;
}

/**
 * Step numbers as the board shows them: from the template's first ordinal (0 for PGO's
 * introduction, 1 elsewhere and for unknown or saved templates), breaks unnumbered. Takes the
 * session's current steps, so a report numbers steps the facilitator added or moved the same way.
 */
export function stepOrdinals(
  templateId: string,
  steps: readonly Pick<Step, 'id' | 'kind'>[],
): Map<string, string> {
  const result = new Map<string, string>();
  let n = definitions.find((d) => d.id === templateId)?.firstOrdinal ?? 1;
  for (const step of steps) {
    result.set(step.id, step.kind === 'break' ? '' : String(n++));
  }
  return result;
}

function ordinals(definition: TemplateDefinition): Map<string, string> {
  return stepOrdinals(definition.id, definition.steps);
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
  const custom = options.question?.trim();
  const question = definition.question ? custom || definition.question[options.locale] : null;
  const draft = new BoardDraft(options.pageId as TLPageId, options.createId);
  const labels = ordinals(definition);

  const layout = definition.layout({
    draft,
    groups,
    locale: options.locale,
    question,
    steps: definition.steps,
    ordinal: (id) => labels.get(id) ?? '',
  });

  return {
    templateId: definition.id,
    templateVersion: definition.version,
    records: draft.records,
    steps: definition.steps.map((s) => {
      const frameId = layout.stepFrames[s.id];
      return frameId ? { ...s, frameId } : { ...s };
    }),
    roles: definition.roles,
    question,
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
