// The sequence with durations: where we are, go to any step, edit one.
import { useState } from 'react';
import { numberSteps, numberedStepTitle, type PublicSessionState, type Step } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { fill, formatDuration } from './format';
import { localized } from './step-view';
import { StepEditDialog } from './step-edit-dialog';
import type { SendCommand } from './use-facilitation';

export function StepSequence({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<{ step: Step; label: string } | null>(null);
  // The numbers the board's frames and the header show (P-NUM); a break has none.
  const numbers = numberSteps(session.steps, session.firstStepNumber);
  return (
    <>
      <ol className="fac-steps">
        {session.steps.map((step) => {
          const current = step.id === session.currentStepId;
          const title = localized(step.title, locale);
          const number = numbers.byId.get(step.id) ?? null;
          // "Aller à l'étape 2 : Idées"; a break has no number (P-NUM-2).
          const labels = { n: number ?? '', title };
          const goToLabel = fill(number === null ? t.facGoToBreakLabel : t.facGoToLabel, labels);
          const editLabel = fill(number === null ? t.facEditBreakLabel : t.facEditLabel, labels);
          return (
            <li
              key={step.id}
              className={current ? 'is-current' : undefined}
              aria-current={current ? 'step' : undefined}
            >
              <span className="fac-step-line">
                <span className="fac-step-name">{numberedStepTitle(number, title)}</span>
                <span className="fac-muted">
                  {formatDuration(step.durationMs, locale)}
                  {current && ` · ${t.facCurrent}`}
                </span>
              </span>
              <span className="fac-step-actions">
                <button
                  type="button"
                  className="fac-button small"
                  disabled={current}
                  aria-label={goToLabel}
                  onClick={() => void send({ type: 'step.goto', stepId: step.id })}
                >
                  {t.facGoTo}
                </button>
                <button
                  type="button"
                  className="fac-button small"
                  aria-label={editLabel}
                  onClick={() =>
                    setEditing({
                      step,
                      label: number === null ? t.facEditBreakTitle : fill(t.facEditTitle, { n: number }),
                    })
                  }
                >
                  {t.facEdit}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {editing && (
        <StepEditDialog step={editing.step} title={editing.label} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
