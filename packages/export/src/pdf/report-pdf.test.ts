import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { NameDisplay } from '@atelier/protocol';
import { buildReportDocument } from '../report-builder';
import { exportedAt, pgoBoard, pgoSession } from '../test-fixtures';
import { framePlan, MIN_FRAME_SCALE, renderReportPdf, type FrameImage } from './report-pdf';
import { dejaVuFonts, testPng } from './pdf.test-support';

const fonts = dejaVuFonts();

/** The PGO-like session with a summary, its intro and themes frames tied to steps. */
function pgoDocument(names?: NameDisplay) {
  const session = pgoSession();
  return buildReportDocument({
    board: { title: 'Journée des labs', createdAt: '2026-11-20T09:00:00.000Z', template: 'pgo' },
    records: pgoBoard(),
    session: {
      ...session,
      summary: 'Deux thématiques retenues.\n\nProchaine étape : un atelier en janvier.',
      steps: session.steps.map((step) =>
        step.id === 'intro' || step.id === 'themes' ? { ...step, frameId: `shape:${step.id}` } : step,
      ),
    },
    exportedAt,
    locale: 'fr',
    ...(names ? { names } : {}),
  });
}

const checkers = (width: number, height: number, pixelRatio: number): FrameImage => ({
  png: testPng(width, height, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? [250, 240, 180] : [255, 255, 255])),
  width,
  height,
  pixelRatio,
});

async function textOf(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('renderReportPdf', () => {
  // The intro fits a page (1200 × 600 board units); the themes frame (2560 × 1200) needs 2 × 2 tiles.
  const images = new Map<string, FrameImage | null>([
    ['shape:intro', checkers(600, 300, 0.5)],
    ['shape:themes', checkers(640, 300, 0.25)],
  ]);
  const rendered = renderReportPdf({ document: pgoDocument(), fonts, images });

  it('writes a valid PDF with its metadata: title, language, dates', async () => {
    const { bytes, pages } = await rendered;
    const parsed = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(parsed.getPageCount()).toBe(pages.total);
    expect(parsed.getTitle()).toBe('Journée des labs — Compte rendu');
    expect(parsed.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(fr)');
    expect(parsed.getCreationDate()?.toISOString()).toBe(new Date(exportedAt).toISOString());
    expect(parsed.getCreator()).toBe('Atelier');
  });

  it('embeds its fonts (DejaVu Sans, subset), so every reader shows the same accents', async () => {
    const parsed = await PDFDocument.load((await rendered).bytes);
    const fontNames = new Set<string>();
    let embedded = 0;
    for (const [, object] of parsed.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor')
        continue;
      fontNames.add(String(object.get(PDFName.of('FontName'))));
      if (object.get(PDFName.of('FontFile2')) instanceof PDFRef) embedded += 1;
    }
    expect([...fontNames].every((name) => /^\/DejaVuSans/.test(name))).toBe(true);
    expect(fontNames.size).toBeGreaterThanOrEqual(3);
    expect(embedded).toBe(fontNames.size);
  });

  it('opens with the contents, then the summary; frames get image pages, a large one tiled', async () => {
    const { bytes, pages } = await rendered;
    // Title page with the contents; the intro on one page; the themes frame as overview + 4 tiles.
    expect(pages).toMatchObject({ contents: 1, frames: 1 + 1 + 4 });
    const text = await textOf(bytes);
    // Each text after the previous one: the reading order of the report (past the contents).
    let from = text.indexOf('Page 1 sur');
    for (const needle of [
      'Synthèse',
      'Deux thématiques retenues.',
      'Déroulé',
      'Réflexion sur les thématiques',
      'Participants',
      'Votes',
      'Production',
      '0. Introduction (10 min)',
      "1. Thématiques — Vue d'ensemble",
      '1. Thématiques — Partie 1 sur 4',
      'Santé mentale des élèves',
      'Infirmières scolaires',
      '=SOMME(A1) bien-être',
      'Données ouvertes',
      'Hors cadres',
      'Penser au compte rendu',
      'Engagements',
      'Mettre en place une démocratie sanitaire pérenne',
    ]) {
      const at = text.indexOf(needle, from);
      expect(at, needle).toBeGreaterThan(from);
      from = at + needle.length;
    }
    expect(text.indexOf('Sommaire')).toBeLessThan(text.indexOf('Page 1 sur'));
    expect(text).toContain(`Page 1 sur ${pages.total}`);
    // Check boxes are drawn, not written as "[x]".
    expect(text).not.toContain('[x]');
  });

  it('tiles only where a large frame’s shapes are, and leaves out tiles that show none', async () => {
    const tiled = (content: FrameImage['content']) =>
      renderReportPdf({
        document: pgoDocument(),
        fonts,
        images: new Map([['shape:themes', { ...checkers(640, 300, 0.25), content }]]),
      });
    // Shapes in the top-left corner only, readable on one page: that region alone, no tiles.
    const corner = await tiled([{ x: 100, y: 100, w: 400, h: 300 }]);
    expect(corner.pages.frames).toBe(1);
    expect(await textOf(corner.bytes)).not.toContain('Partie');
    // Shapes in two opposite corners: 2 × 2 tiles over the region, the two empty ones left out.
    const corners = await tiled([
      { x: 0, y: 0, w: 300, h: 200 },
      { x: 2200, y: 1000, w: 300, h: 200 },
    ]);
    expect(corners.pages.frames).toBe(1 + 2);
    const text = await textOf(corners.bytes);
    expect(text).toContain('Partie 2 sur 2');
    expect(text).not.toContain('Partie 3');
  });

  it('says so when a frame could not be drawn, and still lays out its text', async () => {
    const pdf = await renderReportPdf({
      document: pgoDocument(),
      fonts,
      images: new Map([['shape:themes', null]]),
    });
    const text = await textOf(pdf.bytes);
    expect(text).toContain("L'image de ce cadre n'a pas pu être dessinée.");
    expect(text).toContain('Santé mentale des élèves');
  });
});

describe('framePlan', () => {
  const area = { w: 770, h: 470 };
  it('keeps a frame on one page when it reads at that scale', () => {
    expect(framePlan({ w: 1200, h: 600 }, area)).toEqual({ columns: 1, rows: 1, scale: 770 / 1200 });
  });

  it('splits a large frame into tiles that each read at a readable scale', () => {
    const plan = framePlan({ w: 2540, h: 1140 }, area);
    expect(plan).toMatchObject({ columns: 2, rows: 2 });
    expect(plan.scale).toBeGreaterThanOrEqual(MIN_FRAME_SCALE);
  });
});
