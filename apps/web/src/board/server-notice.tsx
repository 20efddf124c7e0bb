import { useEffect, useState } from 'react';
import { WriteRule } from '@atelier/board-schema';
import { ErrorCode, type SocketError } from '@atelier/protocol';
import { useI18n, type Messages } from '../shared/i18n';
import { useConnectionState } from './board-context';

/** Server refusals a person can act on or should know about, in their words. */
function noticeFor(error: SocketError, t: Messages): string | null {
  switch (error.code) {
    case ErrorCode.rateLimited:
      return t.noticeRateLimited;
    case ErrorCode.limitExceeded:
      return t.noticeLimitExceeded;
    case ErrorCode.storeUnavailable:
      return t.noticeStoreUnavailable;
    case ErrorCode.messageTooLarge:
      return t.noticeMessageTooLarge;
    case ErrorCode.protected:
      return protectedNotice(error.rule, t);
    case ErrorCode.serverDraining:
      return t.noticeServerDraining;
    default:
      // Refused facilitation commands are shown by the panel that sent them.
      return null;
  }
}

/** Why a change was refused, by the write rule the server (or this editor) applied. */
function protectedNotice(rule: string | undefined, t: Messages): string {
  switch (rule) {
    case WriteRule.scaffolding:
    case WriteRule.mark:
      return t.noticeProtectedLayout;
    case WriteRule.page:
      return t.noticeProtectedPage;
    case WriteRule.noteDelete:
      return t.noticeProtectedNote;
    case WriteRule.privateStep:
      return t.noticePrivateStep;
    default:
      return t.noticeProtected;
  }
}

export function ServerNotice() {
  const { t } = useI18n();
  const { error } = useConnectionState();
  const [dismissed, setDismissed] = useState<SocketError | null>(null);
  const message = error && error !== dismissed ? noticeFor(error, t) : null;

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setDismissed(error), 12_000);
    return () => clearTimeout(timer);
  }, [error]);

  if (!message) return null;
  return (
    <div className="server-notice" role="alert">
      <span>{message}</span>
      <button
        type="button"
        className="server-notice-close"
        aria-label={t.noticeDismiss}
        onClick={() => setDismissed(error)}
      >
        ×
      </button>
    </div>
  );
}
