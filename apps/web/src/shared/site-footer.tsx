// The foot of every page that is not the board itself (the board has its own link in its top bar).
import { useI18n } from './i18n';

/** The "Données personnelles" page. */
export const PRIVACY_PATH = '/donnees-personnelles';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <a href={PRIVACY_PATH}>{t.privacyLink}</a>
    </footer>
  );
}
