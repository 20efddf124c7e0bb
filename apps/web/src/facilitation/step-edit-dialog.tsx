// Editing a step during the workshop: title and instructions in both languages, duration.
import { useId, useState, type FormEvent } from 'react';
import type { Step } from '@atelier/protocol';
import { Dialog } from '../shared/dialog';
import { useI18n } from '../shared/i18n';
import { MAX_STEP_MINUTES, stepDraft, stepEditCommand, type StepDraft } from './step-edit';
import { useCommand } from './use-facilitation';

export function StepEditDialog({
  step,
  title,
  onClose,
}: {
  step: Step;
  /** "Modifier l'étape 2" with the step's number as shown everywhere, or "Modifier la pause". */
  title: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  // Its own refusals: the panel behind a modal dialog cannot be read.
  const { send, error } = useCommand();
  const ids = {
    titleFr: useId(),
    instructionsFr: useId(),
    titleEn: useId(),
    instructionsEn: useId(),
    minutes: useId(),
  };
  const [draft, setDraft] = useState(() => stepDraft(step));
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const command = stepEditCommand(step, draft);
    if (!command) return onClose();
    setSaving(true);
    const ok = await send(command);
    setSaving(false);
    if (ok) onClose();
  }

  const field = (key: Exclude<keyof StepDraft, 'manualTimer'>) => ({
    id: ids[key],
    value: draft[key],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
  });

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="fac-edit-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={ids.titleFr}>{t.facTitleFr}</label>
        <input {...field('titleFr')} maxLength={200} required />
        <label htmlFor={ids.instructionsFr}>{t.facInstructionsFr}</label>
        <textarea {...field('instructionsFr')} rows={3} maxLength={4000} />
        <label htmlFor={ids.titleEn}>{t.facTitleEn}</label>
        <input {...field('titleEn')} maxLength={200} lang="en" />
        <label htmlFor={ids.instructionsEn}>{t.facInstructionsEn}</label>
        <textarea {...field('instructionsEn')} rows={3} maxLength={4000} lang="en" />
        <label htmlFor={ids.minutes}>{t.facDurationMinutes}</label>
        <input
          {...field('minutes')}
          type="number"
          inputMode="decimal"
          min={0}
          max={MAX_STEP_MINUTES}
          step="any"
          required
        />
        <label className="fac-check">
          <input
            type="checkbox"
            checked={draft.manualTimer}
            onChange={(event) => setDraft({ ...draft, manualTimer: event.target.checked })}
          />
          {t.facManualTimer}
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          {t.facSave}
        </button>
      </form>
    </Dialog>
  );
}
