// The report document as a PDF: a pure renderer of the document plus the frames' images (drawn by
// tldraw in the facilitator's browser) and the font files it is given. Real tables (borders,
// wrapping, header repeated on each page), check boxes drawn as boxes, embedded fonts, one landscape
// page per frame image at a readable scale (large frames as an overview and tiles), a table of
// contents with links, page numbers, and the document's metadata (title, language).
import fontkit from '@pdf-lib/fontkit';
import {
  clip,
  endPath,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  type PDFImage,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import {
  showsText,
  type Block,
  type ContributionItem,
  type ReportDocument,
  type ReportSection,
  type RichBlock,
  type TextRun,
} from '../report-document';
import { breakLines, drawableText, spansOf, type PdfFontSet, type Span, type TextLine } from './pdf-text';

/** The four faces of the text font (TrueType or OpenType files; DejaVu Sans in Atelier). */
export interface PdfFontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

/** A frame drawn by tldraw: a PNG and how many of its pixels make one board unit. */
export interface FrameImage {
  png: Uint8Array;
  width: number;
  height: number;
  pixelRatio: number;
  /**
   * Where the frame's shapes lie, in board units from the image's top-left corner: a large frame's
   * tiles cover only that region, and tiles that show none of them are left out. When absent, the
   * whole frame is tiled.
   */
  content?: { x: number; y: number; w: number; h: number }[];
}

export interface ReportPdfInput {
  document: ReportDocument;
  fonts: PdfFontFiles;
  /** By frame id; null when the browser could not draw it (the page says so). */
  images?: ReadonlyMap<string, FrameImage | null>;
}

export interface ReportPdf {
  bytes: Uint8Array;
  pages: { total: number; contents: number; frames: number; text: number };
}

const PORTRAIT: [number, number] = [595.28, 841.89];
const LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = { x: 50, top: 54, bottom: 58 };
const FOOTER_Y = 30;
/** Board units in points below which tldraw's smallest text (18 px) would print under ~7.5 pt. */
export const MIN_FRAME_SCALE = 0.42;

const INK = rgb(0.118, 0.118, 0.118);
const BLUE = rgb(0, 0, 0.569);
const GREY = rgb(0.36, 0.36, 0.36);
const BORDER = rgb(0.45, 0.45, 0.5);
const HEADER_FILL = rgb(0.93, 0.93, 0.96);
const NOTE_FILL = rgb(1, 0.965, 0.72);
const NOTE_BAR = rgb(0.85, 0.72, 0);
const TEXT_FILL = rgb(0.96, 0.96, 0.96);
const TEXT_BAR = rgb(0.57, 0.57, 0.57);

const BODY = 10;
const TEXT_WIDTH = PORTRAIT[0] - 2 * MARGIN.x;
const LEADING = 1.38;

/** What flows down a page: its height, and how to draw it with its top at `top` (from the page's top). */
interface Piece {
  height: number;
  /** Space above it, dropped at the top of a page. */
  before: number;
  /** Headings: never last on a page. */
  keepWithNext?: boolean;
  draw(page: PDFPage, top: number): void;
  /** Tables: drawn row by row, the header repeated on each page. */
  rows?: { header: Piece; rows: Piece[] };
}

interface Heading {
  section: ReportSection;
  depth: number;
  pageIndex: number;
  top: number;
}

class Writer {
  readonly doc: PDFDocument;
  readonly fonts: PdfFontSet;
  readonly clean: (text: string) => string;
  page!: PDFPage;
  /** Distance from the top of the current page. */
  y = 0;
  headings: Heading[] = [];
  framePages = 0;
  private fresh = true;
  /** The current page holds a frame's image: text goes on the next one. */
  private imagePage = false;

  constructor(doc: PDFDocument, fonts: PdfFontSet) {
    this.doc = doc;
    this.fonts = fonts;
    this.clean = drawableText(fonts);
  }

  get width(): number {
    return TEXT_WIDTH;
  }

  newPage(size: [number, number] = PORTRAIT): PDFPage {
    this.page = this.doc.addPage(size);
    this.y = MARGIN.top;
    this.fresh = true;
    this.imagePage = size !== PORTRAIT;
    return this.page;
  }

  private room(): number {
    return this.page.getHeight() - MARGIN.bottom - this.y;
  }

  place(piece: Piece, next?: Piece): void {
    if (this.imagePage) this.newPage();
    if (piece.rows) return this.placeRows(piece);
    const before = this.fresh ? 0 : piece.before;
    const needed =
      before + piece.height + (piece.keepWithNext && next ? next.before + Math.min(next.height, 60) : 0);
    if (needed > this.room() && !this.fresh) {
      this.newPage();
      return this.place(piece, next);
    }
    this.y += before;
    piece.draw(this.page, this.y);
    this.y += piece.height;
    this.fresh = false;
  }

  private placeRows(table: Piece): void {
    const { header, rows } = table.rows!;
    const before = this.fresh ? 0 : table.before;
    const first = rows[0];
    if (before + header.height + (first?.height ?? 0) > this.room() && !this.fresh) this.newPage();
    else this.y += before;
    header.draw(this.page, this.y);
    this.y += header.height;
    this.fresh = false;
    for (const row of rows) {
      if (row.height > this.room()) {
        this.newPage();
        header.draw(this.page, this.y);
        this.y += header.height;
        this.fresh = false;
      }
      row.draw(this.page, this.y);
      this.y += row.height;
    }
  }

  mark(section: ReportSection, depth: number): void {
    this.headings.push({ section, depth, pageIndex: this.doc.getPageCount() - 1, top: this.y });
  }

  // ---- text ----

  spans(runs: readonly TextRun[], size = BODY, color: RGB = INK): Span[] {
    return spansOf(runs, this.fonts, size, color, BLUE, this.clean);
  }

  drawLines(page: PDFPage, lines: readonly TextLine[], x: number, top: number, lineHeight: number): void {
    const height = page.getHeight();
    lines.forEach((line, i) => {
      const lineTop = top + i * lineHeight;
      for (const segment of line.segments) {
        const baseline = height - (lineTop + (lineHeight - segment.size) / 2 + segment.size * 0.8);
        page.drawText(segment.text, {
          x: x + segment.x,
          y: baseline,
          size: segment.size,
          font: segment.font,
          color: segment.color,
        });
        if (segment.href || segment.strike) {
          const lineY = segment.href ? baseline - 1.2 : baseline + segment.size * 0.3;
          page.drawLine({
            start: { x: x + segment.x, y: lineY },
            end: { x: x + segment.x + segment.width, y: lineY },
            thickness: 0.6,
            color: segment.color,
          });
        }
        if (segment.href) {
          this.link(
            page,
            [x + segment.x, baseline - 2, x + segment.x + segment.width, baseline + segment.size],
            {
              uri: segment.href,
            },
          );
        }
      }
    });
  }

  /** A link annotation: to a web address, or to a place in this document. */
  link(
    page: PDFPage,
    rect: [number, number, number, number],
    target: { uri: string } | { page: PDFPage; top: number },
  ): void {
    const context = this.doc.context;
    const action =
      'uri' in target ? context.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(target.uri) }) : undefined;
    const annotation = context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      ...(action
        ? { A: action }
        : {
            Dest: [
              (target as { page: PDFPage }).page.ref,
              PDFName.of('XYZ'),
              null,
              (target as { page: PDFPage; top: number }).page.getHeight() -
                (target as { top: number }).top +
                4,
              null,
            ],
          }),
    });
    const ref = context.register(annotation);
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray) annots.push(ref);
    else page.node.set(PDFName.of('Annots'), context.obj([ref]));
  }

  /** A paragraph of styled spans as one piece per line (so long paragraphs flow across pages). */
  paragraph(spans: Span[], x: number, width: number, before: number, size = BODY): Piece[] {
    const lineHeight = size * LEADING;
    const lines = breakLines(spans, width);
    return lines.map((line, i) => ({
      height: lineHeight,
      before: i === 0 ? before : 0,
      draw: (page, top) => this.drawLines(page, [line], x, top, lineHeight),
    }));
  }

  checkBox(page: PDFPage, x: number, top: number, size: number, checked: boolean): void {
    const box = size * 0.78;
    const bottom = page.getHeight() - top - (size * LEADING + box) / 2;
    page.drawRectangle({ x, y: bottom, width: box, height: box, borderColor: INK, borderWidth: 0.9 });
    if (checked) {
      const a = { x: x + box * 0.18, y: bottom + box * 0.52 };
      const b = { x: x + box * 0.42, y: bottom + box * 0.22 };
      const c = { x: x + box * 0.84, y: bottom + box * 0.86 };
      page.drawLine({ start: a, end: b, thickness: 1.3, color: INK });
      page.drawLine({ start: b, end: c, thickness: 1.3, color: INK });
    }
  }

  // ---- rich text (what people wrote) ----

  rich(blocks: readonly RichBlock[], x: number, width: number, size = BODY): Piece[] {
    const pieces: Piece[] = [];
    const lineHeight = size * LEADING;
    blocks.forEach((block, position) => {
      const before = position === 0 ? 0 : size * 0.45;
      switch (block.kind) {
        case 'paragraph':
          pieces.push(...this.paragraph(this.spans(block.runs, size), x, width, before, size));
          break;
        case 'heading':
          pieces.push(
            ...this.paragraph(
              this.spans(
                block.runs.map((run) => ({ ...run, bold: true as const })),
                size,
              ),
              x,
              width,
              before,
              size,
            ),
          );
          break;
        case 'code':
          pieces.push(
            ...this.paragraph(this.spans([{ text: block.text }], size * 0.95), x, width, before, size),
          );
          break;
        case 'rule':
          pieces.push({
            height: lineHeight,
            before,
            draw: (page, top) => {
              const y = page.getHeight() - top - lineHeight / 2;
              page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.5, color: GREY });
            },
          });
          break;
        case 'quote': {
          const inner = this.rich(block.blocks, x + 10, width - 10, size);
          pieces.push(
            ...inner.map((piece, i) => ({
              ...piece,
              before: i === 0 ? before : piece.before,
              draw: (page: PDFPage, top: number) => {
                const y = page.getHeight() - top;
                page.drawLine({
                  start: { x: x + 2, y },
                  end: { x: x + 2, y: y - piece.height },
                  thickness: 2,
                  color: BLUE,
                });
                piece.draw(page, top);
              },
            })),
          );
          break;
        }
        case 'list':
          block.items.forEach((item, i) => {
            const indent = 14;
            const inner = this.rich(item.blocks, x + indent, width - indent, size);
            const first = inner[0] ?? { height: lineHeight, before: 0, draw: () => undefined };
            const marker = block.ordered ? `${block.start + i}.` : '•';
            pieces.push({
              ...first,
              before: i === 0 ? before : size * 0.2,
              draw: (page, top) => {
                if (item.checked !== undefined) this.checkBox(page, x, top, size, item.checked);
                else {
                  const font = this.fonts.regular;
                  page.drawText(marker, {
                    x: x + indent - 4 - font.widthOfTextAtSize(marker, size),
                    y: page.getHeight() - (top + (lineHeight - size) / 2 + size * 0.8),
                    size,
                    font,
                    color: INK,
                  });
                }
                first.draw(page, top);
              },
            });
            pieces.push(...inner.slice(1));
          });
          break;
      }
    });
    return pieces;
  }

  // ---- document blocks ----

  block(block: Block): Piece[] {
    const x = MARGIN.x;
    const width = TEXT_WIDTH;
    const gap = 7;
    switch (block.kind) {
      case 'paragraph': {
        const color = block.tone === 'muted' ? GREY : INK;
        const runs =
          block.tone === 'muted' ? block.runs.map((run) => ({ ...run, italic: true as const })) : block.runs;
        return this.paragraph(this.spans(runs, BODY, color), x, width, gap);
      }
      case 'rich':
        return this.rich(block.blocks, x, width, BODY + 0.5).map((piece, i) =>
          i === 0 ? { ...piece, before: gap } : piece,
        );
      case 'quote':
        return this.rich([{ kind: 'quote', blocks: block.blocks }], x, width).map((piece, i) =>
          i === 0 ? { ...piece, before: gap } : piece,
        );
      case 'facts':
        return this.facts(block.items, x, width, gap);
      case 'table':
        return [this.table(block, x, width, gap)];
      case 'items':
        return block.items.map((item, i) => this.item(item, x, width, i === 0 ? gap : 4));
      case 'checklist':
        return block.items.flatMap((item, i) => {
          const lines = this.paragraph(
            this.spans([{ text: item.label, bold: item.checked || undefined }]),
            x + 18,
            width - 18,
            0,
          );
          const [first, ...rest] = lines;
          return [
            {
              ...first!,
              before: i === 0 ? gap : 3,
              draw: (page: PDFPage, top: number) => {
                this.checkBox(page, x + 2, top, BODY, item.checked);
                first!.draw(page, top);
              },
            },
            ...rest,
          ];
        });
      case 'list':
        return this.rich(
          [
            {
              kind: 'list',
              ordered: false,
              start: 1,
              items: block.items.map((text) => ({ blocks: [{ kind: 'paragraph', runs: [{ text }] }] })),
            },
          ],
          x,
          width,
        ).map((piece, i) => (i === 0 ? { ...piece, before: gap } : piece));
    }
  }

  facts(items: readonly { label: string; value: string }[], x: number, width: number, gap: number): Piece[] {
    const bold = this.fonts.bold;
    const labelWidth = Math.min(
      width * 0.38,
      Math.max(0, ...items.map((item) => bold.widthOfTextAtSize(this.clean(item.label), BODY))) + 12,
    );
    const lineHeight = BODY * LEADING;
    return items.map((item, i) => {
      const label = breakLines(this.spans([{ text: item.label, bold: true }]), labelWidth - 10);
      const value = breakLines(this.spans([{ text: item.value }]), width - labelWidth);
      return {
        height: Math.max(label.length, value.length) * lineHeight,
        before: i === 0 ? gap : 2,
        draw: (page, top) => {
          this.drawLines(page, label, x, top, lineHeight);
          this.drawLines(page, value, x + labelWidth, top, lineHeight);
        },
      };
    });
  }

  table(block: Extract<Block, { kind: 'table' }>, x: number, width: number, gap: number): Piece {
    const size = 9;
    const pad = 4;
    const lineHeight = size * LEADING;
    const regular = this.fonts.regular;
    const bold = this.fonts.bold;
    const count = block.columns.length;
    const all = [block.columns.map((c) => c.label), ...block.rows, ...(block.footer ? [block.footer] : [])];
    // Widths: each column between its longest word and its longest line, shared out by need.
    const natural = Array.from({ length: count }, (_, c) =>
      Math.max(
        12,
        ...all.map((row, r) => (r === 0 ? bold : regular).widthOfTextAtSize(this.clean(row[c] ?? ''), size)),
      ),
    );
    const minimum = Array.from({ length: count }, (_, c) =>
      Math.min(
        width / count,
        Math.max(
          12,
          ...all.flatMap((row, r) =>
            this.clean(row[c] ?? '')
              .split(/\s+/)
              .map((word) => (r === 0 ? bold : regular).widthOfTextAtSize(word, size)),
          ),
        ),
      ),
    );
    const inner = width - count * 2 * pad;
    const naturalSum = natural.reduce((a, b) => a + b, 0);
    const minimumSum = minimum.reduce((a, b) => a + b, 0);
    const widths =
      naturalSum <= inner
        ? natural.map((w) => w + (inner - naturalSum) / count)
        : minimumSum >= inner
          ? minimum.map((w) => (w / minimumSum) * inner)
          : minimum.map((w, c) => w + ((natural[c]! - w) / (naturalSum - minimumSum)) * (inner - minimumSum));
    const lefts = widths.map((_, c) => x + widths.slice(0, c).reduce((a, b) => a + b + 2 * pad, 0));

    const row = (cells: readonly string[], kind: 'header' | 'body' | 'footer'): Piece => {
      const lines = cells.map((cell, c) =>
        breakLines(this.spans([{ text: cell, bold: kind !== 'body' || undefined }], size), widths[c]!),
      );
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      return {
        height,
        before: 0,
        draw: (page, top) => {
          const y = page.getHeight() - top - height;
          if (kind === 'header') page.drawRectangle({ x, y, width, height, color: HEADER_FILL });
          lines.forEach((cellLines, c) => {
            const w = widths[c]!;
            const alignRight = block.columns[c]?.align === 'end' && kind !== 'header';
            const shifted = alignRight
              ? cellLines.map((line) => ({
                  ...line,
                  segments: line.segments.map((s) => ({ ...s, x: s.x + w - line.width })),
                }))
              : cellLines;
            this.drawLines(page, shifted, lefts[c]! + pad, top + pad, lineHeight);
            page.drawRectangle({
              x: lefts[c]!,
              y,
              width: w + 2 * pad,
              height,
              borderColor: BORDER,
              borderWidth: 0.75,
            });
          });
        },
      };
    };
    const header = row(
      block.columns.map((c) => c.label),
      'header',
    );
    const rows = [
      ...block.rows.map((cells) => row(cells, 'body')),
      ...(block.footer ? [row(block.footer, 'footer')] : []),
    ];
    return { height: header.height, before: gap, draw: () => undefined, rows: { header, rows } };
  }

  /** A contribution: a note on a yellow card, other texts on grey, with its dots and author. */
  item(item: ContributionItem, x: number, width: number, before: number): Piece {
    const pad = 5;
    const bar = 3;
    const innerX = x + bar + pad + 2;
    const innerWidth = width - bar - 2 * pad - 2;
    const [first, ...rest] = item.content;
    const head: TextRun[] = [];
    if (item.badge) head.push({ text: `${item.badge}  `, bold: true });
    if (item.kind === 'arrow') head.push({ text: '→ ' });
    const firstRuns = first?.kind === 'paragraph' ? first.runs : [];
    const tail: TextRun[] = [];
    if (item.context) tail.push({ text: ` (${item.context})`, italic: true });
    if (item.byline) tail.push({ text: ` — ${item.byline}`, italic: true });
    const spans = [...this.spans(head), ...this.spans(firstRuns), ...this.spans(tail, BODY, GREY)];
    const pieces = [
      ...(spans.length ? this.paragraph(spans, innerX, innerWidth, 0) : []),
      ...this.rich(first?.kind === 'paragraph' ? rest : item.content, innerX, innerWidth).map((piece, i) =>
        i === 0 && spans.length ? { ...piece, before: BODY * 0.45 } : piece,
      ),
    ];
    const contentHeight = pieces.reduce((sum, piece) => sum + piece.before + piece.height, 0);
    const height = contentHeight + 2 * pad;
    const note = item.kind === 'note';
    return {
      height,
      before,
      draw: (page, top) => {
        const y = page.getHeight() - top - height;
        page.drawRectangle({ x, y, width, height, color: note ? NOTE_FILL : TEXT_FILL });
        page.drawRectangle({ x, y, width: bar, height, color: note ? NOTE_BAR : TEXT_BAR });
        let cursor = top + pad;
        for (const piece of pieces) {
          cursor += piece.before;
          piece.draw(page, cursor);
          cursor += piece.height;
        }
      },
    };
  }

  /** A section's title; `listed` puts it in the table of contents. */
  heading(section: ReportSection, depth: number, listed = true): Piece {
    const sizes = [15, 12.5, 11, 10.5];
    const size = sizes[Math.min(depth, sizes.length - 1)]!;
    const color = depth === 0 ? BLUE : INK;
    const lines = breakLines(this.spans([{ text: section.title, bold: true }], size, color), this.width);
    const lineHeight = size * 1.3;
    const rule = depth === 0 ? 5 : 0;
    return {
      height: lines.length * lineHeight + rule,
      before: depth === 0 ? 20 : 13,
      keepWithNext: true,
      draw: (page, top) => {
        if (listed) this.mark(section, depth);
        this.drawLines(page, lines, MARGIN.x, top, lineHeight);
        if (rule) {
          const y = page.getHeight() - top - lines.length * lineHeight - 2;
          page.drawLine({
            start: { x: MARGIN.x, y },
            end: { x: page.getWidth() - MARGIN.x, y },
            thickness: 1.2,
            color: BLUE,
          });
        }
      },
    };
  }
}

