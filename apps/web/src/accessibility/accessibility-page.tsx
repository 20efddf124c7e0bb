// "Accessibilité": the RGAA accessibility statement, in the official model's order, computed from the
// audit module (rgaa-audit.ts), which also writes docs/rgaa-audit.md. Linked from every screen.
import { useEffect, useState, type ReactNode } from 'react';
import { fill } from '../facilitation/format';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { SiteFooter } from '../shared/site-footer';
import { auditSummary, frenchDate, frenchPercent, rgaaAudit, rgaaCriteria, rgaaThemes } from './rgaa-audit';
import { DEFENDER_DELEGATES_URL, DEFENDER_FORM_URL, statementText } from './statement-text';

const summary = auditSummary();

/** `template` with `{key}` replaced by an element (fill() does strings only). */
function withElement(template: string, key: string, element: ReactNode): ReactNode {
  const [before, after = ''] = template.split(`{${key}}`);
  return (
    <>
      {before}
      {element}
      {after}
    </>
  );
}

/** `mailto:` for an e-mail address, the page itself for a URL. */
function contactHref(contact: string): string {
  return contact.includes('@') && !/^https?:/.test(contact) ? `mailto:${contact}` : contact;
}

export function AccessibilityPage() {
  const { t, locale } = useI18n();
  const text = statementText[locale];
  // undefined while loading; null: the host gave no contact.
  const [contact, setContact] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    document.title = `${t.accessibilityTitle} · Atelier`;
  }, [t.accessibilityTitle]);
  useEffect(() => {
    api.config().then(
      (config) => setContact(config.accessibilityContact ?? null),
      () => setContact(null),
    );
  }, []);
  const notMet = rgaaCriteria.filter((criterion) => criterion.result === 'NC');
  // The audit's own words are French: marked so when the page is read in English (RGAA 8.7).
  const auditLang = locale === 'fr' ? undefined : 'fr';
  return (
    <main className="home privacy statement">
      <header className="home-header">
        <p>
          <a href="/">{t.appName}</a>
        </p>
        <h1>{t.accessibilityTitle}</h1>
        <p>{text.intro}</p>
        <p>{fill(text.appliesTo, { origin: location.origin })}</p>
      </header>

      <section className="card privacy-section" aria-labelledby="statement-status">
        <h2 id="statement-status">{text.statusHeading}</h2>
        <p>{withElement(text.status, 'status', <strong>{text.statusWords[summary.status]}</strong>)}</p>
      </section>

      <section className="card privacy-section" aria-labelledby="statement-results">
        <h2 id="statement-results">{text.resultsHeading}</h2>
        <p>
          {withElement(
            fill(text.results, { rate: locale === 'fr' ? frenchPercent(summary.rate) : `${summary.rate}%` }),
            'auditor',
            <span lang={auditLang}>{rgaaAudit.auditor}</span>,
          )}
        </p>
        <ul>
          {text.counts(summary).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{fill(text.rateMethod, { total: String(summary.total) })}</p>
      </section>

      <section className="card privacy-section" aria-labelledby="statement-not-accessible">
        <h2 id="statement-not-accessible">{text.notAccessibleHeading}</h2>
        <h3>{text.nonConformities}</h3>
        <p>{text.canvasIntro}</p>
        <ul lang={auditLang}>
          {rgaaAudit.canvasLimits.map((limit) => (
            <li key={limit}>{limit}</li>
          ))}
        </ul>
        <ul>
          {notMet.map((criterion) => (
            <li key={criterion.id}>
              <strong>{fill(text.criterion, { id: criterion.id })}</strong>{' '}
              <span lang={auditLang}>
                {criterion.topic}. {criterion.note}
              </span>
            </li>
          ))}
        </ul>
        <h3>{text.derogationsHeading}</h3>
        <p>{text.noDerogation}</p>
        <h3>{text.exemptHeading}</h3>
        <ul lang={auditLang}>
          {rgaaAudit.exemptContent.map((content) => (
            <li key={content}>{content}</li>
          ))}
        </ul>
      </section>

      <section className="card privacy-section" aria-labelledby="statement-alternative">
        <h2 id="statement-alternative">{text.alternativeHeading}</h2>
        <p lang={auditLang}>{rgaaAudit.alternative}</p>
      </section>

      <section className="card privacy-section" aria-labelledby="statement-established">
        <h2 id="statement-established">{text.establishedHeading}</h2>
        <p>
          {fill(text.established, { date: locale === 'fr' ? frenchDate(rgaaAudit.date) : rgaaAudit.date })}
        </p>
        {text.frenchOnly && <p>{text.frenchOnly}</p>}
        <h3>{text.technologiesHeading}</h3>
        <ul>
          {rgaaAudit.technologies.map((technology) => (
            <li key={technology}>{technology}</li>
          ))}
        </ul>
        <h3>{text.environmentHeading}</h3>
        <ul lang={auditLang}>
          {rgaaAudit.environment.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <h3>{text.toolsHeading}</h3>
        <ul lang={auditLang}>
          {rgaaAudit.tools.map((tool) => (
            <li key={tool}>{tool}</li>
          ))}
        </ul>
        <h3>{text.pagesHeading}</h3>
        <ul lang={auditLang}>
          {rgaaAudit.pages.map((page) => (
            <li key={page}>{page}</li>
          ))}
        </ul>
        <details className="statement-details">
          <summary>{fill(text.detailsSummary, { total: String(summary.total) })}</summary>
          {Object.entries(rgaaThemes).map(([number, theme]) => (
            <div key={number} lang={auditLang}>
              <h3>
                {number}. {theme}
              </h3>
              <ul>
                {rgaaCriteria
                  .filter((criterion) => criterion.id.split('.')[0] === number)
                  .map((criterion) => (
                    <li key={criterion.id}>
                      <strong>
                        {criterion.id} — {text.resultWords[criterion.result]}
                      </strong>{' '}
                      : {criterion.topic}. {criterion.note}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </details>
      </section>

      <section className="card privacy-section" aria-labelledby="statement-contact">
        <h2 id="statement-contact">{text.contactHeading}</h2>
        <p>{text.contactIntro}</p>
        {contact === null && <p>{text.contactNone}</p>}
        {contact && (
          <p>
            <a href={contactHref(contact)}>{contact}</a>
          </p>
        )}
      </section>

      <section className="card privacy-section" aria-labelledby="statement-remedies">
        <h2 id="statement-remedies">{text.remediesHeading}</h2>
        <p>
          {text.remediesIntro} {text.remediesList}
        </p>
        <ul className="statement-links">
          <li>
            <a href={DEFENDER_FORM_URL}>{text.defenderForm}</a>
          </li>
          <li>
            <a href={DEFENDER_DELEGATES_URL}>{text.defenderDelegates}</a>
          </li>
          <li>
            {text.defenderPost} <span lang="fr">{text.defenderAddress}</span>
          </li>
        </ul>
      </section>
      <SiteFooter />
    </main>
  );
}
