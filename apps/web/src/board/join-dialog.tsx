import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../shared/i18n';
import { SiteFooter } from '../shared/site-footer';
import type { Profile } from '../shared/identity';
// The académies alone: the whole board-schema would pull tldraw's schema into the home page.
import { academies } from '@atelier/board-schema/academies';

export function JoinDialog({
  boardTitle,
  initial,
  onJoin,
}: {
  boardTitle: string;
  initial: Profile | null;
  onJoin: (profile: Profile) => void;
}) {
  const { t } = useI18n();
  const nameId = useId();
  const labId = useId();
  const listId = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [lab, setLab] = useState(initial?.lab ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) onJoin({ name: name.trim(), lab: lab.trim() });
  }

  return (
    <main className="centered">
      <form className="card join-card" onSubmit={submit} aria-labelledby="join-dialog-title">
        <h1 id="join-dialog-title">{boardTitle}</h1>
        <h2>{t.joinDialogTitle}</h2>
        <p className="hint">{t.joinDialogHelp}</p>
        <label htmlFor={nameId}>{t.yourName}</label>
        <input
          id={nameId}
          required
          autoFocus
          maxLength={60}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor={labId}>{t.yourLab}</label>
        <input
          id={labId}
          maxLength={80}
          list={listId}
          autoComplete="organization"
          value={lab}
          onChange={(event) => setLab(event.target.value)}
        />
        <datalist id={listId}>
          {academies.map(({ name: academie }) => (
            <option key={academie} value={academie} />
          ))}
        </datalist>
        <button className="button primary" type="submit">
          {t.enterBoard}
        </button>
      </form>
      <SiteFooter />
    </main>
  );
}
