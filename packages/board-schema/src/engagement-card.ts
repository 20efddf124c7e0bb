import { z } from 'zod';

/** Engagement card of a PGO (Partenariat pour un Gouvernement Ouvert) workshop. */

/** The seven themes of the 110 bis PGO kit, adapted to Education. */
export const PgoTheme = {
  schoolHealth: 'school-health',
  civicEngagement: 'civic-engagement',
  inclusiveSchool: 'inclusive-school',
  rightToInformation: 'right-to-information',
  openData: 'open-data',
  environment: 'environment',
  probity: 'probity',
} as const;
export type PgoTheme = (typeof PgoTheme)[keyof typeof PgoTheme];
export const pgoThemes = Object.values(PgoTheme) as [PgoTheme, ...PgoTheme[]];
export const pgoThemeSchema = z.enum(pgoThemes);

/** The DITP's four recommendations for an engagement. */
export const EngagementCriterion = {
  transformative: 'transformative',
  openGovernmentValues: 'open-government-values',
  civilSociety: 'civil-society',
  measurable: 'measurable',
} as const;
export type EngagementCriterion = (typeof EngagementCriterion)[keyof typeof EngagementCriterion];
export const engagementCriteria = Object.values(EngagementCriterion) as [
  EngagementCriterion,
  ...EngagementCriterion[],
];
export const engagementCriterionSchema = z.enum(engagementCriteria);

export const engagementCardSchema = z.object({
  theme: pgoThemeSchema,
  /** The engagement, as the group words it. */
  engagement: z.string().max(1000),
  /** Checklist: true once the group agrees the engagement meets the criterion. */
  criteria: z.object({
    transformative: z.boolean(),
    'open-government-values': z.boolean(),
    'civil-society': z.boolean(),
    measurable: z.boolean(),
  }),
  actions: z.array(z.string().max(300)).max(20),
});
export type EngagementCardFields = z.infer<typeof engagementCardSchema>;
