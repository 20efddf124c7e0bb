// The facilitator's "Annuler" after clearing a vote, dissolving the groups or a reset: shown for the
// undo's window (server time), announced politely, then gone by itself (S-UNDO).
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../shared/i18n';
import { fill } from './format';
import { undoMessage, undoOffer } from './undo-offer';
import { useCommand, useFacilitation } from './use-facilitation';
import './undo-toast.css';

/** How long a refused undo's explanation stays up. */
const ERROR_MS = 6_000;

export function UndoToast() {
  const { t } = useI18n();
  const { session, clockOffsetMs } = useFacilitation();
  const { send, error, dismiss } = useCommand();
  const [now, setNow] = useState(() => Date.now());
  const [closed, setClosed] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const undo = session?.undo;
  const offer = undoOffer(undo, now + clockOffsetMs);
  const shown = offer && offer.id !== closed ? offer : null;

  // Re-render a few times a second while an undo is pending, so the toast leaves at its deadline.
  useEffect(() => {
    if (!undo) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [undo]);

  // The button that removed the thing (e.g. "Effacer le vote") may be gone with it: focus would be
  // lost, so it goes to "Annuler", the natural next step. Otherwise focus is left where it is.
  const shownId = shown?.id;
  useEffect(() => {
    if (!shownId) return;
    const active = document.activeElement;
    if (!active || active === document.body) undoButton.current?.focus();
  }, [shownId]);

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(dismiss, ERROR_MS);
    return () => clearTimeout(timer);
  }, [error, dismiss]);

  const take = async () => {
    if (!shown) return;
    const id = shown.id;
    const ok = await send({ type: 'undo', id });
    if (!ok) setClosed(id);
  };

  const message = shown ? undoMessage(shown.command, t) : '';
  return (
    <div className="undo-toast-host" data-testid="undo-toast">
      {/* Always in the page, so the message put in it is announced (politely: never interrupting). */}
      <p id={messageId} role="status" className="fac-visually-hidden">
        {message}
      </p>
      {(shown || error) && (
        <div className="undo-toast">
          {shown && (
            <>
              <span className="undo-toast-message" aria-hidden="true">
                {message}
              </span>
              <span className="undo-toast-seconds" aria-hidden="true">
                {fill(t.facUndoSeconds, { s: shown.secondsLeft })}
              </span>
              <button
                ref={undoButton}
                type="button"
                className="undo-toast-button"
                aria-describedby={messageId}
                onClick={() => void take()}
              >
                {t.facUndo}
              </button>
              <button
                type="button"
                className="undo-toast-close"
                aria-label={t.facUndoDismiss}
                title={t.facUndoDismiss}
                onClick={() => setClosed(shown.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </>
          )}
          {error && (
            <p role="alert" className="undo-toast-error">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
