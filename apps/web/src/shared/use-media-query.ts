// Whether a CSS media query matches, kept current as the window changes (rotation, resize).
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/** Screens where the step header is compact and its instructions start folded: phones and tablets. */
export const COMPACT_SCREEN = '(max-width: 1279px)';
