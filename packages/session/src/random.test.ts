import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';

describe('seeded random', () => {
  it('S-GROUP-1: replays the same numbers for the same seed, within [0, 1)', () => {
    const first = seededRandom(2024);
    const second = seededRandom(2024);
    const values = Array.from({ length: 1000 }, () => first());
    expect(values).toEqual(Array.from({ length: 1000 }, () => second()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
    expect(seededRandom(2025)()).not.toBe(values[0]);
  });
});
