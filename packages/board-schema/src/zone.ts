import type { TLShape } from '@tldraw/tlschema';
import { z } from 'zod';
import { academieCodeSchema } from './academies';
import { pgoThemeSchema } from './engagement-card';

/**
 * What a shape laid out by a template stands for, so the export and the canvas can tell a group's frame
 * from a step's zone or an académie's marker without relying on titles people may rename.
 */
export const ZoneKind = {
  /** A group's frame (one per group in codev, ideation). */
  group: 'group',
  /** The part of a board (or of a group's frame) used during one step. */
  step: 'step',
  /** The map of académies (identity map). */
  map: 'map',
  /** One académie's marker on the map. */
  academieMarker: 'academie-marker',
  /** One académie's outline on the map (one per ring: islands are their own). */
  academieArea: 'academie-area',
  /** Where blank cards wait to be filled. */
  cardTray: 'card-tray',
  /** A PGO theme's column. */
  theme: 'theme',
  /** Where the server writes what a vote decided ("Thématiques retenues"), in the vote's frame. */
  decision: 'decision',
  /** Instructions or the question, for reading only. */
  instructions: 'instructions',
  /** A programme section's title, above its area (P-PROG-3). */
  sectionTitle: 'section-title',
} as const;
export type ZoneKind = (typeof ZoneKind)[keyof typeof ZoneKind];
export const zoneKindSchema = z.enum(Object.values(ZoneKind) as [ZoneKind, ...ZoneKind[]]);

export const zoneMetaKey = 'atelier.zone';

export const zoneSchema = z.object({
  kind: zoneKindSchema,
  /** 1-based group number. */
  group: z.number().int().min(1).max(8).optional(),
  stepId: z.string().min(1).max(64).optional(),
  /** A programme's section (`section-title`). */
  sectionId: z.string().min(1).max(16).optional(),
  academie: academieCodeSchema.optional(),
  theme: pgoThemeSchema.optional(),
});
export type Zone = z.infer<typeof zoneSchema>;

/** The `meta` entry marking a shape as this zone (undefined members left out: tldraw wants JSON). */
export function zoneMeta(zone: Zone): TLShape['meta'] {
  const parsed = zoneSchema.parse(zone);
  const value: TLShape['meta'] = {};
  for (const [key, v] of Object.entries(parsed)) if (v !== undefined) value[key] = v;
  return { [zoneMetaKey]: value };
}

export function readZone(shape: { readonly meta?: unknown }): Zone | null {
  const meta = shape.meta;
  if (meta === null || typeof meta !== 'object') return null;
  const parsed = zoneSchema.safeParse((meta as Record<string, unknown>)[zoneMetaKey]);
  return parsed.success ? parsed.data : null;
}
