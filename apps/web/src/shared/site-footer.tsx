// The foot of every page that is not the board itself (the board links both pages from its "Données
// personnelles" dialog).
import { auditSummary } from '../accessibility/rgaa-audit';
import { statementText } from '../accessibility/statement-text';
import { fill } from '../facilitation/format';
import { useI18n } from './i18n';

/** The "Données personnelles" page. */
export const PRIVACY_PATH = '/donnees-personnelles';
/** The accessibility statement (RGAA). */
export const ACCESSIBILITY_PATH = '/accessibilite';

/** "Accessibilité : partiellement conforme", the mention RGAA asks for on every page. */
export function AccessibilityLink({ newTab = false }: { newTab?: boolean }) {
  const { t, locale } = useI18n();
  const status = statementText[locale].statusWords[auditSummary().status];
  return (
    <a href={ACCESSIBILITY_PATH} {...(newTab ? { target: '_blank', rel: 'noreferrer' } : {})}>
      {fill(t.accessibilityLink, { status })}
    </a>
  );
}

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <ul>
        <li>
          <a href={PRIVACY_PATH}>{t.privacyLink}</a>
        </li>
        <li>
          <AccessibilityLink />
        </li>
      </ul>
    </footer>
  );
}
