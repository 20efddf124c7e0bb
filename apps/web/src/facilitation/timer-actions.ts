// The one big timer button: what it does in each timer state.
import type { TimerStatus } from '@atelier/protocol';

export type PrimaryTimerCommand = 'timer.start' | 'timer.pause' | 'timer.resume';

/** Start when idle, pause when running, resume when paused; nothing once the sequence is over. */
export function primaryTimerCommand(status: TimerStatus): PrimaryTimerCommand | null {
  switch (status) {
    case 'idle':
      return 'timer.start';
    case 'running':
      return 'timer.pause';
    case 'paused':
      return 'timer.resume';
    case 'finished':
      return null;
  }
}
