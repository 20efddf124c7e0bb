import { academies, findAcademie, readZone } from '@atelier/board-schema';
import { describe, expect, it } from 'vitest';
import { buildBoard } from './build-board';
import {
  MAP_LAYOUT,
  academieMapPosition,
  nearestAcademie,
  projectToMainland,
  projectToMap,
} from './france-map';
import { counterIds } from './test-support';

describe('identity map geometry', () => {
  it('T-MAP maps every marker back to its own académie', () => {
    for (const academie of academies) {
      const p = academieMapPosition(academie);
      expect(nearestAcademie(p.x, p.y)?.academie.code).toBe(academie.code);
      expect(nearestAcademie(p.x + 3, p.y - 3, 10)?.academie.code).toBe(academie.code);
    }
  });

  it('T-MAP keeps markers inside the map and at least 30 px apart', () => {
    const points = academies.map((a) => ({ code: a.code, ...academieMapPosition(a) }));
    for (const p of points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.y).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(MAP_LAYOUT.width);
      expect(p.y).toBeLessThan(MAP_LAYOUT.height);
    }
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const d = Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
        expect(d, `${points[i]!.code} / ${points[j]!.code}`).toBeGreaterThanOrEqual(30);
      }
    }
  });

  it('T-MAP projects north up and east right on the mainland', () => {
    const lille = projectToMap(50.63, 3.06);
    const marseille = projectToMap(43.3, 5.37);
    const brest = projectToMap(48.39, -4.49);
    expect(lille.y).toBeLessThan(marseille.y);
    expect(brest.x).toBeLessThan(lille.x);
    expect(projectToMap(45.76, 4.84)).toEqual(projectToMainland(45.76, 4.84));
  });

  it('T-MAP sends overseas places to the nearest inset and insets to their académie', () => {
    // Saint-Pierre (La Réunion), Fort-de-France (Martinique), Bora-Bora (Polynésie), Futuna (across the antimeridian? no: west of it)
    const cases: [number, number, string][] = [
      [-21.34, 55.48, 'la-reunion'],
      [14.6, -61.07, 'martinique'],
      [-16.5, -151.74, 'polynesie-francaise'],
      [-14.29, -178.12, 'wallis-et-futuna'],
      [-21.5, 165.5, 'nouvelle-caledonie'],
    ];
    for (const [lat, lon, code] of cases) {
      const p = projectToMap(lat, lon);
      expect(nearestAcademie(p.x, p.y)?.academie.code, code).toBe(code);
    }
    const inset = MAP_LAYOUT.insets.find((i) => i.code === 'mayotte')!;
    expect(nearestAcademie(inset.x + 2, inset.y + 2)?.academie.code).toBe('mayotte');
  });

  it('T-MAP enlarges Île-de-France so Paris, Créteil and Versailles stay apart', () => {
    const [paris, creteil, versailles] = (['paris', 'creteil', 'versailles'] as const).map((c) =>
      academieMapPosition(findAcademie(c)!),
    );
    for (const p of [paris!, creteil!, versailles!]) {
      expect(p.x).toBeGreaterThanOrEqual(MAP_LAYOUT.idf.x);
      expect(p.x).toBeLessThanOrEqual(MAP_LAYOUT.idf.x + MAP_LAYOUT.idf.w);
    }
  });

  it('T-MAP returns null beyond the distance asked', () => {
    expect(nearestAcademie(-5000, -5000, 100)).toBeNull();
  });

  it('T-MAP puts one marker per académie on the built board', () => {
    const board = buildBoard('identity-map', { locale: 'fr', pageId: 'page:p', createId: counterIds() });
    const markers = board.records.filter((r) => readZone(r)?.kind === 'academie-marker');
    expect(markers.map((m) => readZone(m)?.academie).sort()).toEqual(academies.map((a) => a.code).sort());
    const map = board.steps.find((s) => s.id === 'place-card')!.frameId;
    for (const marker of markers) {
      expect(marker.parentId).toBe(map);
      const code = readZone(marker)!.academie!;
      const at = nearestAcademie(marker.x + 8, marker.y + 8);
      expect(at?.academie.code).toBe(code);
    }
  });
});
