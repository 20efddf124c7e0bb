import { academies, findAcademie, PIN_SIZE, type AcademieCode } from '@atelier/board-schema';
import { describe, expect, it } from 'vitest';
import { MAP_LAYOUT, academieAt, academieMapPosition } from './france-map';
import { boxesOverlap, layoutPins, pinPosition } from './pin-layout';

/** 30 labs as a community day might bring them: several in some académies, Paris crowded, overseas too. */
const thirtyLabs: AcademieCode[] = [
  'paris',
  'paris',
  'paris',
  'creteil',
  'versailles',
  'versailles',
  'lyon',
  'lyon',
  'grenoble',
  'rennes',
  'rennes',
  'nantes',
  'limoges',
  'bordeaux',
  'toulouse',
  'toulouse',
  'montpellier',
  'aix-marseille',
  'nice',
  'lille',
  'lille',
  'amiens',
  'normandie',
  'strasbourg',
  'nancy-metz',
  'dijon',
  'clermont-ferrand',
  'la-reunion',
  'guadeloupe',
  'corse',
];

describe('pin layout', () => {
  it('T-PIN keeps 30 pins on the map without overlap, each in its académie where there is room', () => {
    const positions = layoutPins(thirtyLabs);
    const boxes = positions.map((p) => ({ ...p, ...PIN_SIZE }));
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i]!;
      expect(box.x, thirtyLabs[i]).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.w).toBeLessThanOrEqual(MAP_LAYOUT.width);
      expect(box.y + box.h).toBeLessThanOrEqual(MAP_LAYOUT.height);
      for (let j = i + 1; j < boxes.length; j++)
        expect(boxesOverlap(box, boxes[j]!), `${thirtyLabs[i]} / ${thirtyLabs[j]}`).toBe(false);
    }
    // Each stays near its seat; a pin is about as large as an académie, so the first ones of an académie
    // sit in it and the next ones around it.
    boxes.forEach((b, i) => {
      const seat = academieMapPosition(findAcademie(thirtyLabs[i]!)!);
      expect(Math.hypot(b.x + b.w / 2 - seat.x, b.y + b.h / 2 - seat.y), thirtyLabs[i]).toBeLessThan(300);
    });
    const inOwn = boxes.filter((b, i) => academieAt(b.x + b.w / 2, b.y + b.h / 2) === thirtyLabs[i]);
    expect(inOwn.length).toBeGreaterThanOrEqual(18);
  });

  it('T-PIN is deterministic and avoids pins already there', () => {
    expect(layoutPins(thirtyLabs)).toEqual(layoutPins(thirtyLabs));
    const first = pinPosition('lyon', []);
    const second = pinPosition('lyon', [{ ...first, ...PIN_SIZE }]);
    expect(boxesOverlap({ ...first, ...PIN_SIZE }, { ...second, ...PIN_SIZE })).toBe(false);
    expect(academieAt(first.x + PIN_SIZE.w / 2, first.y + PIN_SIZE.h / 2)).toBe('lyon');
  });

  it('T-PIN places a pin for every académie and vice-rectorat', () => {
    const positions = layoutPins(academies.map((a) => a.code));
    expect(positions).toHaveLength(academies.length);
  });
});
