// tldraw's room reassembles a message sent in chunks (`2_…`, `1_…`, `0_…`, see sync-core's
// chunk.ts) and keeps every chunk until the last one arrives: a client that never sends `0_` makes
// it grow without end. Each transport counts a connection's pending chunks here, as the room will,
// and refuses the one that would make them larger than a whole message may be.

const CHUNK = /^(\d+)_/;

export class PendingChunks {
  /** Bytes of the chunks of the message being assembled. */
  private bytes = 0;
  /** How many chunks the message being assembled still expects after the last one; null when idle. */
  private remaining: number | null = null;

  constructor(private readonly maxBytes: number) {}

  /**
   * Counts one message (of `size` bytes) as the room's assembler will; false when it would bring the
   * pending chunks past `maxBytes` (the connection must then be reset, which drops them).
   */
  admit(message: string, size: number): boolean {
    const match = CHUNK.exec(message);
    // A whole message (or anything else) ends whatever was being assembled.
    if (!match) {
      this.reset();
      return true;
    }
    const remaining = Number(match[1]);
    // The room starts a message afresh when idle, and gives up on chunks out of order.
    if (this.remaining === null || remaining !== this.remaining - 1) this.bytes = 0;
    this.bytes += size;
    if (this.bytes > this.maxBytes) {
      this.reset();
      return false;
    }
    if (remaining === 0) this.reset();
    else this.remaining = remaining;
    return true;
  }

  private reset(): void {
    this.bytes = 0;
    this.remaining = null;
  }
}
