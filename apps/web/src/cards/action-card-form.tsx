import { cardLabels, type ActionCardFields } from '@atelier/board-schema';
import { useI18n } from '../shared/i18n';
import { TextField } from './form-fields';

/** One of the "3 actions fortes et faisables": action, pourquoi, premier pas, qui porte. */
export function ActionCardForm({
  fields,
  onChange,
}: {
  fields: ActionCardFields;
  onChange: (fields: ActionCardFields) => void;
}) {
  const { locale } = useI18n();
  const label = cardLabels.actionField;
  return (
    <>
      <TextField
        label={label.action[locale]}
        value={fields.action}
        maxLength={300}
        multiline
        onChange={(action) => onChange({ ...fields, action })}
      />
      <TextField
        label={label.why[locale]}
        value={fields.why}
        maxLength={500}
        multiline
        onChange={(why) => onChange({ ...fields, why })}
      />
      <TextField
        label={label.firstStep[locale]}
        value={fields.firstStep}
        maxLength={300}
        onChange={(firstStep) => onChange({ ...fields, firstStep })}
      />
      <TextField
        label={label.owner[locale]}
        value={fields.owner}
        maxLength={200}
        onChange={(owner) => onChange({ ...fields, owner })}
      />
    </>
  );
}
