// "Données personnelles": what Atelier keeps, why, where and for how long (docs/donnees-personnelles.md
// says the same for operators). Linked from every screen.
import { useEffect, useState } from 'react';
import { api } from '../shared/api';
import { fill } from '../facilitation/format';
import { useI18n } from '../shared/i18n';
import { SiteFooter } from '../shared/site-footer';
import { privacySections } from './privacy-text';

export function PrivacyPage() {
  const { t, locale } = useI18n();
  const [retentionDays, setRetentionDays] = useState<number | null>(null);
  useEffect(() => {
    document.title = `${t.privacyTitle} · Atelier`;
    api.config().then(
      (config) => setRetentionDays(config.boardRetentionDays ?? null),
      () => setRetentionDays(null),
    );
  }, [t.privacyTitle]);
  return (
    <main className="home privacy">
      <header className="home-header">
        <p>
          <a href="/">{t.appName}</a>
        </p>
        <h1>{t.privacyTitle}</h1>
        <p>{t.privacyIntro}</p>
        {retentionDays !== null && (
          <p className="privacy-retention">
            <strong>
              {retentionDays > 0
                ? fill(t.privacyRetention, { days: String(retentionDays) })
                : t.privacyRetentionForever}
            </strong>
          </p>
        )}
      </header>
      {privacySections[locale].map((section) => (
        <section key={section.heading} className="card privacy-section">
          <h2>{section.heading}</h2>
          <ul>
            {section.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <SiteFooter />
    </main>
  );
}
