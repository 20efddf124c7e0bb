// The facilitator's summary ("Synthèse"): free text typed during or after the session, first in
// every report (Markdown, HTML, PDF).
import { SummaryLimits } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { SessionTextEditor } from './session-text-editor';
import type { SendCommand } from './use-facilitation';

export function SummaryEditor({ summary, send }: { summary: string; send: SendCommand }) {
  const { t } = useI18n();
  return (
    <SessionTextEditor
      value={summary}
      label={t.facSummaryLabel}
      saveLabel={t.facSummarySave}
      maxLength={SummaryLimits.maxLength}
      rows={6}
      command={(text) => ({ type: 'summary.set', text })}
      send={send}
    />
  );
}
