import { useState } from 'react';
import { api, ApiRequestError } from '../shared/api';
import { CopyField } from '../shared/copy-field';
import { useI18n } from '../shared/i18n';
import { facilitatorKeyFor, rememberViewerLink, viewerLinkFor } from '../shared/identity';
import { useBoard, useConnectionState } from './board-context';
import { Dialog } from '../shared/dialog';

export function ShareButton() {
  const { t } = useI18n();
  const { boardId } = useBoard();
  const [open, setOpen] = useState(false);
  // A read-only link shares nothing: it does not even know the board's id.
  if (boardId === null) return null;
  return (
    <>
      <button type="button" className="button primary share-button" onClick={() => setOpen(true)}>
        {t.share}
      </button>
      {open && (
        <Dialog title={t.shareTitle} onClose={() => setOpen(false)}>
          <ShareLinks boardId={boardId} />
        </Dialog>
      )}
    </>
  );
}

function ShareLinks({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const { welcome } = useConnectionState();
  const participantUrl = `${location.origin}/b/${boardId}`;
  const isFacilitator = welcome?.role === 'facilitator';
  // A facilitator who signed in has no key here: their session speaks for them.
  const facilitatorKey = isFacilitator ? facilitatorKeyFor(boardId) : undefined;
  return (
    <>
      <p>{t.shareHelp}</p>
      <CopyField label={t.participantLinkLabel} value={participantUrl} />
      {isFacilitator && <ViewerLink boardId={boardId} facilitatorKey={facilitatorKey} />}
      {facilitatorKey && (
        <>
          <CopyField label={t.facilitatorLinkLabel} value={`${participantUrl}#k=${facilitatorKey}`} />
          <p className="hint">{t.facilitatorLinkWarning}</p>
        </>
      )}
    </>
  );
}

/**
 * The read-only link has its own secret, kept by the server only as a hash: this browser shows the
 * one it was given; the facilitator can make a new one, which revokes the old.
 */
function ViewerLink({ boardId, facilitatorKey }: { boardId: string; facilitatorKey: string | undefined }) {
  const { t } = useI18n();
  const [viewerUrl, setViewerUrl] = useState(() => viewerLinkFor(boardId));
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const renew = async () => {
    setBusy(true);
    try {
      const link = await api.newViewerLink(boardId, facilitatorKey);
      rememberViewerLink(boardId, link.viewerUrl);
      setViewerUrl(link.viewerUrl);
      setStatus(viewerUrl ? t.viewerLinkReplaced : '');
    } catch (caught) {
      setStatus(caught instanceof ApiRequestError ? caught.message : t.errorGeneric);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="viewer-link">
      {viewerUrl ? (
        <CopyField label={t.viewerLinkLabel} value={viewerUrl} />
      ) : (
        <p className="hint">{t.viewerLinkMissing}</p>
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void renew()}>
        {viewerUrl ? t.viewerLinkReplace : t.viewerLinkCreate}
      </button>
      <p role="status" className="hint">
        {status}
      </p>
    </div>
  );
}