/** How a frame is printed: whole on one page, or as an overview and tiles at a readable scale. */
export function framePlan(
  board: { w: number; h: number },
  area: { w: number; h: number },
): { columns: number; rows: number; scale: number } {
  const fit = Math.min(area.w / board.w, area.h / board.h);
  if (fit >= MIN_FRAME_SCALE) return { columns: 1, rows: 1, scale: fit };
  const columns = Math.max(1, Math.ceil((board.w * MIN_FRAME_SCALE) / area.w));
  const rows = Math.max(1, Math.ceil((board.h * MIN_FRAME_SCALE) / area.h));
  return { columns, rows, scale: Math.min(area.w / (board.w / columns), area.h / (board.h / rows)) };
}

async function framePages(
  writer: Writer,
  document: ReportDocument,
  section: ReportSection,
  image: FrameImage | null,
  depth: number,
): Promise<void> {
  const page = writer.newPage(LANDSCAPE);
  writer.framePages += 1;
  const [pageW, pageH] = LANDSCAPE;
  const titleSize = 14;
  const titleTop = 30;
  const headerHeight = 46;
  const area = {
    x: 36,
    top: titleTop + headerHeight,
    w: pageW - 72,
    h: pageH - titleTop - headerHeight - 46,
  };
  const title = (page: PDFPage, text: string, reserve = 0) => {
    const lines = breakLines(
      writer.spans([{ text, bold: true }], titleSize, BLUE),
      pageW - 72 - reserve,
    ).slice(0, 2);
    writer.drawLines(page, lines, 36, titleTop, titleSize * 1.25);
  };
  writer.headings.push({ section, depth, pageIndex: writer.doc.getPageCount() - 1, top: titleTop });
  if (!image) {
    title(page, section.title);
    const lines = breakLines(
      writer.spans([{ text: document.labels.imageMissing, italic: true }], BODY, GREY),
      area.w,
    );
    writer.drawLines(page, lines, 36, area.top, BODY * LEADING);
    return;
  }
  const embedded: PDFImage = await writer.doc.embedPng(image.png);
  const board = { w: image.width / image.pixelRatio, h: image.height / image.pixelRatio };
  const whole = { x: 0, y: 0, ...board };

  const drawPart = (target: PDFPage, part: Box, box: typeof area, scale: number) => {
    const drawnW = part.w * scale;
    const drawnH = part.h * scale;
    const left = box.x + (box.w - drawnW) / 2;
    const bottom = target.getHeight() - box.top - drawnH;
    target.pushOperators(pushGraphicsState(), rectangle(left, bottom, drawnW, drawnH), clip(), endPath());
    target.drawImage(embedded, {
      x: left - part.x * scale,
      y: bottom - (board.h - part.y - part.h) * scale,
      width: board.w * scale,
      height: board.h * scale,
    });
    target.pushOperators(popGraphicsState());
    target.drawRectangle({
      x: left,
      y: bottom,
      width: drawnW,
      height: drawnH,
      borderColor: BORDER,
      borderWidth: 0.5,
    });
    return { left, bottom, drawnW, drawnH };
  };

  const fitWhole = framePlan(board, area);
  if (fitWhole.columns * fitWhole.rows === 1) {
    title(page, section.title);
    drawPart(page, whole, area, fitWhole.scale);
    return;
  }
  // Tiles cover where the frame's shapes are (its empty margins need no page), cut to a readable scale.
  const region = contentRegion(image.content, board) ?? whole;
  const plan = framePlan(region, area);
  if (plan.columns * plan.rows === 1) {
    title(page, section.title);
    drawPart(page, region, area, plan.scale);
    return;
  }
  const tileW = region.w / plan.columns;
  const tileH = region.h / plan.rows;
  const tiles: Box[] = [];
  for (let r = 0; r < plan.rows; r++) {
    for (let c = 0; c < plan.columns; c++) {
      const tile = { x: region.x + c * tileW, y: region.y + r * tileH, w: tileW, h: tileH };
      if (!image.content || image.content.some((box) => overlaps(box, tile))) tiles.push(tile);
    }
  }

  // Overview: the whole frame with its tiles numbered, then one page per tile.
  title(page, `${section.title} — ${document.labels.overview}`);
  const overviewScale = Math.min(area.w / board.w, area.h / board.h);
  const drawn = drawPart(page, whole, area, overviewScale);
  const onOverview = (tile: Box, at: { left: number; bottom: number; drawnH: number }, scale: number) => ({
    x: at.left + tile.x * scale,
    y: at.bottom + at.drawnH - (tile.y + tile.h) * scale,
    width: tile.w * scale,
    height: tile.h * scale,
  });
  tiles.forEach((tile, i) => {
    const box = onOverview(tile, drawn, overviewScale);
    page.drawRectangle({ ...box, borderColor: BLUE, borderWidth: 1 });
    const label = String(i + 1);
    const top = box.y + box.height;
    page.drawRectangle({ x: box.x + 3, y: top - 17, width: 8 + label.length * 6, height: 14, color: BLUE });
    page.drawText(label, {
      x: box.x + 6,
      y: top - 13.5,
      size: 10,
      font: writer.fonts.bold,
      color: rgb(1, 1, 1),
    });
  });
  const thumbH = 40;
  const thumbW = Math.min(160, (thumbH * board.w) / board.h);
  const thumbScale = Math.min(thumbW / board.w, thumbH / board.h);
  tiles.forEach((tile, i) => {
    const tilePage = writer.newPage(LANDSCAPE);
    writer.framePages += 1;
    const label = document.labels.tile.replace('{n}', String(i + 1)).replace('{total}', String(tiles.length));
    title(tilePage, `${section.title} — ${label}`, thumbW + 16);
    drawPart(tilePage, tile, area, plan.scale);
    // A small overview in the corner, the tile shown on it.
    const thumb = drawPart(
      tilePage,
      whole,
      { x: pageW - 36 - board.w * thumbScale, top: titleTop - 4, w: board.w * thumbScale, h: thumbH },
      thumbScale,
    );
    tilePage.drawRectangle({
      ...onOverview(tile, thumb, thumbScale),
      borderColor: rgb(0.8, 0, 0),
      borderWidth: 1.2,
    });
  });
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
}

