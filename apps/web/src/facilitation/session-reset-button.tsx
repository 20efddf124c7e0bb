// "Remettre la session à zéro": back to the first step, undoable for a few seconds (S-RESET-1, S-UNDO).
import { useId } from 'react';
import { useI18n } from '../shared/i18n';
import type { SendCommand } from './use-facilitation';

export function SessionResetButton({ send }: { send: SendCommand }) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <div className="fac-row">
      <button
        type="button"
        className="fac-button"
        aria-describedby={hintId}
        onClick={() => void send({ type: 'session.reset' })}
      >
        {t.facResetSession}
      </button>
      <p id={hintId} className="fac-muted">
        {t.facResetSessionHint}
      </p>
    </div>
  );
}
