// Re-renders exactly when the shown second changes, computed from the server deadline and the
// clock offset: two screens turn the same second at the same instant, whatever their clocks say.
import { useMemo, useSyncExternalStore } from 'react';
import type { Timer } from '@atelier/protocol';
import { toServerTime } from '@atelier/session';
import { countdownView, msUntilNextChange, type CountdownView } from './countdown';

export interface CountdownStore {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): CountdownView;
}

/** A small external store: the same view object until the shown second changes. */
export function createCountdownStore(timer: Timer, clockOffsetMs: number): CountdownStore {
  const serverNow = () => toServerTime(Date.now(), { offsetMs: clockOffsetMs, rttMs: 0 });
  let current = countdownView(timer, serverNow());
  const refresh = (): boolean => {
    const next = countdownView(timer, serverNow());
    if (next.seconds === current.seconds && next.isOvertime === current.isOvertime) return false;
    current = next;
    return true;
  };
  return {
    subscribe(onChange) {
      let handle: ReturnType<typeof setTimeout> | undefined;
      const schedule = () => {
        const wait = msUntilNextChange(timer, serverNow());
        if (wait === null) return;
        // A hair late rather than early, so the new second is there when we look.
        handle = setTimeout(() => {
          if (refresh()) onChange();
          schedule();
        }, wait + 2);
      };
      // Hidden tabs throttle timers: catch up as soon as the page is seen again.
      const onVisible = () => {
        if (document.visibilityState === 'visible' && refresh()) onChange();
      };
      // Time has passed since the store was made during render.
      if (refresh()) onChange();
      schedule();
      globalThis.document?.addEventListener('visibilitychange', onVisible);
      return () => {
        clearTimeout(handle);
        globalThis.document?.removeEventListener('visibilitychange', onVisible);
      };
    },
    getSnapshot: () => current,
  };
}

export function useCountdown(timer: Timer, clockOffsetMs: number): CountdownView {
  const store = useMemo(() => createCountdownStore(timer, clockOffsetMs), [timer, clockOffsetMs]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
