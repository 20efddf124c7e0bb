// Sign-in for facilitators on the home page (shown only when the server has sign-in on).
import type { AccountInfo } from '@atelier/protocol';
import { signInUrl } from '../shared/account';
import { fill } from '../facilitation/format';
import { useI18n } from '../shared/i18n';

export function AccountBar({ info }: { info: AccountInfo }) {
  const { t } = useI18n();
  if (!info.signIn) return null;
  if (!info.account) {
    return (
      <div className="account-bar">
        <p className="hint">{t.signInHelp}</p>
        <a className="button primary" href={signInUrl('/')}>
          {t.signIn}
        </a>
      </div>
    );
  }
  return (
    <div className="account-bar">
      <p>{fill(t.signedInAs, { email: info.account.email })}</p>
      {/* A form: signing out changes state on the server, never a link a page could prefetch. */}
      <form method="post" action="/auth/logout">
        <button type="submit" className="button">
          {t.signOut}
        </button>
      </form>
    </div>
  );
}
