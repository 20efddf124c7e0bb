// When each board's facilitation state goes out to the people connected to this process.
import type { SessionState } from '@atelier/protocol';

/**
 * Shortest interval between two state broadcasts of one board. It grows with the audience, as the
 * participant list in each state does: 100 ms up to 25 people, 500 ms from 125 on, so arrivals
 * and dots never send more than a few states a second to a room of 200.
 */
export function broadcastIntervalMs(audience: number): number {
  return Math.min(500, Math.max(100, audience * 4));
}

/** What everyone follows live: a change to it goes out at once, never held back. */
function followedText(state: SessionState): string {
  const { question, steps, currentStepId, timer, groups, camera, stepEntry, firstStepNumber } = state;
  // An undo offered or taken, and a vote cleared or restored, are seen at once too.
  const undo = state.undo ? [state.undo.id, state.undo.expiresAt] : null;
  const vote = state.vote ? [state.vote.id, state.vote.status, state.vote.revealed] : null;
  return JSON.stringify([
    question,
    steps,
    currentStepId,
    timer,
    groups,
    camera,
    stepEntry,
    firstStepNumber,
    undo,
    vote,
  ]);
}

interface Window {
  timer: NodeJS.Timeout;
  /** `followedText` of the last state sent. */
  followed: string;
}

/**
 * The first change of a board goes out at once; later ones within the interval are coalesced into
 * one send of the latest, at the end of it. Without this, each arrival in a room of 200 sends the
 * whole participant list to everyone: O(n²) at the start of a workshop.
 */
export class StateBroadcasts {
  private readonly windows = new Map<string, Window>();
  private readonly pending = new Map<string, SessionState>();
  private closed = false;

  /** `send` delivers a state to the board's local sockets and returns how many there were. */
  constructor(private readonly send: (boardId: string, state: SessionState) => number) {}

  offer(boardId: string, state: SessionState): void {
    if (this.closed) return;
    const window = this.windows.get(boardId);
    const followed = followedText(state);
    if (window) {
      if (followed === window.followed) {
        this.pending.set(boardId, state);
        return;
      }
      clearTimeout(window.timer);
      this.pending.delete(boardId);
    }
    const audience = this.send(boardId, state);
    const timer = setTimeout(() => {
      this.windows.delete(boardId);
      const latest = this.pending.get(boardId);
      this.pending.delete(boardId);
      if (latest) this.offer(boardId, latest);
    }, broadcastIntervalMs(audience));
    timer.unref();
    this.windows.set(boardId, { timer, followed });
  }

  /** The latest state of a board still waiting for its window, if any. */
  waiting(boardId: string): SessionState | undefined {
    return this.pending.get(boardId);
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
    this.pending.clear();
  }
}
