// Where a board opens. A board without a template (an imported `.tldr`, a blank board someone drew
// on) opens fitted to its content, as tldraw opens a file, instead of at (0, 0) at 100 %; template
// boards open where the session's camera puts people.
import type { Editor } from 'tldraw';

export function fitContentOnOpen(editor: Editor, template: string): void {
  if (template !== 'blank') return;
  const content = editor.getCurrentPageBounds();
  if (!content) return;
  // Never closer than 100 %: a few notes stay at their size, a large board is shown whole.
  editor.zoomToBounds(content, { targetZoom: 1, inset: 64 });
}
