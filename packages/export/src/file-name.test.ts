import { describe, expect, it } from 'vitest';
import { exportFileName, isoDay } from './file-name';

const nov27 = Date.UTC(2026, 10, 27, 16, 30);

describe('exportFileName', () => {
  it('folds accents, lowers case and dates the file', () => {
    expect(exportFileName('Journée des labs', nov27, 'md')).toBe('journee-des-labs-2026-11-27.md');
  });

  it('keeps only [a-z0-9-] and folds ligatures', () => {
    const name = exportFileName("  Œuvre «commune» : l'État & 110 bis / Créteil ! ", nov27, '.HTML');
    expect(name).toBe('oeuvre-commune-l-etat-110-bis-creteil-2026-11-27.html');
    expect(name).toMatch(/^[a-z0-9-]+\.[a-z0-9]+$/);
  });

  it('bounds the length and never ends the slug with a dash', () => {
    const name = exportFileName('a '.repeat(200), nov27, 'csv');
    expect(name.length).toBeLessThanOrEqual(60 + '-2026-11-27.csv'.length);
    expect(name).not.toMatch(/--/);
    expect(name.endsWith('-2026-11-27.csv')).toBe(true);
  });

  it('falls back when the title has no letter or digit', () => {
    expect(exportFileName('!!! 🎉', nov27, 'geojson')).toBe('atelier-2026-11-27.geojson');
  });

  it('takes the day in Paris, not in UTC', () => {
    // 23:30 UTC on the 27th is already the 28th in Paris.
    expect(isoDay(Date.UTC(2026, 10, 27, 23, 30))).toBe('2026-11-28');
    expect(isoDay('2026-06-01T12:00:00Z', 'UTC')).toBe('2026-06-01');
    expect(isoDay('pas une date')).toBe('undated');
  });
});
