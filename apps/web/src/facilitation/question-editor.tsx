// The question the workshop works on ("Comment faire avancer la communauté des labs ?"), editable
// by the facilitator before or during the session; everyone sees it in the header.
import { SessionLimits } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { SessionTextEditor } from './session-text-editor';
import type { SendCommand } from './use-facilitation';

export function QuestionEditor({ question, send }: { question: string; send: SendCommand }) {
  const { t } = useI18n();
  return (
    <SessionTextEditor
      value={question}
      label={t.facQuestionLabel}
      saveLabel={t.facQuestionSave}
      maxLength={SessionLimits.maxQuestionLength}
      rows={2}
      command={(text) => ({ type: 'question.set', text })}
      send={send}
    />
  );
}
