import {
  cardLabels,
  engagementCriteria,
  pgoThemes,
  type EngagementCardFields,
  type PgoTheme,
} from '@atelier/board-schema';
import { useId } from 'react';
import { useI18n } from '../shared/i18n';
import { SelectField, TextField } from './form-fields';

const MAX_ACTIONS = 20;

/** Engagement card of a PGO workshop: theme, the engagement, the DITP's four criteria, actions. */
export function EngagementCardForm({
  fields,
  onChange,
}: {
  fields: EngagementCardFields;
  onChange: (fields: EngagementCardFields) => void;
}) {
  const { t, locale } = useI18n();
  const label = cardLabels.engagementField;
  const actionsId = useId();
  const setAction = (index: number, value: string) =>
    onChange({ ...fields, actions: fields.actions.map((action, i) => (i === index ? value : action)) });
  return (
    <>
      <SelectField<PgoTheme>
        label={label.theme[locale]}
        value={fields.theme}
        choices={pgoThemes.map((theme) => ({ value: theme, label: cardLabels.pgoTheme[theme][locale] }))}
        onChange={(theme) => theme && onChange({ ...fields, theme })}
      />
      <TextField
        label={label.engagement[locale]}
        value={fields.engagement}
        maxLength={1000}
        multiline
        onChange={(engagement) => onChange({ ...fields, engagement })}
      />
      <fieldset className="card-fieldset">
        <legend>{label.criteria[locale]}</legend>
        {engagementCriteria.map((criterion) => (
          <label key={criterion} className="card-check">
            <input
              type="checkbox"
              checked={fields.criteria[criterion]}
              onChange={(event) =>
                onChange({ ...fields, criteria: { ...fields.criteria, [criterion]: event.target.checked } })
              }
            />
            {cardLabels.engagementCriterion[criterion][locale]}
          </label>
        ))}
      </fieldset>
      <fieldset className="card-fieldset" aria-describedby={actionsId}>
        <legend>{label.actions[locale]}</legend>
        <ol id={actionsId} className="card-actions">
          {fields.actions.map((action, index) => (
            <li key={index}>
              <input
                type="text"
                aria-label={`${t.cardActionItem} ${index + 1}`}
                value={action}
                maxLength={300}
                onChange={(event) => setAction(index, event.target.value)}
              />
              <button
                type="button"
                className="button"
                aria-label={`${t.cardRemoveAction} ${index + 1}`}
                onClick={() => onChange({ ...fields, actions: fields.actions.filter((_, i) => i !== index) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        {fields.actions.length < MAX_ACTIONS && (
          <button
            type="button"
            className="button"
            onClick={() => onChange({ ...fields, actions: [...fields.actions, ''] })}
          >
            {t.cardAddAction}
          </button>
        )}
      </fieldset>
    </>
  );
}
