// The facilitator's "Tableau et données": when the board will be deleted for lack of activity
// (P-RET, warned two weeks before), who co-facilitates it by signing in, and deleting it for good.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AccountInfo, BoardFacilitatorList, BoardRetention } from '@atelier/protocol';
import { retentionText } from '../account/retention-text';
import { useBoard } from '../board/board-context';
import { api, ApiRequestError } from '../shared/api';
import { Dialog } from '../shared/dialog';
import { useI18n } from '../shared/i18n';
import { facilitatorKeyFor } from '../shared/identity';
import { fill } from './format';

export function BoardDataPanel() {
  const { t, locale } = useI18n();
  const { boardId } = useBoard();
  const [retention, setRetention] = useState<BoardRetention | null>(null);
  const [account, setAccount] = useState<AccountInfo | null>(null);
  useEffect(() => {
    if (boardId === null) return;
    api.retention(boardId).then(setRetention, () => setRetention(null));
    api.me().then(setAccount, () => setAccount(null));
  }, [boardId]);
  if (boardId === null) return null;
  const retentionView = retention ? retentionText(retention.deletesAt, t, locale, true) : null;
  return (
    <div className="board-data">
      {retentionView && (
        <p
          className={retentionView.near ? 'retention-warning' : 'hint'}
          role={retentionView.near ? 'alert' : undefined}
        >
          {retentionView.near && <span aria-hidden="true">⚠ </span>}
          {retentionView.text}
        </p>
      )}
      {account?.signIn && <CoFacilitators boardId={boardId} />}
      <DeleteBoard boardId={boardId} />
    </div>
  );
}

function CoFacilitators({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const inputId = useId();
  const headingId = useId();
  const [list, setList] = useState<BoardFacilitatorList | null>(null);
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    api.facilitators(boardId, facilitatorKeyFor(boardId)).then(setList, () => setList(null));
  }, [boardId]);
  const save = async (coFacilitators: string[]) => {
    try {
      setList(await api.setCoFacilitators(boardId, coFacilitators, facilitatorKeyFor(boardId)));
      setStatus('');
      return true;
    } catch (caught) {
      setStatus(caught instanceof ApiRequestError ? caught.message : t.errorGeneric);
      return false;
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (list && (await save([...list.coFacilitators, email.trim()]))) setEmail('');
  };
  if (!list) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.coFacilitatorsHeading}</h3>
      <p className="hint">{t.coFacilitatorsHelp}</p>
      {list.createdBy && <p className="hint">{fill(t.createdBy, { email: list.createdBy })}</p>}
      {list.coFacilitators.length === 0 ? (
        <p className="hint">{t.coFacilitatorsNone}</p>
      ) : (
        <ul className="co-facilitators">
          {list.coFacilitators.map((each) => (
            <li key={each}>
              <span>{each}</span>
              <button
                type="button"
                className="fac-icon-button"
                aria-label={fill(t.coFacilitatorRemove, { email: each })}
                title={fill(t.coFacilitatorRemove, { email: each })}
                onClick={() => void save(list.coFacilitators.filter((other) => other !== each))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="co-facilitator-form" onSubmit={(event) => void add(event)}>
        <label htmlFor={inputId}>{t.coFacilitatorEmail}</label>
        <input
          id={inputId}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" className="button">
          {t.coFacilitatorAdd}
        </button>
      </form>
      <p role="status" className="hint">
        {status}
      </p>
    </section>
  );
}

function DeleteBoard({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const remove = async () => {
    setBusy(true);
    try {
      await api.deleteBoard(boardId, facilitatorKeyFor(boardId));
      location.assign('/');
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : t.errorGeneric);
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="fac-remove board-delete" onClick={() => setConfirming(true)}>
        {t.deleteBoard}
      </button>
      {confirming && (
        <Dialog title={t.deleteBoardTitle} onClose={() => setConfirming(false)}>
          <p>{t.deleteBoardText}</p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
            {t.deleteBoardConfirm}
          </button>
        </Dialog>
      )}
    </>
  );
}
