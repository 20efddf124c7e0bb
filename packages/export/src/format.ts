// Dates and durations as a French (or English) reader expects them.
import type { Locale } from '@atelier/protocol';

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "27 novembre 2026 à 16:30"; the raw value when it is not a date. */
export function formatDateTime(date: number | string, locale: Locale, timeZone: string): string {
  const instant = new Date(date);
  if (Number.isNaN(instant.getTime())) return String(date);
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}

/** "16:30" in the time zone. */
export function formatTime(date: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: 'short', timeZone }).format(new Date(date));
}

/** "2026-11-27 16:30": sorts as text and spreadsheets read it as a date. */
export function formatSortableDateTime(date: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** "8 min", "9 min 12 s", "45 s", "1 h 05 min"; whole seconds, never negative. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
