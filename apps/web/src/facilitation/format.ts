// Small text helpers for the facilitation screens (pure: unit-tested without a browser).
import type { Locale } from '@atelier/protocol';

/** Replaces `{name}` placeholders in a catalogue message; an unknown one stays visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : match,
  );
}

/** A step's planned duration as people say it: "8 min", "1 h 30", "45 s". */
export function formatDuration(ms: number, locale: Locale): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalSeconds % 60 !== 0 && totalMinutes < 10) {
    // Half minutes matter for short steps: "1,5 min" in French, "1.5 min" in English.
    const minutes = Math.round(totalSeconds / 30) / 2;
    return `${minutes.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB')} min`;
  }
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
}
