import { describe, expect, it } from 'vitest';
import { renderNotesCsv } from './notes-csv';
import { exportedAt, pgoBoard, pgoSession } from './test-fixtures';

const csv = renderNotesCsv({
  board: { title: 'Journée des labs', createdAt: '2026-11-20T09:00:00.000Z', template: 'pgo' },
  records: pgoBoard(),
  session: pgoSession(),
  exportedAt,
  locale: 'fr',
  names: 'full',
});

describe('renderNotesCsv', () => {
  it('starts with a BOM and a French header, and separates records with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe('cadre,zone,groupe,type,texte,auteur,points,créée le,id');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\r')).toBe(false);
  });

  it('writes one row per text in reading order, cards and template texts left out', () => {
    const records = csv.slice(1).split('\r\n').slice(1, -1);
    expect(records).toHaveLength(6);
    expect(records.map((row) => row.split(',').at(-1))).toEqual([
      'shape:health-1',
      'shape:health-2',
      'shape:health-3',
      'shape:info-1',
      'shape:info-2',
      'shape:loose-1',
    ]);
  });

  it('fills frame path, group, author, dots and created time when known', () => {
    expect(csv).toContain(
      "1. Thématiques › Santé à l'école/université,,Les Bleus,post-it,Infirmières scolaires,Alice,2,,shape:health-1\r\n",
    );
    expect(csv).toContain('\r\n,,,post-it,Penser au compte rendu,,,,shape:loose-1\r\n');
  });

  it('quotes multi-line notes and guards formulas', () => {
    expect(csv).toContain(',Les Bleus,post-it,"Données ouvertes\nen académie",Chloé,3,,shape:info-1\r\n');
    expect(csv).toContain(",post-it,'=SOMME(A1) bien-être,Invité,0,2026-11-27 09:20,shape:health-2\r\n");
  });

  it('uses English headers when asked', () => {
    const english = renderNotesCsv({
      board: { title: 'x', createdAt: '2026-11-20T09:00:00.000Z', template: 'pgo' },
      records: pgoBoard(),
      session: null,
      exportedAt,
      locale: 'en',
    });
    expect(english.slice(1, english.indexOf('\r\n'))).toBe(
      'frame,zone,group,kind,text,author,dots,created at,id',
    );
  });
});
