// During a private step (session S-PRIV-7) a new idea goes to the person's private list, never on the
// shared board: "Ajouter un post-it", tldraw's note tool and its N shortcut open that list with its
// text box focused (and the zone chosen), through this small event channel.
import { useEffect, useRef } from 'react';

/** Where the new idea should go (a zone's frame id), or null for the person's own zone. */
type ComposeListener = (zoneId: string | null) => void;

const listeners = new Set<ComposeListener>();

/** Opens the private list, its text box focused; `zoneId` preselects where the idea will go. */
export function composePrivateNote(zoneId: string | null = null): void {
  for (const listener of listeners) listener(zoneId);
}

/** Calls `onCompose` (the latest one given) whenever a new idea is asked for. */
export function useComposeRequests(onCompose: ComposeListener): void {
  const latest = useRef(onCompose);
  useEffect(() => {
    latest.current = onCompose;
  });
  useEffect(() => {
    const listener: ComposeListener = (zoneId) => latest.current(zoneId);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
