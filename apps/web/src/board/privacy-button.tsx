// "Données personnelles" on the board: when the board will be deleted, what others see of you, and
// for a participant, erasing their name from this board (profile.erase: "Participant N" for good).
import { useEffect, useState } from 'react';
import type { BoardRetention } from '@atelier/protocol';
import { retentionText } from '../account/retention-text';
import { fill } from '../facilitation/format';
import { api } from '../shared/api';
import { Dialog } from '../shared/dialog';
import { useI18n } from '../shared/i18n';
import { AccessibilityLink, PRIVACY_PATH } from '../shared/site-footer';
import { useBoard, useConnectionState } from './board-context';

export function PrivacyButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button privacy-button"
        title={t.privacyLink}
        onClick={() => setOpen(true)}
      >
        {/* A padlock: on tablets and phones the words give their room to the step header. */}
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" focusable="false">
          <path
            fill="currentColor"
            d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
          />
        </svg>
        <span className="privacy-label">{t.privacyLink}</span>
      </button>
      {open && (
        <Dialog title={t.privacyTitle} onClose={() => setOpen(false)}>
          <BoardPrivacy />
        </Dialog>
      )}
    </>
  );
}

function BoardPrivacy() {
  const { t, locale } = useI18n();
  const { boardId, connection, userId } = useBoard();
  const { welcome, session } = useConnectionState();
  const [retention, setRetention] = useState<BoardRetention | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (boardId !== null) api.retention(boardId).then(setRetention, () => setRetention(null));
  }, [boardId]);
  const me = session?.participants.find((person) => person.userId === userId);
  const erase = async () => {
    if (!confirm(t.eraseNameConfirm)) return;
    setBusy(true);
    const result = await connection.command({ type: 'profile.erase' });
    setBusy(false);
    setStatus(result.ok ? '' : result.error.message);
  };
  return (
    <>
      {retention && <p>{retentionText(retention.deletesAt, t, locale, true).text}</p>}
      {welcome?.role !== 'viewer' && <p>{t.privacyBoardHelp}</p>}
      {welcome?.role === 'participant' && me && !me.erased && (
        <button type="button" className="button" disabled={busy} onClick={() => void erase()}>
          {t.eraseName}
        </button>
      )}
      {me?.erased && <p>{fill(t.eraseNameErased, { name: me.name })}</p>}
      <p role="status" className="hint">
        {status}
      </p>
      <p>
        <a href={PRIVACY_PATH} target="_blank" rel="noreferrer">
          {t.privacyReadMore}
        </a>
      </p>
      <p>
        <AccessibilityLink newTab />
      </p>
    </>
  );
}
