// A refused command, said where it was sent from, with a way to dismiss it (it also clears itself).
import { useI18n } from '../shared/i18n';

export function CommandErrorNotice({ error, dismiss }: { error: string | null; dismiss: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="fac-error" role="alert">
      {error}
      <button type="button" className="fac-icon-button" aria-label={t.facErrorDismiss} onClick={dismiss}>
        ×
      </button>
    </p>
  );
}