/** The part of the image that holds the frame's shapes, with a margin; undefined when unknown. */
function contentRegion(
  content: readonly Box[] | undefined,
  board: { w: number; h: number },
): Box | undefined {
  if (!content || content.length === 0) return undefined;
  // Generous: the image may hold a little more around the frame than its bounds say.
  const margin = 80;
  const x = Math.max(0, Math.min(...content.map((box) => box.x)) - margin);
  const y = Math.max(0, Math.min(...content.map((box) => box.y)) - margin);
  const right = Math.min(board.w, Math.max(...content.map((box) => box.x + box.w)) + margin);
  const bottom = Math.min(board.h, Math.max(...content.map((box) => box.y + box.h)) + margin);
  return right > x && bottom > y ? { x, y, w: right - x, h: bottom - y } : undefined;
}

function hasText(section: ReportSection): boolean {
  return section.blocks.length > 0 || section.sections.length > 0;
}

async function writeSection(
  writer: Writer,
  document: ReportDocument,
  section: ReportSection,
  depth: number,
  images: ReadonlyMap<string, FrameImage | null>,
): Promise<void> {
  const image = section.frameId !== undefined ? images.get(section.frameId) : undefined;
  if (image !== undefined) {
    // The image page is the section's entry in the contents; its text follows on a new page.
    await framePages(writer, document, section, image, depth);
    if (!hasText(section)) return;
  } else if (section.imageOnly && !showsText(section)) return;
  const pieces: Piece[] = [writer.heading(section, depth, image === undefined)];
  for (const block of section.blocks) pieces.push(...writer.block(block));
  pieces.forEach((piece, i) => writer.place(piece, pieces[i + 1]));
  for (const child of section.sections) await writeSection(writer, document, child, depth + 1, images);
}

