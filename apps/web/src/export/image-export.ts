// Images of the board drawn by tldraw itself (editor.toImage), and downloads of any file.
import type { Editor, TLShapeId } from 'tldraw';

export type ImageFormat = 'png' | 'svg';

export type ImageScope = { kind: 'board' } | { kind: 'selection' } | { kind: 'frame'; frameId: TLShapeId };

/** The shapes an image of this scope shows; empty when there is nothing to draw. */
export function shapesInScope(editor: Editor, scope: ImageScope): TLShapeId[] {
  switch (scope.kind) {
    case 'board':
      return editor.getSortedChildIdsForParent(editor.getCurrentPageId());
    case 'selection':
      return editor
        .getSelectedShapes()
        .filter((shape) => shape.type === 'frame')
        .map((shape) => shape.id);
    case 'frame':
      return editor.getShape(scope.frameId) ? [scope.frameId] : [];
  }
}

/** Space around what an image shows, in board units. */
export const IMAGE_PADDING = 32;

export async function renderImage(
  editor: Editor,
  ids: TLShapeId[],
  format: ImageFormat,
  options: { pixelRatio?: number } = {},
): Promise<{ blob: Blob; width: number; height: number }> {
  return editor.toImage(ids, {
    format,
    background: true,
    padding: IMAGE_PADDING,
    ...(format === 'png' ? { pixelRatio: options.pixelRatio ?? 2 } : {}),
  });
}

/** Saves a file through the browser's download (no server round trip, nothing leaves the machine). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "journee-des-labs-2026-11-27.png": the same shape as the server's export names (accents folded,
 * lower case, the day in Paris), so the files of one session sort together.
 */
export function exportFileName(title: string, date: Date, ext: string): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60)
      .replace(/^-+|-+$/g, '') || 'atelier';
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
  return `${slug}-${day}.${ext}`;
}
