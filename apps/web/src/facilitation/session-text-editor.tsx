// A text the facilitator keeps in the session (the question, the summary): a field and a save button
// that sends the command once the text changed.
import type { SessionCommand } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import type { SendCommand } from './use-facilitation';

export function SessionTextEditor(props: {
  value: string;
  label: string;
  saveLabel: string;
  maxLength: number;
  rows: number;
  command: (text: string) => SessionCommand;
  send: SendCommand;
}) {
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  const changed = draft.trim() !== props.value;

  function save(event: FormEvent) {
    event.preventDefault();
    if (changed) void props.send(props.command(draft.trim()));
  }

  return (
    <form className="fac-form" onSubmit={save}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows}
        maxLength={props.maxLength}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="fac-button" disabled={!changed}>
        {props.saveLabel}
      </button>
    </form>
  );
}
