import type { Step } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { stepDraft, stepEditCommand } from './step-edit';

const step: Step = {
  id: 'ideas',
  title: { fr: 'Idées', en: 'Ideas' },
  instructions: { fr: 'Une idée par post-it.', en: 'One idea per note.' },
  durationMs: 8 * 60_000,
  kind: 'individual',
};

describe('stepEditCommand', () => {
  it('sends nothing when nothing changed', () => {
    expect(stepDraft(step).minutes).toBe('8');
    expect(stepEditCommand(step, stepDraft(step))).toBeNull();
  });

  it('sends only the fields that changed', () => {
    const draft = { ...stepDraft(step), titleFr: 'Idées en silence', minutes: '10' };
    expect(stepEditCommand(step, draft)).toEqual({
      type: 'step.edit',
      stepId: 'ideas',
      title: { fr: 'Idées en silence' },
      durationMs: 10 * 60_000,
    });
    expect(stepEditCommand(step, { ...stepDraft(step), instructionsEn: 'Write.' })).toEqual({
      type: 'step.edit',
      stepId: 'ideas',
      instructions: { en: 'Write.' },
    });
  });

  it('S-STEP-5: sends whether the timer waits for the facilitator when that changed', () => {
    expect(stepEditCommand(step, { ...stepDraft(step), manualTimer: true })).toEqual({
      type: 'step.edit',
      stepId: 'ideas',
      timerStart: 'manual',
    });
    const talk: Step = { ...step, timerStart: 'manual' };
    expect(stepDraft(talk).manualTimer).toBe(true);
    expect(stepEditCommand(talk, { ...stepDraft(talk), manualTimer: false })?.timerStart).toBe('on-enter');
  });

  it('reads a French decimal comma and keeps the duration within bounds', () => {
    expect(stepEditCommand(step, { ...stepDraft(step), minutes: '2,5' })?.durationMs).toBe(150_000);
    expect(stepEditCommand(step, { ...stepDraft(step), minutes: '-3' })?.durationMs).toBe(0);
    expect(stepEditCommand(step, { ...stepDraft(step), minutes: '99999' })?.durationMs).toBe(24 * 3_600_000);
    expect(stepEditCommand(step, { ...stepDraft(step), minutes: 'abc' })).toBeNull();
  });
});
