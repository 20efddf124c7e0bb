// The "dossier de session" PDF, built in the browser with pdf-lib and its standard fonts (nothing is
// fetched): a cover page, one page per step frame (an image of the board), then the report text.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { ReportLineKind, type ReportLine } from './report-text';

export interface DossierImage {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface DossierStepPage {
  title: string;
  /** Null when the step's frame could not be drawn: the page still says which step it was. */
  image: DossierImage | null;
}

export interface DossierLabels {
  dossier: string;
  date: string;
  participants: string;
  noParticipant: string;
  /** "et {n} autres" */
  more: string;
  report: string;
}

export interface DossierInput {
  boardTitle: string;
  /** Already formatted for the reader ("27 novembre 2026 à 10:00"). */
  dateText: string;
  participants: readonly string[];
  steps: readonly DossierStepPage[];
  report: readonly ReportLine[];
  labels: DossierLabels;
  locale: string;
  createdAt: Date;
}

export interface SessionDossier {
  bytes: Uint8Array;
  pages: { cover: number; steps: number; report: number; total: number };
}

/** A4 landscape, in PDF points: board frames are wider than tall. */
const PAGE = { width: 841.89, height: 595.28 } as const;
const MARGIN = 40;
const FOOTER = 24;
const BLUE = rgb(0, 0, 0.57);
const GREY = rgb(0.23, 0.23, 0.23);

// Characters the standard fonts (WinAnsi) lack, spelled with ones they have.
const REPLACEMENTS: Record<string, string> = {
  '☐': '[ ]',
  '☑': '[x]',
  '☒': '[x]',
  '✓': 'v',
  '✔': 'v',
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': '  ',
};

/** Text the font can draw: unknown characters lose their accents, or become "?". */
export function encodableText(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  const fits = (text: string) => [...text].every((char) => supported.has(char.codePointAt(0)!));
  return (text) => {
    let out = '';
    for (const char of text) {
      if (fits(char)) out += char;
      else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
      else {
        const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
        out += base && fits(base) ? base : '?';
      }
    }
    return out;
  };
}

/** Lines of at most `maxWidth` points, breaking at spaces (and inside words too long for a line). */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  const width = (value: string) => font.widthOfTextAtSize(value, size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = word;
      while (width(line) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && width(line.slice(0, cut)) > maxWidth) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  return out;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  encode: (text: string) => string;
}

/** Draws wrapped text from the top of a box downwards; returns the y below it. */
function drawWrapped(
  page: PDFPage,
  fonts: Fonts,
  text: string,
  at: { x: number; y: number; width: number; size: number; bold?: boolean; color?: ReturnType<typeof rgb> },
): number {
  const font = at.bold ? fonts.bold : fonts.regular;
  let y = at.y;
  for (const line of wrapText(fonts.encode(text), font, at.size, at.width)) {
    y -= at.size * 1.25;
    page.drawText(line, { x: at.x, y, size: at.size, font, color: at.color ?? rgb(0, 0, 0) });
  }
  return y;
}

function drawCover(doc: PDFDocument, fonts: Fonts, input: DossierInput): void {
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const width = PAGE.width - 2 * MARGIN;
  let y = PAGE.height - MARGIN;
  y = drawWrapped(page, fonts, input.labels.dossier, { x: MARGIN, y, width, size: 14, color: GREY });
  y = drawWrapped(page, fonts, input.boardTitle, {
    x: MARGIN,
    y: y - 6,
    width,
    size: 28,
    bold: true,
    color: BLUE,
  });
  y = drawWrapped(page, fonts, `${input.labels.date} : ${input.dateText}`, {
    x: MARGIN,
    y: y - 12,
    width,
    size: 13,
  });
  y = drawWrapped(page, fonts, input.labels.participants, {
    x: MARGIN,
    y: y - 18,
    width,
    size: 15,
    bold: true,
  });
  if (input.participants.length === 0) {
    drawWrapped(page, fonts, input.labels.noParticipant, {
      x: MARGIN,
      y: y - 4,
      width,
      size: 11,
      color: GREY,
    });
    return;
  }
  // Three columns of names; what does not fit is counted.
  const size = 10.5;
  const lineHeight = size * 1.35;
  const columns = 3;
  const columnWidth = width / columns;
  const perColumn = Math.max(1, Math.floor((y - 4 - MARGIN - FOOTER) / lineHeight));
  const capacity = perColumn * columns;
  const shown =
    input.participants.length > capacity ? input.participants.slice(0, capacity - 1) : input.participants;
  const names = [...shown];
  if (shown.length < input.participants.length) {
    names.push(input.labels.more.replace('{n}', String(input.participants.length - shown.length)));
  }
  names.forEach((name, i) => {
    const column = Math.floor(i / perColumn);
    const row = i % perColumn;
    const [line] = wrapText(fonts.encode(name), fonts.regular, size, columnWidth - 12);
    page.drawText(line ?? '', {
      x: MARGIN + column * columnWidth,
      y: y - 4 - (row + 1) * lineHeight,
      size,
      font: fonts.regular,
    });
  });
}

function drawStep(
  doc: PDFDocument,
  fonts: Fonts,
  step: DossierStepPage,
  embedded: Awaited<ReturnType<PDFDocument['embedPng']>> | null,
): void {
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const width = PAGE.width - 2 * MARGIN;
  const top = drawWrapped(page, fonts, step.title, {
    x: MARGIN,
    y: PAGE.height - MARGIN,
    width,
    size: 16,
    bold: true,
    color: BLUE,
  });
  if (!embedded) return;
  const boxTop = top - 12;
  const boxHeight = boxTop - MARGIN - FOOTER;
  const scale = Math.min(width / embedded.width, boxHeight / embedded.height);
  const drawWidth = embedded.width * scale;
  const drawHeight = embedded.height * scale;
  page.drawImage(embedded, {
    x: MARGIN + (width - drawWidth) / 2,
    y: boxTop - drawHeight,
    width: drawWidth,
    height: drawHeight,
  });
}

const lineStyle: Record<
  ReportLineKind,
  { size: number; bold?: boolean; before: number; color?: ReturnType<typeof rgb> }
> = {
  title: { size: 18, bold: true, before: 6, color: BLUE },
  heading: { size: 14, bold: true, before: 10, color: BLUE },
  subheading: { size: 12, bold: true, before: 8 },
  text: { size: 10, before: 2 },
  item: { size: 10, before: 2 },
  row: { size: 9, before: 1 },
  rule: { size: 6, before: 6 },
  blank: { size: 4, before: 0 },
};

function drawReport(doc: PDFDocument, fonts: Fonts, input: DossierInput): number {
  const width = PAGE.width - 2 * MARGIN;
  const bottom = MARGIN + FOOTER;
  let pages = 1;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = drawWrapped(page, fonts, input.labels.report, {
    x: MARGIN,
    y: PAGE.height - MARGIN,
    width,
    size: 20,
    bold: true,
    color: BLUE,
  });
  for (const line of input.report) {
    const style = lineStyle[line.kind];
    if (line.kind === ReportLineKind.blank) {
      y -= style.size;
      continue;
    }
    if (line.kind === ReportLineKind.rule) {
      y -= style.before + style.size;
      if (y > bottom) {
        page.drawLine({
          start: { x: MARGIN, y },
          end: { x: PAGE.width - MARGIN, y },
          thickness: 0.5,
          color: GREY,
        });
      }
      continue;
    }
    const indent = line.kind === ReportLineKind.item ? 12 + 14 * (line.depth ?? 0) : 0;
    const font = style.bold ? fonts.bold : fonts.regular;
    const wrapped = wrapText(fonts.encode(line.text), font, style.size, width - indent);
    // Headings move to the next page with at least a line of what follows them.
    const keep =
      line.kind === ReportLineKind.text ||
      line.kind === ReportLineKind.item ||
      line.kind === ReportLineKind.row
        ? 0
        : 24;
    y -= style.before;
    wrapped.forEach((text, i) => {
      const lineHeight = style.size * 1.3;
      if (y - lineHeight - (i === 0 ? keep : 0) < bottom) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        pages += 1;
        y = PAGE.height - MARGIN;
      }
      y -= lineHeight;
      if (i === 0 && line.kind === ReportLineKind.item) {
        page.drawText('•', { x: MARGIN + indent - 9, y, size: style.size, font: fonts.regular });
      }
      page.drawText(text, {
        x: MARGIN + indent,
        y,
        size: style.size,
        font,
        color: style.color ?? rgb(0, 0, 0),
      });
    });
  }
  return pages;
}

