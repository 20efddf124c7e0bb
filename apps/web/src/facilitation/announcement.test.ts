import type { Step, Timer } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../shared/i18n';
import { announcement } from './announcement';
import { countdownView } from './countdown';
import type { StepView } from './step-view';

const t = new Proxy(
  {},
  {
    get: (_target, key) => (key === 'facStepOf' ? '{n}/{total}' : `${String(key)} {position} {title}`),
  },
) as Messages;
const step: StepView = {
  step: {} as Step,
  number: 2,
  last: 4,
  title: 'Idées',
  instructions: '',
  isFirst: false,
  isLast: false,
};
const T0 = 1_750_000_000_000;
const say = (timer: Timer, now = T0) => announcement(step, countdownView(timer, now), t);
const running: Timer = { status: 'running', endsAt: T0 + 60_000, remainingMs: 60_000 };

describe('announcement', () => {
  it('says the step when it changes and when its timer starts, not the seconds', () => {
    expect(say({ status: 'idle', remainingMs: 60_000 })).toBe('facAnnounceStep 2/4 Idées');
    expect(say(running)).toBe('facAnnounceRunning 2/4 Idées');
    expect(say(running, T0 + 30_000)).toBe(say(running, T0 + 1_000));
  });

  it('says "time is up" from the deadline on, and the pause', () => {
    expect(say(running, T0 + 60_000)).toBe('facAnnounceTimeUp 2/4 Idées');
    expect(say(running, T0 + 75_000)).toBe('facAnnounceTimeUp 2/4 Idées');
    expect(say({ status: 'paused', remainingMs: 5_000 })).toMatch(/^facAnnouncePaused/);
    expect(say({ status: 'finished', remainingMs: 0 })).toMatch(/^facSequenceOver/);
  });
});
