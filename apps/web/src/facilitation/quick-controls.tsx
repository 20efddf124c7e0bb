// The facilitator's essentials in the header while the panel is closed, as in Miro's timer:
// start / pause / resume, one more minute, next step.
import type { PublicSessionState } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { CommandErrorNotice } from './command-error-notice';
import { currentStepView } from './step-view';
import { primaryTimerCommand } from './timer-actions';
import { primaryTimerLabel } from './timer-controls';
import { useCommand } from './use-facilitation';

export function QuickControls({ session }: { session: PublicSessionState }) {
  const { t, locale } = useI18n();
  const { send, error, dismiss } = useCommand();
  const step = currentStepView(session, locale);
  const primary = primaryTimerCommand(session.timer.status);
  if (!step || !primary) return null;
  return (
    <>
      <div className="fac-row" role="group" aria-label={t.facQuickControls}>
        <button type="button" className="fac-button primary" onClick={() => void send({ type: primary })}>
          {primaryTimerLabel(primary, t)}
        </button>
        <button
          type="button"
          className="fac-button"
          title={t.facAddOneLabel}
          onClick={() => void send({ type: 'timer.extend', ms: 60_000 })}
        >
          {t.facAddOne}
        </button>
        <button type="button" className="fac-button" onClick={() => void send({ type: 'step.next' })}>
          {step.isLast ? t.facEndSequence : t.facNext} →
        </button>
      </div>
      <CommandErrorNotice error={error} dismiss={dismiss} />
    </>
  );
}
