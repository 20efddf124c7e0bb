import { describe, expect, it } from 'vitest';
import { fill, formatDuration } from './format';

describe('fill', () => {
  it('replaces every known placeholder', () => {
    expect(fill('Étape {n} sur {total}', { n: 2, total: 4 })).toBe('Étape 2 sur 4');
  });

  it('leaves unknown placeholders visible and ignores inherited keys', () => {
    expect(fill('{name} · {toString}', { name: 'Camille' })).toBe('Camille · {toString}');
  });
});

describe('formatDuration', () => {
  it('says minutes, hours and seconds as people do', () => {
    expect(formatDuration(8 * 60_000, 'fr')).toBe('8 min');
    expect(formatDuration(90 * 60_000, 'fr')).toBe('1 h 30');
    expect(formatDuration(65 * 60_000, 'en')).toBe('1 h 05');
    expect(formatDuration(120 * 60_000, 'en')).toBe('2 h');
    expect(formatDuration(45_000, 'fr')).toBe('45 s');
  });

  it('keeps half minutes of short steps, with the locale decimal separator', () => {
    expect(formatDuration(90_000, 'fr')).toBe('1,5 min');
    expect(formatDuration(90_000, 'en')).toBe('1.5 min');
  });
});
