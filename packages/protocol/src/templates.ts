import { z } from 'zod';
import { SessionLimits } from './session';
import { localizedTextSchema, stepSchema } from './step';

/** Templates every Atelier server knows. Saved custom templates get other ids, hence the open string below. */
export const BuiltInTemplateId = {
  blank: 'blank',
  codev: 'codev',
  codevFlash: 'codev-flash',
  ideation: 'ideation',
  identityMap: 'identity-map',
  pgo: 'pgo',
  /** The pieces of a programme that are not workshops (P-PROG-7). */
  talk: 'talk',
  break: 'break',
  feedbackWall: 'feedback-wall',
} as const;
export type BuiltInTemplateId = (typeof BuiltInTemplateId)[keyof typeof BuiltInTemplateId];
export const builtInTemplateIds = Object.values(BuiltInTemplateId) as [
  BuiltInTemplateId,
  ...BuiltInTemplateId[],
];
export const builtInTemplateIdSchema = z.enum(builtInTemplateIds);

/** A built-in id or a saved template's id: a short slug, safe in a URL and a file name. */
export const templateIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'not a template id');
export type TemplateId = z.infer<typeof templateIdSchema>;

/** A part someone plays in a workshop (client, consultant, facilitator…). */
export const roleSchema = z.object({
  id: z.string().min(1).max(64),
  name: localizedTextSchema,
  description: localizedTextSchema,
});
export type Role = z.infer<typeof roleSchema>;

/** What `GET /api/templates` lists: enough to choose a template and preview its sequence. */
export const templateSummarySchema = z.object({
  id: templateIdSchema,
  /** Bumped when the template's steps or layout change, so boards record which version they were built from. */
  version: z.number().int().min(1),
  title: localizedTextSchema,
  description: localizedTextSchema,
  /** The sum of the steps' durations. */
  totalDurationMs: z.number().int().min(0),
  /** Steps as in the template; `frameId` is only set on a built board. */
  steps: z.array(stepSchema).max(50),
  roles: z.array(roleSchema).max(20),
  defaultGroups: z.number().int().min(0).max(8),
  minGroups: z.number().int().min(0).max(8),
  maxGroups: z.number().int().min(0).max(8),
  /** The template's default question, when it has one (every template keeps the question given). */
  question: localizedTextSchema.optional(),
  /** What the question is called when creating a board, when not "Question posée" (co-dev: the client's). */
  questionLabel: localizedTextSchema.optional(),
  /** What the steps are numbered from (`numberSteps`); 1 when absent. */
  firstStepNumber: z.number().int().min(0).max(SessionLimits.maxFirstStepNumber).optional(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateListSchema = z.object({ templates: z.array(templateSummarySchema) });
export type TemplateList = z.infer<typeof templateListSchema>;

/**
 * `POST /api/templates/owned`: the templates saved from the boards whose facilitator keys are given
 * (a browser remembers the keys of the boards it facilitates). Saved templates are private to them.
 */
export const ownedTemplatesRequestSchema = z.object({
  facilitatorKeys: z.array(z.string().min(1).max(200)).min(1).max(100),
});
export type OwnedTemplatesRequest = z.infer<typeof ownedTemplatesRequestSchema>;

/** Each owned template says which of the keys sent owns it (`DELETE /api/templates/:id` takes that key). */
export const ownedTemplateListSchema = z.object({
  templates: z.array(templateSummarySchema.extend({ ownerKeyIndex: z.number().int().min(0) })),
});
export type OwnedTemplateList = z.infer<typeof ownedTemplateListSchema>;