export async function buildSessionDossier(input: DossierInput): Promise<SessionDossier> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fonts: Fonts = { regular, bold, encode: encodableText(regular) };
  doc.setTitle(fonts.encode(`${input.boardTitle} · ${input.labels.dossier}`));
  doc.setCreator('Atelier');
  doc.setProducer('Atelier');
  doc.setLanguage(input.locale);
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);

  drawCover(doc, fonts, input);
  for (const step of input.steps) {
    const embedded = step.image ? await doc.embedPng(step.image.png) : null;
    drawStep(doc, fonts, step, embedded);
  }
  const reportPages = drawReport(doc, fonts, input);

  const pages = doc.getPages();
  const footerTitle = fonts.encode(input.boardTitle);
  pages.forEach((page, i) => {
    const text = `${footerTitle}  ·  ${i + 1} / ${pages.length}`;
    const [line] = wrapText(text, regular, 8, PAGE.width - 2 * MARGIN);
    page.drawText(line ?? '', { x: MARGIN, y: MARGIN - 14, size: 8, font: regular, color: GREY });
  });
  // Plain (not object-stream) objects: the file stays readable by simple tools, pages countable.
  const bytes = await doc.save({ useObjectStreams: false });
  return {
    bytes,
    pages: { cover: 1, steps: input.steps.length, report: reportPages, total: pages.length },
  };
}
