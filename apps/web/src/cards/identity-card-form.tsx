import {
  AcademieKind,
  academies,
  cardLabels,
  DedicatedSpace,
  InnovationType,
  LabStage,
  NeedTag,
  ServiceTag,
  type AcademieCode,
  type IdentityCardFields,
} from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { CheckboxGroup, SelectField, TextField, type Choice } from './form-fields';

function choicesOf<T extends string>(
  values: Record<string, T>,
  labels: Record<T, { fr: string; en: string }>,
  locale: Locale,
): Choice<T>[] {
  return Object.values(values).map((value) => ({ value, label: labels[value][locale] }));
}

/** Fiche d'identité du lab: name, académie, place, kinds of innovation, services, stage, contact. */
export function IdentityCardForm({
  fields,
  onChange,
}: {
  fields: IdentityCardFields;
  onChange: (fields: IdentityCardFields) => void;
}) {
  const { t, locale } = useI18n();
  const label = cardLabels.identityField;
  const set = <K extends keyof IdentityCardFields>(key: K, value: IdentityCardFields[K]) =>
    onChange({ ...fields, [key]: value });
  const academieGroups = [
    { label: t.cardAcademiesGroup, kind: AcademieKind.academie },
    { label: t.cardViceRectoratsGroup, kind: AcademieKind.viceRectorat },
  ].map((group) => ({
    label: group.label,
    choices: academies
      .filter((academie) => academie.kind === group.kind)
      .map((academie) => ({ value: academie.code, label: academie.name })),
  }));
  return (
    <>
      <TextField
        label={label.labName[locale]}
        value={fields.labName}
        maxLength={120}
        onChange={(value) => set('labName', value)}
      />
      <SelectField<AcademieCode>
        label={label.academie[locale]}
        value={fields.academie}
        groups={academieGroups}
        emptyLabel={t.cardNotSet}
        onChange={(value) => set('academie', value)}
      />
      <p className="card-hint">{t.cardMapHint}</p>
      <SelectField
        label={label.dedicatedSpace[locale]}
        value={fields.dedicatedSpace}
        choices={choicesOf(DedicatedSpace, cardLabels.dedicatedSpace, locale)}
        emptyLabel={t.cardNotSet}
        onChange={(value) => set('dedicatedSpace', value)}
      />
      <CheckboxGroup
        legend={label.innovationTypes[locale]}
        choices={choicesOf(InnovationType, cardLabels.innovationType, locale)}
        checked={fields.innovationTypes}
        onChange={(value) => set('innovationTypes', value)}
      />
      <CheckboxGroup
        legend={label.services[locale]}
        choices={choicesOf(ServiceTag, cardLabels.service, locale)}
        checked={fields.services}
        onChange={(value) => set('services', value)}
      >
        <TextField
          label={label.servicesOther[locale]}
          value={fields.servicesOther}
          maxLength={500}
          multiline
          onChange={(value) => set('servicesOther', value)}
        />
      </CheckboxGroup>
      <SelectField
        label={label.stage[locale]}
        value={fields.stage}
        choices={choicesOf(LabStage, cardLabels.stage, locale)}
        emptyLabel={t.cardNotSet}
        onChange={(value) => set('stage', value)}
      />
      <CheckboxGroup
        legend={t.cardNeeds}
        choices={choicesOf(NeedTag, cardLabels.need, locale)}
        checked={fields.needs}
        onChange={(value) => set('needs', value)}
      />
      <TextField
        label={label.contact[locale]}
        value={fields.contact ?? ''}
        maxLength={200}
        onChange={(value) => {
          const { contact: _contact, ...rest } = fields;
          onChange(value ? { ...rest, contact: value } : rest);
        }}
      />
    </>
  );
}
