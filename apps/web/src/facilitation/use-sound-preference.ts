// Whether this browser plays the end-of-timer chime; remembered locally, on by default.
import { useCallback, useState } from 'react';

const SOUND_KEY = 'atelier.facilitationSound';

export function useSoundPreference(): [boolean, (enabled: boolean) => void] {
  const [enabled, setEnabled] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const update = useCallback((next: boolean) => {
    localStorage.setItem(SOUND_KEY, next ? 'on' : 'off');
    setEnabled(next);
  }, []);
  return [enabled, update];
}
