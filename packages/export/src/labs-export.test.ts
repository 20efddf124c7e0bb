import { describe, expect, it } from 'vitest';
import { academies } from '@atelier/board-schema';
import { identityCardsOf, labsFeatureCollection, renderLabsCsv, renderLabsGeoJson } from './labs-export';
import { identityBoard, identityCard } from './test-fixtures';

const cards = identityCardsOf(identityBoard());

describe('identityCardsOf', () => {
  it('returns the filled identity cards in reading order, blank ones left out', () => {
    expect(cards.map((card) => card.labName)).toEqual([
      'Lab en préfiguration',
      '110 bis Bretagne',
      'Lab "Amazonie"',
      '110 bis Limoges',
    ]);
  });
});

describe('renderLabsCsv', () => {
  const csv = renderLabsCsv(cards);
  const lines = csv.slice(1).split('\r\n');

  it('has a BOM and the lat/lon columns uMap reads', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['name', 'description', 'lat', 'lon']);
  });

  it('places each lab with an académie at its rectorat, and only those', () => {
    const rows = csv.match(/,(-?\d+\.\d+),(-?\d+\.\d+),/g);
    expect(rows).toEqual([',48.1173,-1.6778,', ',4.9224,-52.3135,', ',45.8336,1.2611,']);
    expect(csv).not.toContain('Lab en préfiguration');
    expect(csv).toContain(
      '\r\n"Lab ""Amazonie""","Académie\u00a0: Guyane\nLieu dédié\u00a0: en projet",4.9224,-52.3135,',
    );
  });

  it('guards formulas in user text but not the coordinates', () => {
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",lancement,`);
    expect(csv).toContain(',-1.6778,');
  });

  it('writes English words when asked', () => {
    expect(renderLabsCsv(cards, 'en')).toContain('Dedicated space: planned');
  });
});

describe('renderLabsGeoJson', () => {
  const collection = JSON.parse(renderLabsGeoJson(cards)) as ReturnType<typeof labsFeatureCollection>;

  it('is a FeatureCollection with one Point feature per placed card', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(3);
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry.type).toBe('Point');
      expect(feature.geometry.coordinates).toHaveLength(2);
    }
  });

  it('puts longitude first, in range, at the académie of the card', () => {
    const limoges = collection.features.find((f) => f.properties.academieCode === 'limoges')!;
    expect(limoges.geometry.coordinates).toEqual([1.2611, 45.8336]);
    for (const [lon, lat] of collection.features.map((f) => f.geometry.coordinates)) {
      expect(lon).toBeGreaterThanOrEqual(-180);
      expect(lon).toBeLessThanOrEqual(180);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
    }
  });

  it('carries every card field as a property', () => {
    const limoges = collection.features.find((f) => f.properties.academieCode === 'limoges')!;
    expect(limoges.properties).toEqual({
      name: '110 bis Limoges',
      id: 'lab-limoges',
      description:
        "Académie\u00a0: Limoges\nLieu dédié\u00a0: oui\nTypes d'innovation\u00a0: pédagogique, organisationnelle\nOffre de services\u00a0: sessions collaboratives, acculturation/formation, résidences\nStade\u00a0: actif\nContact\u00a0: lab@ac-limoges.fr",
      labName: '110 bis Limoges',
      academie: 'Limoges',
      academieCode: 'limoges',
      region: 'Nouvelle-Aquitaine',
      seat: 'Limoges',
      dedicatedSpace: 'oui',
      innovationTypes: 'pédagogique, organisationnelle',
      services: 'sessions collaboratives, acculturation/formation, résidences',
      servicesOther: 'résidences',
      stage: 'actif',
      needs: '',
      contact: 'lab@ac-limoges.fr',
    });
  });

  it('places a card in every académie within range, overseas included', () => {
    const all = labsFeatureCollection(academies.map((a) => identityCard(`Lab ${a.name}`, a.code).fields));
    expect(all.features).toHaveLength(academies.length);
    expect(
      all.features.every(
        ({
          geometry: {
            coordinates: [lon, lat],
          },
        }) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90,
      ),
    ).toBe(true);
  });
});
