/** A day as people read it: "12 mai 2027" / "12 May 2027". */
export function formatDate(epochMs: number, locale: string): string {
  return new Date(epochMs).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
