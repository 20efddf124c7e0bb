// Tab on the canvas walks the board's notes and cards in reading order (the list view's and the
// report's: @atelier/export's readBoard), across frames and columns, skipping the template's
// scaffolding, which participants cannot select. tldraw's own Tab moves only among one frame's
// children, and stalls on a frame the write guard deselects. Past the last note, Tab leaves the
// canvas like anywhere else. tldraw's selection announcer then reads the note's text (a card's
// text lists its fields).
import { readBoard, type BoardRecord } from '@atelier/export';
import type { Editor, TLShapeId } from 'tldraw';
import { adjacentInOrder, notesInReadingOrder } from '../list-view/list-model';
import { glideMs } from '../live/screen-area';
import { unpin } from '../live/step-camera';

export function registerCanvasTabOrder(editor: Editor): () => void {
  let handledKeyDown = false;
  const onCanvas = () => {
    const active = editor.getContainer().ownerDocument.activeElement;
    return (
      active === editor.getContainer() ||
      (active !== null &&
        editor.getContainer().querySelector('.tl-canvas')?.contains(active) === true &&
        !(active as HTMLElement).isContentEditable)
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!onCanvas() || !editor.isIn('select.idle') || editor.menus.hasAnyOpenMenus()) return;
    const ids = notesInReadingOrder(
      readBoard([editor.getCurrentPage(), ...editor.getCurrentPageShapes()] as BoardRecord[]),
    );
    const selected = editor.getOnlySelectedShape()?.id ?? null;
    const target = adjacentInOrder(
      ids,
      selected !== null && ids.includes(selected) ? selected : null,
      event.shiftKey ? 'previous' : 'next',
    );
    if (target === null) {
      // Past either end: nothing selected, so neither tldraw nor the browser keeps the focus here.
      editor.selectNone();
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    handledKeyDown = true;
    editor.select(target as TLShapeId);
    unpin(editor);
    const duration = glideMs(300);
    editor.zoomToSelectionIfOffscreen(64, duration > 0 ? { animation: { duration } } : undefined);
  };
  // tldraw moves its own way on Tab's key up: not after ours.
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !handledKeyDown) return;
    handledKeyDown = false;
    event.stopPropagation();
  };
  const win = editor.getContainer().ownerDocument.defaultView ?? window;
  win.addEventListener('keydown', onKeyDown, { capture: true });
  win.addEventListener('keyup', onKeyUp, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    win.removeEventListener('keyup', onKeyUp, { capture: true });
  };
}
