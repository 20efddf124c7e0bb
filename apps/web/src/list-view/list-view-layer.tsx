// Mounted inside <Tldraw>: Tab from note to note on the canvas (a11y/canvas-tab-order.ts),
// Alt+Shift+L anywhere on the board, the list view when it is open (the
// canvas and tldraw's UI hidden from sight and from assistive technologies meanwhile), and the
// switch people see ("Vue liste", in the board's top-right panel on every device).
import { useEffect, useRef } from 'react';
import { useEditor } from 'tldraw';
import { registerCanvasTabOrder } from '../a11y/canvas-tab-order';
import { useI18n } from '../shared/i18n';
import { ListView } from './list-view';
import { isListViewShortcut, LIST_VIEW_SHORTCUT, setListViewOpen, useListViewOpen } from './list-view-state';

const TOGGLE_TEST_ID = 'list-view-toggle';

export function ListViewLayer() {
  const editor = useEditor();
  const open = useListViewOpen();
  const wasOpen = useRef(open);

  // The canvas's own keyboard route, for those who stay on it: Tab from note to note.
  useEffect(() => registerCanvasTabOrder(editor), [editor]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isListViewShortcut(event)) return;
      // Before tldraw's own shortcuts (Shift+L locks, L is the laser).
      event.preventDefault();
      event.stopPropagation();
      setListViewOpen(localStorage.getItem('atelier.listView') !== 'open');
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  useEffect(() => {
    const container = editor.getContainer();
    container.classList.toggle('is-list-view', open);
    if (wasOpen.current && !open)
      // Back on the board: the focus returns to the switch, once tldraw's UI is visible again.
      requestAnimationFrame(() =>
        container.querySelector<HTMLElement>(`[data-testid="${TOGGLE_TEST_ID}"]`)?.focus(),
      );
    wasOpen.current = open;
    return () => container.classList.remove('is-list-view');
  }, [editor, open]);

  return open ? <ListView /> : null;
}

/** "Vue liste": the visible switch. */
export function ListViewToggle() {
  const { t } = useI18n();
  const open = useListViewOpen();
  return (
    <button
      type="button"
      className="button list-view-toggle"
      data-testid={TOGGLE_TEST_ID}
      aria-pressed={open}
      aria-keyshortcuts={LIST_VIEW_SHORTCUT}
      title={`${t.listViewOpen} (${LIST_VIEW_SHORTCUT})`}
      // tldraw reads Enter on the page as "edit the selected shape": this Enter is the button's.
      onKeyDown={(event) => event.stopPropagation()}
      onClick={() => setListViewOpen(!open)}
    >
      <ListIcon />
      <span className="list-view-toggle-label">{t.listViewOpen}</span>
    </button>
  );
}

function ListIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M7 5h10M7 10h10M7 15h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <circle cx="3" cy="5" r="1.4" fill="currentColor" />
      <circle cx="3" cy="10" r="1.4" fill="currentColor" />
      <circle cx="3" cy="15" r="1.4" fill="currentColor" />
    </svg>
  );
}
