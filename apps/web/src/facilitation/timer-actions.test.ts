import { describe, expect, it } from 'vitest';
import { primaryTimerCommand } from './timer-actions';

describe('primaryTimerCommand', () => {
  it('starts, pauses and resumes, and does nothing once the sequence is over', () => {
    expect(primaryTimerCommand('idle')).toBe('timer.start');
    expect(primaryTimerCommand('running')).toBe('timer.pause');
    expect(primaryTimerCommand('paused')).toBe('timer.resume');
    expect(primaryTimerCommand('finished')).toBeNull();
  });
});
