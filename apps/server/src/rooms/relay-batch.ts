// The owner of a board relays what its room sends to the clients of another process in batches:
// one `send` frame per destination process and tick, whatever the number of sessions and messages
// (a broadcast to 200 relayed clients is one PUBLISH, its text carried once: see relay-codec.ts).

export type RelayedMessage = [sessionId: string, data: string];

export class RelayOutbox {
  private queues = new Map<string, RelayedMessage[]>();
  private scheduled = false;

  /** `publish` sends one process what its clients were sent, in the order the room sent it. */
  constructor(private readonly publish: (processId: string, messages: RelayedMessage[]) => void) {}

  /** Queues a message for a session of `processId`; it leaves at the end of the current tick. */
  push(processId: string, sessionId: string, data: string): void {
    let queue = this.queues.get(processId);
    if (!queue) this.queues.set(processId, (queue = []));
    queue.push([sessionId, data]);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends everything queued now: before a session's close, so its client gets its messages first. */
  flush(): void {
    this.scheduled = false;
    const queues = this.queues;
    this.queues = new Map();
    for (const [processId, messages] of queues) this.publish(processId, messages);
  }
}
