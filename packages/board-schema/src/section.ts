/**
 * The section mark: in a programme (several templates on one board), each top-level shape a section laid
 * out, and its title, carry the section's id, so the server can move the section's area or remove it
 * without relying on positions people may change.
 */
export const sectionMetaKey = 'atelier.section';

/** The `meta` entry tying a top-level shape to its programme section. */
export function sectionMeta(sectionId: string): { [sectionMetaKey]: string } {
  return { [sectionMetaKey]: sectionId };
}

/** The section a shape belongs to, or null outside a programme. */
export function readSectionId(shape: { readonly meta?: unknown }): string | null {
  const meta = shape.meta;
  if (typeof meta !== 'object' || meta === null) return null;
  const value = (meta as Record<string, unknown>)[sectionMetaKey];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
