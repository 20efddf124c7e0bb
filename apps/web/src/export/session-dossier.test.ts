import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { reportLines } from './report-text';
import { buildSessionDossier, encodableText, wrapText, type DossierInput } from './session-dossier';

// A 2×1 red PNG.
const png = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDwHwAK/wL+1DGsUwAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

function input(overrides: Partial<DossierInput> = {}): DossierInput {
  return {
    boardTitle: 'Journée des labs — œuvre commune',
    dateText: '27 novembre 2026 à 10:00',
    participants: ['Camille (Lab 110 bis)', 'Malik'],
    steps: [
      { title: '1. Introduction', image: { png, width: 2, height: 1 } },
      { title: '2. Vote', image: null },
    ],
    report: reportLines('# Atelier\n\n## Déroulé\n\n- ☐ Inédit\n- point'),
    labels: {
      dossier: 'Dossier de session',
      date: 'Date',
      participants: 'Participants',
      noParticipant: 'Aucun participant.',
      more: 'et {n} autres',
      report: 'Compte rendu',
    },
    locale: 'fr',
    createdAt: new Date(Date.UTC(2026, 10, 27, 9)),
    ...overrides,
  };
}

describe('the session file', () => {
  it('has a cover, one page per step and the report, in a PDF pdf-lib reads back', async () => {
    const dossier = await buildSessionDossier(input());
    expect(dossier.pages).toEqual({ cover: 1, steps: 2, report: 1, total: 4 });
    const parsed = await PDFDocument.load(dossier.bytes);
    expect(parsed.getPageCount()).toBe(4);
    expect(parsed.getTitle()).toBe('Journée des labs — œuvre commune · Dossier de session');
    expect(
      new TextDecoder('latin1').decode(dossier.bytes).match(/\/Type\s*\/Page(?![a-zA-Z])/g),
    ).toHaveLength(4);
  });

  it('flows a long report over as many pages as it needs, and lists many participants', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `- Idée numéro ${i + 1} à creuser ensemble`).join(
      '\n',
    );
    const dossier = await buildSessionDossier(
      input({
        report: reportLines(long),
        participants: Array.from({ length: 400 }, (_, i) => `Personne ${i}`),
      }),
    );
    expect(dossier.pages.report).toBeGreaterThan(3);
    expect(dossier.pages.total).toBe(1 + 2 + dossier.pages.report);
    expect((await PDFDocument.load(dossier.bytes)).getPageCount()).toBe(dossier.pages.total);
  });

  it('spells what the standard font lacks and wraps at the width', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const encode = encodableText(font);
    expect(encode('Élève ☐ coché → ok 🎉 ŝ')).toBe('Élève [ ] coché -> ok ? s');
    const lines = wrapText('un deux trois quatre cinq six sept huit neuf dix', font, 10, 60);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(60);
    expect(wrapText('anticonstitutionnellement', font, 10, 40).join('')).toBe('anticonstitutionnellement');
  });
});
