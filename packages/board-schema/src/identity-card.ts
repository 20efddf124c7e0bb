import { z } from 'zod';
import { academieCodeSchema } from './academies';

/** Fiche d'identité d'un lab. */

export const DedicatedSpace = { yes: 'yes', no: 'no', planned: 'planned' } as const;
export type DedicatedSpace = (typeof DedicatedSpace)[keyof typeof DedicatedSpace];
export const dedicatedSpaceSchema = z.enum(
  Object.values(DedicatedSpace) as [DedicatedSpace, ...DedicatedSpace[]],
);

export const InnovationType = {
  pedagogical: 'pedagogical',
  organisational: 'organisational',
  digital: 'digital',
  social: 'social',
  other: 'other',
} as const;
export type InnovationType = (typeof InnovationType)[keyof typeof InnovationType];
export const innovationTypeSchema = z.enum(
  Object.values(InnovationType) as [InnovationType, ...InnovationType[]],
);

export const ServiceTag = {
  collaborativeSessions: 'collaborative-sessions',
  projectSupport: 'project-support',
  training: 'training',
  prototyping: 'prototyping',
  incubation: 'incubation',
  watch: 'watch',
} as const;
export type ServiceTag = (typeof ServiceTag)[keyof typeof ServiceTag];
export const serviceTagSchema = z.enum(Object.values(ServiceTag) as [ServiceTag, ...ServiceTag[]]);

/** What a lab needs help with (the community day's questionnaire: resources, skills, reach). */
export const NeedTag = {
  funding: 'funding',
  team: 'team',
  facilitation: 'facilitation',
  incubation: 'incubation',
  communication: 'communication',
  territory: 'territory',
  community: 'community',
} as const;
export type NeedTag = (typeof NeedTag)[keyof typeof NeedTag];
export const needTagSchema = z.enum(Object.values(NeedTag) as [NeedTag, ...NeedTag[]]);

/** A lab's lasting id: kept from one year's map to the next (imports, exports, the labs registry). */
export const labIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const LabStage = { prefiguration: 'prefiguration', launch: 'launch', active: 'active' } as const;
export type LabStage = (typeof LabStage)[keyof typeof LabStage];
export const labStageSchema = z.enum(Object.values(LabStage) as [LabStage, ...LabStage[]]);

/** Unique, so a card never lists a tag twice. */
function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'duplicate value');
}

/**
 * A card starts blank on the board and is filled in during the workshop, so every choice may still be
 * unset (null) and the name may be empty.
 */
export const identityCardSchema = z.object({
  labName: z.string().max(120),
  academie: academieCodeSchema.nullable(),
  dedicatedSpace: dedicatedSpaceSchema.nullable(),
  innovationTypes: uniqueList(innovationTypeSchema, Object.keys(InnovationType).length),
  services: uniqueList(serviceTagSchema, Object.keys(ServiceTag).length),
  /** Offer not covered by the tags, in the lab's words. */
  servicesOther: z.string().max(500),
  stage: labStageSchema.nullable(),
  contact: z.string().max(200).optional(),
  /** Cards written before needs existed read as needing nothing yet. */
  needs: uniqueList(needTagSchema, Object.keys(NeedTag).length).default([]),
  /** Set when the lab came from an import or the registry, or was exported once; see `labIdOf`. */
  labId: labIdSchema.optional(),
});
export type IdentityCardFields = z.output<typeof identityCardSchema>;
