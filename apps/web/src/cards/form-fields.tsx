// Labelled form controls for the card panel: native elements, one label each, so keyboards and
// screen readers get them for free.
import { useId, type ReactNode } from 'react';

export function TextField({
  label,
  value,
  maxLength,
  onChange,
  multiline = false,
  hint,
}: {
  label: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
  multiline?: boolean;
  hint?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = {
    id,
    value,
    maxLength,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    ...(hint ? { 'aria-describedby': hintId } : {}),
  };
  return (
    <div className="card-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {hint && (
        <p id={hintId} className="card-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A select whose empty option means "not set" (null). */
export function SelectField<T extends string>({
  label,
  value,
  choices,
  groups,
  emptyLabel,
  onChange,
}: {
  label: string;
  value: T | null;
  choices?: readonly Choice<T>[];
  /** Grouped choices (optgroups); used instead of `choices`. */
  groups?: readonly { label: string; choices: readonly Choice<T>[] }[];
  /** When given, an empty option that stands for null. */
  emptyLabel?: string;
  onChange: (value: T | null) => void;
}) {
  const id = useId();
  const option = (choice: Choice<T>) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  );
  return (
    <div className="card-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as T))}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {groups
          ? groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.choices.map(option)}
              </optgroup>
            ))
          : choices?.map(option)}
      </select>
    </div>
  );
}

/** Several boxes under one legend: a unique list of the checked values. */
export function CheckboxGroup<T extends string>({
  legend,
  choices,
  checked,
  onChange,
  children,
}: {
  legend: string;
  choices: readonly Choice<T>[];
  checked: readonly T[];
  onChange: (values: T[]) => void;
  children?: ReactNode;
}) {
  return (
    <fieldset className="card-fieldset">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="card-check">
          <input
            type="checkbox"
            checked={checked.includes(choice.value)}
            onChange={(event) => onChange(toggled(checked, choice.value, event.target.checked, choices))}
          />
          {choice.label}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

/** The list with `value` in or out, in the order of `choices` (so the card text stays stable). */
export function toggled<T extends string>(
  list: readonly T[],
  value: T,
  on: boolean,
  choices: readonly Choice<T>[],
): T[] {
  const next = new Set(list);
  if (on) next.add(value);
  else next.delete(value);
  return choices.map((choice) => choice.value).filter((v) => next.has(v));
}
