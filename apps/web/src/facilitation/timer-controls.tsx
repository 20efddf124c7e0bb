// The facilitator's timer and sequence buttons: start / pause / resume, extend, reset, move on.
import type { PublicSessionState } from '@atelier/protocol';
import { useI18n, type Messages } from '../shared/i18n';
import { currentStepView, stepPosition } from './step-view';
import { primaryTimerCommand, type PrimaryTimerCommand } from './timer-actions';
import type { SendCommand } from './use-facilitation';

const MINUTE = 60_000;

export function primaryTimerLabel(command: PrimaryTimerCommand, t: Messages): string {
  return { 'timer.start': t.facStart, 'timer.pause': t.facPause, 'timer.resume': t.facResume }[command];
}

/** Moving to a step starts its timer unless the step says otherwise (S-STEP-1): no `start` to send. */
export function TimerControls({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const { t, locale } = useI18n();
  const step = currentStepView(session, locale);
  if (!step) return null;
  const { status } = session.timer;
  const finished = status === 'finished';

  const primary = primaryTimerCommand(status);

  return (
    <div className="fac-section fac-timer-controls">
      <p className="fac-current-step">
        <span className="fac-muted">{stepPosition(step, t)}</span> <strong>{step.title}</strong>
      </p>
      <div className="fac-row">
        <button
          type="button"
          className="fac-button primary large"
          disabled={!primary}
          onClick={() => primary && void send({ type: primary })}
        >
          {primary ? primaryTimerLabel(primary, t) : t.facSequenceOver}
        </button>
      </div>
      <div className="fac-row" role="group" aria-label={t.facTimerSection}>
        <button
          type="button"
          className="fac-button"
          title={t.facRemoveOneLabel}
          disabled={finished}
          onClick={() => void send({ type: 'timer.extend', ms: -MINUTE })}
        >
          {t.facRemoveOne}
        </button>
        <button
          type="button"
          className="fac-button"
          title={t.facAddOneLabel}
          disabled={finished}
          onClick={() => void send({ type: 'timer.extend', ms: MINUTE })}
        >
          {t.facAddOne}
        </button>
        <button
          type="button"
          className="fac-button"
          title={t.facAddFiveLabel}
          disabled={finished}
          onClick={() => void send({ type: 'timer.extend', ms: 5 * MINUTE })}
        >
          {t.facAddFive}
        </button>
        <button
          type="button"
          className="fac-button"
          title={t.facResetLabel}
          aria-label={t.facResetLabel}
          onClick={() => void send({ type: 'step.reset' })}
        >
          {t.facReset}
        </button>
      </div>
      <div className="fac-row">
        <button
          type="button"
          className="fac-button"
          disabled={step.isFirst}
          onClick={() => void send({ type: 'step.previous' })}
        >
          ← {t.facPrevious}
        </button>
        <button
          type="button"
          className="fac-button"
          disabled={finished}
          onClick={() => void send({ type: 'step.next' })}
        >
          {step.isLast ? t.facEndSequence : t.facNext} →
        </button>
      </div>
    </div>
  );
}
