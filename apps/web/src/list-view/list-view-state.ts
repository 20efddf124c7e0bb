// Whether the list view is shown instead of the canvas: remembered in this browser (someone who
// needs it needs it on every board), switched by its button or Alt+Shift+L.
import { useSyncExternalStore } from 'react';

const LIST_VIEW_KEY = 'atelier.listView';
const listeners = new Set<() => void>();

/** The shortcut, as `aria-keyshortcuts` spells it. tldraw binds neither Alt+Shift+L nor Alt+L. */
export const LIST_VIEW_SHORTCUT = 'Alt+Shift+L';

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isOpen = () => localStorage.getItem(LIST_VIEW_KEY) === 'open';

export function setListViewOpen(open: boolean): void {
  localStorage.setItem(LIST_VIEW_KEY, open ? 'open' : 'closed');
  for (const listener of listeners) listener();
}

export function useListViewOpen(): boolean {
  return useSyncExternalStore(subscribe, isOpen);
}

/**
 * Alt+Shift+L, by the key's place (`code`): on a Mac, Option+Shift+L types a character (`key` is
 * "Ò"), and on AZERTY keyboards L is where it is on QWERTY.
 */
export function isListViewShortcut(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
): boolean {
  return event.code === 'KeyL' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
}
