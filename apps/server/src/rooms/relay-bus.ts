// The relay's transport: one Redis pub/sub channel per process (`<prefix>relay:<processId>`), on which
// the others publish frames for it (relay-codec.ts). A process is alive while it listens on its
// channel. Every frame is decoded before anything acts on it: a malformed one is logged and dropped,
// and nothing a handler throws reaches ioredis (whose parser would take the process down with it).
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { decodeRelayFrame, encodeRelayFrame, type RelayFrame } from './relay-codec';

export interface RelayBusOptions {
  /** Commands and publishing. */
  redis: Redis;
  /** A dedicated connection in subscriber mode. */
  subscriber: Redis;
  keyPrefix: string;
  processId: string;
  logger: Logger;
  /** A well-formed frame arrived for this process. */
  onFrame: (frame: RelayFrame) => void;
  /** The subscription was lost: pub/sub does not replay, so every relayed session must start over. */
  onConnectionLost: () => void;
}

/** Malformed frames are counted, and logged at most this often. */
const INVALID_LOG_INTERVAL_MS = 10_000;

export class RelayBus {
  private subscription: Promise<unknown> | null = null;
  private readonly channel: string;
  private invalidSinceLog = 0;
  private invalidLoggedAt = -Infinity;
  private closed = false;

  constructor(private readonly options: RelayBusOptions) {
    this.channel = this.channelOf(options.processId);
    options.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    options.subscriber.on('close', () => {
      if (!this.closed) options.onConnectionLost();
    });
    this.ensureSubscribed().catch(() => {});
  }

  /** Subscribes to our channel (once; again after a failure). ioredis resubscribes on reconnect. */
  ensureSubscribed(): Promise<unknown> {
    this.subscription ??= this.options.subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.subscription = null;
      throw error;
    });
    return this.subscription;
  }

  /** Resolves with how many processes received the frame (0: the addressee is gone). */
  publish(processId: string, frame: RelayFrame): Promise<number> {
    return this.options.redis.publish(this.channelOf(processId), encodeRelayFrame(frame));
  }

  /** A process is alive while it listens on its relay channel. */
  async isAlive(processId: string): Promise<boolean> {
    const reply = (await this.options.redis.pubsub('NUMSUB', this.channelOf(processId))) as unknown[];
    return Number(reply[1] ?? 0) > 0;
  }

  private channelOf(processId: string): string {
    return `${this.options.keyPrefix}relay:${processId}`;
  }

  private receive(raw: string): void {
    const frame = decodeRelayFrame(raw);
    if (frame.kind === 'invalid') return this.countInvalid(frame.reason);
    try {
      this.options.onFrame(frame);
    } catch (error) {
      // The handlers isolate each board's failures themselves; this is the last guard.
      this.options.logger.error(
        { err: (error as Error).stack, kind: frame.kind },
        'relay frame handling failed',
      );
    }
  }

  private countInvalid(reason: string): void {
    this.invalidSinceLog += 1;
    const now = Date.now();
    if (now - this.invalidLoggedAt < INVALID_LOG_INTERVAL_MS) return;
    this.options.logger.warn({ reason, count: this.invalidSinceLog }, 'malformed relay frames dropped');
    this.invalidLoggedAt = now;
    this.invalidSinceLog = 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.options.subscriber.quit().catch(() => this.options.subscriber.disconnect());
  }
}
