import { emptyCardFields, type IdentityCardFields } from '@atelier/board-schema';
import { describe, expect, it } from 'vitest';
import { renderLabsCsv, renderLabsGeoJson } from './labs-export';
import { LabsFileError, parseCsv, readLabsFile } from './labs-import';

const labs: (IdentityCardFields & { labId: string })[] = [
  {
    ...emptyCardFields('identity'),
    labId: 'lab-limoges',
    labName: '110 bis Limoges',
    academie: 'limoges',
    dedicatedSpace: 'yes',
    innovationTypes: ['pedagogical', 'organisational'],
    services: ['collaborative-sessions', 'training'],
    servicesOther: 'résidences, podcasts',
    stage: 'active',
    needs: ['funding', 'communication'],
    contact: 'lab@ac-limoges.fr',
  },
  {
    ...emptyCardFields('identity'),
    labId: 'uMap-Xy12',
    labName: 'Lab "Amazonie"; =test',
    academie: 'guyane',
    dedicatedSpace: 'planned',
    innovationTypes: ['digital'],
    stage: 'prefiguration',
  },
  {
    ...emptyCardFields('identity'),
    labId: 'lab-nc',
    labName: 'Lab du Pacifique',
    academie: 'nouvelle-caledonie',
    needs: ['territory'],
    stage: 'launch',
  },
];

describe('reading labs files (T-IMPORT)', () => {
  it('round-trips the export’s own GeoJSON: ids and every field, in French and English', () => {
    for (const locale of ['fr', 'en'] as const) {
      const reading = readLabsFile(renderLabsGeoJson(labs, locale));
      expect(reading.format).toBe('geojson');
      expect(reading.skipped).toEqual([]);
      expect(reading.labs).toEqual(labs);
    }
  });

  it('round-trips the export’s own CSV, formula guards and quotes included', () => {
    const reading = readLabsFile(renderLabsCsv(labs));
    expect(reading.format).toBe('csv');
    expect(reading.labs).toEqual(labs);
    // French Excel saves with semicolons: read as well.
    const semicolons = parseCsv('name;lat;lon\r\n"Lab; A";48.1;-1.6\r\n');
    expect(semicolons).toEqual([
      ['name', 'lat', 'lon'],
      ['Lab; A', '48.1', '-1.6'],
    ]);
  });

  it('reads a uMap layer export: its ids, names, descriptions, and the académie from the point', () => {
    const umap = {
      type: 'FeatureCollection',
      _umap_options: { name: 'Labs d’académie' },
      features: [
        {
          type: 'Feature',
          id: 'MzM0Ng',
          geometry: { type: 'Point', coordinates: [-1.6778, 48.1173] },
          properties: {
            name: '110 bis Bretagne',
            description:
              'Stade : lancement\nTypes d’innovation : pédagogique, numérique\nContact : lab@ac-rennes.fr',
            _umap_options: { color: 'Red' },
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [4.85, 45.75] },
          properties: { name: 'Lab Lyon', 'Lieu dédié': 'en projet' },
        },
        // Updated in last year's layer by someone who exported our file into uMap: our properties.
        JSON.parse(renderLabsGeoJson([labs[0]!])).features[0],
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [13.4, 52.5] },
          properties: { name: 'Berlin' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.85] }, properties: {} },
      ],
    };
    const reading = readLabsFile(JSON.stringify(umap));
    expect(reading.skipped).toEqual([
      { at: 4, reason: 'a place outside France and its overseas territories' },
      { at: 5, reason: 'no name' },
    ]);
    expect(reading.labs).toEqual([
      {
        ...emptyCardFields('identity'),
        labId: 'MzM0Ng',
        labName: '110 bis Bretagne',
        academie: 'rennes',
        innovationTypes: ['pedagogical', 'digital'],
        stage: 'launch',
        contact: 'lab@ac-rennes.fr',
      },
      {
        ...emptyCardFields('identity'),
        labId: 'lab-lab-lyon-lyon',
        labName: 'Lab Lyon',
        academie: 'lyon',
        dedicatedSpace: 'planned',
      },
      labs[0],
    ]);
    // The same file read twice gives the same ids: a second import updates, it does not duplicate.
    expect(readLabsFile(JSON.stringify(umap)).labs.map((l) => l.labId)).toEqual(
      reading.labs.map((l) => l.labId),
    );
  });

  it('refuses what is not a labs file', () => {
    expect(() => readLabsFile('{"type":"Topology"}')).toThrow(LabsFileError);
    expect(() => readLabsFile('{not json')).toThrow(LabsFileError);
    expect(readLabsFile('name,academie\r\nLab X,Atlantide\r\n').skipped).toEqual([
      { at: 2, reason: 'no académie' },
    ]);
  });
});
