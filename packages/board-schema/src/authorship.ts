/**
 * Who wrote a sticky note and when, in its meta (read by the report and the notes CSV). The server
 * stamps the author of every note it accepts (rule W-AUTHOR); the browser writes the same values first
 * so its push is taken as it is.
 */
export const noteMetaKey = {
  author: 'atelier.author',
  createdAt: 'atelier.createdAt',
} as const;

/** The author's user id, or null when the note has none (laid out by a template, or older than authorship). */
export function noteAuthor(record: { readonly meta?: unknown }): string | null {
  const meta = record.meta;
  if (typeof meta !== 'object' || meta === null) return null;
  const author = (meta as Record<string, unknown>)[noteMetaKey.author];
  return typeof author === 'string' ? author : null;
}
