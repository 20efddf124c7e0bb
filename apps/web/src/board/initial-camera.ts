// Where a board opens. A board without a template (an imported `.tldr`, a blank board someone drew
// on) opens fitted to its content, as tldraw opens a file, instead of at (0, 0) at 100 %; template
// boards open where the session's camera puts people.
import { Box, type Editor } from 'tldraw';

/** Room kept above the content for the step header that overlays the top of the canvas. */
const HEADER_ALLOWANCE = 150;

export function fitContentOnOpen(editor: Editor, template: string): void {
  if (template !== 'blank') return;
  const content = editor.getCurrentPageBounds();
  if (!content) return;
  const framed = new Box(content.x, content.y - HEADER_ALLOWANCE, content.w, content.h + HEADER_ALLOWANCE);
  // Never closer than 100 %: a few notes stay at their size, a large board is shown whole.
  editor.zoomToBounds(framed, { targetZoom: 1, inset: 64 });
}
