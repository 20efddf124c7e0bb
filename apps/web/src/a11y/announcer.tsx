// The board's one polite live region and `announce()`, which anything on the board calls to have a
// screen reader say something without moving the focus: step changes, the timer, votes, new notes
// (session-announcements.tsx), and, from other features, a help request answered or the
// facilitator's broadcast. Rate-limited and grouped by AnnouncementQueue.
import { useEffect, useState } from 'react';
import { AnnouncementQueue, type AnnouncementText } from './announcement-queue';

const queue = new AnnouncementQueue();
const listeners = new Set<() => void>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let spoken = { text: '', seq: 0 };

function schedule(): void {
  if (flushTimer !== null) return;
  const wait = queue.waitMs(Date.now());
  if (wait === null) return;
  flushTimer = setTimeout(() => {
    flushTimer = null;
    const text = queue.take(Date.now());
    if (text !== null) {
      spoken = { text, seq: spoken.seq + 1 };
      for (const listener of listeners) listener();
    }
    schedule();
  }, wait);
}

/**
 * Has the live region say `text` (politely: after what the screen reader is saying). Announcements
 * with the same `groupKey` that arrive close together are said once, the text function getting
 * their count ("3 nouveaux post-its dans votre zone").
 */
export function announce(text: AnnouncementText, options: { groupKey?: string } = {}): void {
  if (typeof text === 'string' && text.trim() === '') return;
  queue.push(text, options.groupKey);
  schedule();
}

/** The region itself, mounted once per board; a new node for each utterance so it is read again. */
export function LiveAnnouncer() {
  const [current, setCurrent] = useState(spoken);
  useEffect(() => {
    const listener = () => setCurrent(spoken);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return (
    <div className="fac-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {current.text && <p key={current.seq}>{current.text}</p>}
    </div>
  );
}
