// What the live region says next, rate-limited and grouped: a screen reader reading every event as
// it happens would talk over itself (ten notes arriving at once are one "10 new notes").
// Pure: the caller gives the time and schedules the next flush.

/** The text of an announcement, or how to say it for `count` grouped occurrences. */
export type AnnouncementText = string | ((count: number) => string);

interface Pending {
  groupKey: string | null;
  count: number;
  text: AnnouncementText;
}

/** Shortest time between two announcements (long enough for a short sentence to be heard). */
export const ANNOUNCEMENT_GAP_MS = 2_000;

/** More pending at once than this and the oldest are dropped: old news is noise. */
const MAX_PENDING = 4;

export class AnnouncementQueue {
  private pending: Pending[] = [];
  private lastSpokenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly gapMs = ANNOUNCEMENT_GAP_MS) {}

  /**
   * Queues `text`. With a `groupKey`, an announcement of the same key still waiting is counted up
   * instead (its text is then asked for the count) rather than queued again.
   */
  push(text: AnnouncementText, groupKey?: string): void {
    const key = groupKey ?? null;
    const same = key === null ? undefined : this.pending.find((entry) => entry.groupKey === key);
    if (same) {
      same.count += 1;
      same.text = text;
      return;
    }
    this.pending.push({ groupKey: key, count: 1, text });
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
  }

  /** Milliseconds until `take` may speak, or null with nothing to say. */
  waitMs(now: number): number | null {
    if (this.pending.length === 0) return null;
    return Math.max(0, this.lastSpokenAt + this.gapMs - now);
  }

  /** Everything waiting, as one utterance, once the gap since the last one has passed; else null. */
  take(now: number): string | null {
    const wait = this.waitMs(now);
    if (wait === null || wait > 0) return null;
    const text = this.pending
      .map((entry) => (typeof entry.text === 'string' ? entry.text : entry.text(entry.count)))
      .join(' ');
    this.pending = [];
    this.lastSpokenAt = now;
    return text;
  }
}
