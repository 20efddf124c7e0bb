const maxSlugLength = 60;

/**
 * A portable file name for an export: accents folded, lower case, only [a-z0-9-], bounded,
 * suffixed with the export date (YYYY-MM-DD). `date` is an epoch in ms or an ISO date string;
 * the day is taken in `timeZone` (default Europe/Paris, where the workshops happen).
 */
export function exportFileName(
  title: string,
  date: number | string,
  ext: string,
  timeZone = 'Europe/Paris',
): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/œ/g, 'oe')
      .replace(/Œ/g, 'OE')
      .replace(/æ/g, 'ae')
      .replace(/Æ/g, 'AE')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, maxSlugLength)
      .replace(/^-+|-+$/g, '') || 'atelier';
  const extension = ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt';
  return `${slug}-${isoDay(date, timeZone)}.${extension}`;
}

/** YYYY-MM-DD of an instant in a time zone (en-CA formats dates that way). */
export function isoDay(date: number | string, timeZone = 'Europe/Paris'): string {
  const instant = new Date(date);
  if (Number.isNaN(instant.getTime())) return 'undated';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
