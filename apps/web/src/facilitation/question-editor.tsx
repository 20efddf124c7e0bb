// The question the workshop works on ("Comment faire avancer la communauté des labs ?"), editable
// by the facilitator before or during the session; everyone sees it in the header.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../shared/i18n';
import type { SendCommand } from './use-facilitation';

export function QuestionEditor({ question, send }: { question: string; send: SendCommand }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(question);
  const changed = draft.trim() !== question;

  function save(event: FormEvent) {
    event.preventDefault();
    if (changed) void send({ type: 'question.set', text: draft.trim() });
  }

  return (
    <form className="fac-form" onSubmit={save}>
      <label htmlFor={id}>{t.facQuestionLabel}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={300}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="fac-button" disabled={!changed}>
        {t.facQuestionSave}
      </button>
    </form>
  );
}
