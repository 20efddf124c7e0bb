import { useState } from 'react';
import { CopyField } from '../shared/copy-field';
import { useI18n } from '../shared/i18n';
import { facilitatorKeyFor } from '../shared/identity';
import { useBoard, useConnectionState } from './board-context';
import { Dialog } from '../shared/dialog';

export function ShareButton() {
  const { t } = useI18n();
  const { meta } = useBoard();
  const { welcome } = useConnectionState();
  const [open, setOpen] = useState(false);
  const participantUrl = `${location.origin}/b/${meta.id}`;
  const facilitatorKey = welcome?.role === 'facilitator' ? facilitatorKeyFor(meta.id) : undefined;
  return (
    <>
      <button type="button" className="button primary share-button" onClick={() => setOpen(true)}>
        {t.share}
      </button>
      {open && (
        <Dialog title={t.shareTitle} onClose={() => setOpen(false)}>
          <p>{t.shareHelp}</p>
          <CopyField label={t.participantLinkLabel} value={participantUrl} />
          <CopyField label={t.viewerLinkLabel} value={`${participantUrl}?view=1`} />
          {facilitatorKey && (
            <>
              <CopyField label={t.facilitatorLinkLabel} value={`${participantUrl}#k=${facilitatorKey}`} />
              <p className="hint">{t.facilitatorLinkWarning}</p>
            </>
          )}
        </Dialog>
      )}
    </>
  );
}