function footer(doc: PDFDocument, writer: Writer, document: ReportDocument): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = writer.clean(
      `${document.title}  ·  ${document.labels.page.replace('{n}', String(i + 1)).replace('{total}', String(pages.length))}`,
    );
    const [line] = breakLines(
      [{ text, font: writer.fonts.regular, size: 8, color: GREY }],
      page.getWidth() - 2 * MARGIN.x,
    );
    if (line) writer.drawLines(page, [line], MARGIN.x, page.getHeight() - FOOTER_Y + 4, 10);
  });
}

/** The table of contents: top-level sections and the ones right under them, with their pages. */
function contentsEntries(writer: Writer): Heading[] {
  return writer.headings.filter((heading) => heading.depth <= 1);
}

/**
 * Renders the report document as a PDF. Pure: no I/O, no clock (dates come from the document);
 * fonts and images are handed in as bytes.
 */
export async function renderReportPdf(input: ReportPdfInput): Promise<ReportPdf> {
  const { document } = input;
  const images = input.images ?? new Map<string, FrameImage | null>();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: PdfFontSet = {
    regular: await doc.embedFont(input.fonts.regular, { subset: true }),
    bold: await doc.embedFont(input.fonts.bold, { subset: true }),
    italic: await doc.embedFont(input.fonts.italic, { subset: true }),
    boldItalic: await doc.embedFont(input.fonts.boldItalic, { subset: true }),
  };
  const writer = new Writer(doc, fonts);

  // Title page: the title, the facts, then the table of contents (drawn once pages are known).
  const cover = writer.newPage();
  const kind = writer.paragraph(
    writer.spans([{ text: document.labels.documentKind }], 12, GREY),
    MARGIN.x,
    writer.width,
    0,
    12,
  );
  const title = writer.paragraph(
    writer.spans([{ text: document.title, bold: true }], 22, BLUE),
    MARGIN.x,
    writer.width,
    6,
    22,
  );
  const facts = writer.facts(document.facts, MARGIN.x, writer.width, 14);
  [...kind, ...title, ...facts].forEach((piece) => writer.place(piece));
  const contentsTop = writer.y + 26;

  // The body starts on its own page.
  writer.newPage();
  for (const section of document.sections) await writeSection(writer, document, section, 0, images);
  const colophon = writer.paragraph(
    writer.spans([{ text: document.colophon, italic: true }], 9, GREY),
    MARGIN.x,
    writer.width,
    24,
    9,
  );
  colophon.forEach((piece) => writer.place(piece));

  // Contents: as many pages as it needs, right after the title page.
  const entries = contentsEntries(writer);
  const entryHeight = BODY * 1.7;
  const firstCapacity = Math.floor((PORTRAIT[1] - MARGIN.bottom - contentsTop - 30) / entryHeight);
  const nextCapacity = Math.floor((PORTRAIT[1] - MARGIN.bottom - MARGIN.top - 30) / entryHeight);
  const extraPages = Math.max(0, Math.ceil((entries.length - firstCapacity) / nextCapacity));
  const contentsPages = [cover];
  for (let i = 0; i < extraPages; i++) contentsPages.push(doc.insertPage(1 + i, PORTRAIT));
  const pages = doc.getPages();
  let pageIndex = 0;
  let top = contentsTop;
  const heading = writer.heading(
    { id: 'contents', kind: 'summary', title: document.labels.contents, blocks: [], sections: [] },
    0,
  );
  // The contents' own heading is not an entry of itself.
  const marks = writer.headings.length;
  heading.draw(cover, top);
  writer.headings.length = marks;
  top += heading.height + 8;
  entries.forEach((entry, i) => {
    if (i === firstCapacity || (i > firstCapacity && (i - firstCapacity) % nextCapacity === 0)) {
      pageIndex += 1;
      top = MARGIN.top;
    }
    const page = contentsPages[pageIndex]!;
    const targetIndex = entry.pageIndex + (entry.pageIndex >= 1 ? extraPages : 0);
    const target = pages[targetIndex]!;
    const number = String(targetIndex + 1);
    const indent = entry.depth * 16;
    const size = entry.depth === 0 ? BODY + 0.5 : BODY;
    const font = entry.depth === 0 ? fonts.bold : fonts.regular;
    const numberWidth = font.widthOfTextAtSize(number, size);
    const available = writer.width - indent - numberWidth - 14;
    const [line] = breakLines(
      writer.spans([{ text: entry.section.title, bold: entry.depth === 0 || undefined }], size),
      available,
    );
    if (!line) return;
    const lastSegment = line.segments.at(-1);
    const truncated = breakLines(writer.spans([{ text: entry.section.title }], size), available).length > 1;
    if (truncated && lastSegment) lastSegment.text = `${lastSegment.text.replace(/\s+\S*$/, '')} …`;
    writer.drawLines(page, [line], MARGIN.x + indent, top, entryHeight);
    const baseline = page.getHeight() - (top + (entryHeight - size) / 2 + size * 0.8);
    page.drawText(number, { x: MARGIN.x + writer.width - numberWidth, y: baseline, size, font, color: INK });
    // Dots lead the eye from the title to its page.
    const dotsFrom = MARGIN.x + indent + line.width + 6;
    const dotsTo = MARGIN.x + writer.width - numberWidth - 6;
    if (dotsTo > dotsFrom) {
      page.drawLine({
        start: { x: dotsFrom, y: baseline + 1 },
        end: { x: dotsTo, y: baseline + 1 },
        thickness: 0.6,
        color: GREY,
        dashArray: [0.6, 2.4],
      });
    }
    writer.link(page, [MARGIN.x + indent, baseline - 3, MARGIN.x + writer.width, baseline + size], {
      page: target,
      top: entry.top,
    });
    top += entryHeight;
  });

  footer(doc, writer, document);

  const when = new Date(document.exportedAtIso);
  doc.setTitle(writer.clean(`${document.title} — ${document.labels.documentKind}`), {
    showInWindowTitleBar: true,
  });
  doc.setSubject(writer.clean(document.labels.documentKind));
  doc.setLanguage(document.lang);
  doc.setCreator('Atelier');
  doc.setProducer('Atelier (pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const bytes = await doc.save({ useObjectStreams: false });
  return {
    bytes,
    pages: {
      total: doc.getPageCount(),
      contents: contentsPages.length,
      frames: writer.framePages,
      text: doc.getPageCount() - contentsPages.length - writer.framePages,
    },
  };
}
