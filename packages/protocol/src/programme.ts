// A programme: one board holding a day of sequences (sections), each from a template, in order (SPEC P-PROG).
import { z } from 'zod';
import { localizedTextSchema } from './step';

export const ProgrammeLimits = {
  /** Sections on one board (a day of workshops, talks and breaks stays far below). */
  maxSections: 16,
} as const;

/** A time of day on the workshop's clock, "HH:MM" (24 h): when a section is planned to start. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time of day (HH:MM)');
export type ClockTime = z.infer<typeof clockTimeSchema>;

/** Names a section; its steps' ids and its shapes' ids start with it (P-PROG-2). */
export const sectionIdSchema = z.string().regex(/^[a-z0-9]{1,16}$/, 'not a section id');

/** What a facilitator asks for: one section of the day, from a template (built-in ids only). */
export const sectionRequestSchema = z.object({
  template: z.string().min(1).max(64),
  groups: z.number().int().min(1).max(8).optional(),
  question: z.string().trim().max(300).optional(),
  startsAt: clockTimeSchema.optional(),
});
export type SectionRequest = z.infer<typeof sectionRequestSchema>;

export const programmeRequestSchema = z.array(sectionRequestSchema).min(1).max(ProgrammeLimits.maxSections);

/** A section of the session's programme; its steps carry its id (`Step.sectionId`). */
export const programmeSectionSchema = z.object({
  id: sectionIdSchema,
  template: z.string().min(1).max(64),
  /** The template's title, shown as the section's title on the board, in the programme and the report. */
  title: localizedTextSchema,
  groups: z.number().int().min(1).max(8).optional(),
  question: z.string().max(300).optional(),
  startsAt: clockTimeSchema.optional(),
});
export type ProgrammeSection = z.infer<typeof programmeSectionSchema>;

/** The prefix of a programme step's id: `<sectionId>.<template's step id>` (P-PROG-2). */
export function sectionStepId(sectionId: string, templateStepId: string): string {
  return `${sectionId}.${templateStepId}`;
}

/** The template's own id of a step (`ideas` for `s2.ideas`); the id itself outside a programme. */
export function templateStepIdOf(stepId: string): string {
  const dot = stepId.indexOf('.');
  return dot < 0 ? stepId : stepId.slice(dot + 1);
}
