// The facilitator's summary ("Synthèse"): free text typed during or after the session, first in
// every report (Markdown, HTML, PDF).
import { SummaryLimits } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../shared/i18n';
import type { SendCommand } from './use-facilitation';

export function SummaryEditor({ summary, send }: { summary: string; send: SendCommand }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(summary);
  const changed = draft.trim() !== summary;

  function save(event: FormEvent) {
    event.preventDefault();
    if (changed) void send({ type: 'summary.set', text: draft.trim() });
  }

  return (
    <form className="fac-form" onSubmit={save}>
      <label htmlFor={id}>{t.facSummaryLabel}</label>
      <textarea
        id={id}
        rows={6}
        maxLength={SummaryLimits.maxLength}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="fac-button" disabled={!changed}>
        {t.facSummarySave}
      </button>
    </form>
  );
}
