// The sequence with durations: where we are, go to any step, edit one.
import { useState } from 'react';
import type { PublicSessionState, Step } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { fill, formatDuration } from './format';
import { localized } from './step-view';
import { StepEditDialog } from './step-edit-dialog';
import type { SendCommand } from './use-facilitation';

export function StepSequence({
  session,
  send,
  startOnMove,
}: {
  session: PublicSessionState;
  send: SendCommand;
  startOnMove: boolean;
}) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<{ step: Step; number: number } | null>(null);
  return (
    <>
      <ol className="fac-steps">
        {session.steps.map((step, index) => {
          const current = step.id === session.currentStepId;
          const title = localized(step.title, locale);
          const labels = { n: index + 1, title };
          return (
            <li
              key={step.id}
              className={current ? 'is-current' : undefined}
              aria-current={current ? 'step' : undefined}
            >
              <span className="fac-step-line">
                <span className="fac-step-name">
                  {index + 1}. {title}
                </span>
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
                  aria-label={fill(t.facGoToLabel, labels)}
                  onClick={() =>
                    void send({ type: 'step.goto', stepId: step.id, ...(startOnMove ? { start: true } : {}) })
                  }
                >
                  {t.facGoTo}
                </button>
                <button
                  type="button"
                  className="fac-button small"
                  aria-label={fill(t.facEditLabel, labels)}
                  onClick={() => setEditing({ step, number: index + 1 })}
                >
                  {t.facEdit}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {editing && (
        <StepEditDialog step={editing.step} number={editing.number} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
