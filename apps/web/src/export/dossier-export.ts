// The report as PDF, made in this browser: the report document the server builds (report.json, with
// the name choice), the steps' frames drawn by tldraw here, and DejaVu Sans shipped with the app.
// `@atelier/export/pdf` lays it out; nothing is fetched from anywhere but this server.
import type { ReportDocument } from '@atelier/export';
import type { FrameImage, ReportPdf } from '@atelier/export/pdf';
import {
  numberSteps,
  numberedStepTitle,
  type Locale,
  type NameDisplay,
  type PublicSessionState,
} from '@atelier/protocol';
import type { Editor, TLShapeId } from 'tldraw';
import boldItalicUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import italicUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { IMAGE_PADDING, renderImage } from './image-export';

/** Step frames in the sequence's order, numbered as everywhere else (P-NUM); steps sharing a frame share its page. */
export function stepFrames(
  session: Pick<PublicSessionState, 'steps' | 'firstStepNumber'> | null,
  locale: Locale,
  exists: (frameId: string) => boolean,
): { frameId: string; title: string }[] {
  const pages: { frameId: string; titles: string[] }[] = [];
  const numbers = numberSteps(session?.steps ?? [], session?.firstStepNumber);
  session?.steps.forEach((step) => {
    if (!step.frameId || !exists(step.frameId)) return;
    const title = numberedStepTitle(numbers.byId.get(step.id), step.title[locale]);
    const page = pages.find((candidate) => candidate.frameId === step.frameId);
    if (page) page.titles.push(title);
    else pages.push({ frameId: step.frameId, titles: [title] });
  });
  return pages.map((page) => ({ frameId: page.frameId, title: page.titles.join('  ·  ') }));
}

/** Pixels an image of a frame may hold: sharp tiles, and well under every browser's canvas limit. */
const MAX_FRAME_PIXELS = 24_000_000;

/** A PNG's size in pixels, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function frameImage(editor: Editor, frameId: TLShapeId): Promise<FrameImage | null> {
  const bounds = editor.getShapePageBounds(frameId);
  if (!bounds) return null;
  // Where its shapes are, from the image's corner: the PDF leaves out tiles of empty space.
  const content = [...editor.getShapeAndDescendantIds([frameId])]
    .filter((id) => id !== frameId)
    .flatMap((id) => {
      const box = editor.getShapePageBounds(id);
      return box
        ? [{ x: box.x - bounds.x + IMAGE_PADDING, y: box.y - bounds.y + IMAGE_PADDING, w: box.w, h: box.h }]
        : [];
    });
  // Two pixels per board unit where the frame is small enough; fewer for the largest frames.
  const pixelRatio = Math.min(2, Math.sqrt(MAX_FRAME_PIXELS / Math.max(1, bounds.w * bounds.h)));
  try {
    const { blob, width } = await renderImage(editor, [frameId], 'png', { pixelRatio });
    const png = new Uint8Array(await blob.arrayBuffer());
    const pixels = pngSize(png);
    // `width` is in board units: the ratio tldraw really used (it shrinks what a canvas cannot hold).
    return { png, ...pixels, pixelRatio: pixels.width / width, content };
  } catch {
    return null;
  }
}

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function exportReportPdf(options: {
  editor: Editor;
  boardId: string;
  session: PublicSessionState | null;
  locale: Locale;
  names: NameDisplay;
}): Promise<ReportPdf> {
  const { editor, session, locale, names } = options;
  const query = new URLSearchParams({ locale, names });
  const response = await fetch(
    `/api/boards/${encodeURIComponent(options.boardId)}/export/report.json?${query.toString()}`,
  );
  if (!response.ok) throw new Error(`report.json: ${response.status}`);
  const document = (await response.json()) as ReportDocument;

  const images = new Map<string, FrameImage | null>();
  for (const { frameId } of stepFrames(
    session,
    locale,
    (id) => editor.getShape(id as TLShapeId) !== undefined,
  )) {
    images.set(frameId, await frameImage(editor, frameId as TLShapeId));
  }
  const [regular, bold, italic, boldItalic] = await Promise.all(
    [regularUrl, boldUrl, italicUrl, boldItalicUrl].map(bytesOf),
  );
  // pdf-lib and the fonts are only loaded by those who make a PDF.
  const { renderReportPdf } = await import('@atelier/export/pdf');
  return renderReportPdf({
    document,
    fonts: { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! },
    images,
  });
}
