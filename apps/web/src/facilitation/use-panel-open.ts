// Whether the facilitator's panel is open: remembered in this browser, closed until first opened
// so the canvas starts free; the header shows quick timer controls while it is closed.
import { useSyncExternalStore } from 'react';

const PANEL_KEY = 'atelier.facilitationPanel';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isOpen = () => localStorage.getItem(PANEL_KEY) === 'open';

export function setPanelOpen(open: boolean): void {
  localStorage.setItem(PANEL_KEY, open ? 'open' : 'closed');
  for (const listener of listeners) listener();
}

export function usePanelOpen(): boolean {
  return useSyncExternalStore(subscribe, isOpen);
}
