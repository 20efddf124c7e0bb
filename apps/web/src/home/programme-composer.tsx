// "Composer une journée": a programme of sections (P-PROG), each a template with its groups, question
// and start time, reordered or removed before the board is created. Planned times come from the day's
// clock (`planDay`), as the board's facilitator will see them.
import { useId, useState, type FormEvent } from 'react';
import type { Locale, SectionRequest, TemplateSummary } from '@atelier/protocol';
import { clockTime, planDay } from '@atelier/session';
import { useI18n } from '../shared/i18n';
import { CreatedBoardLinks, useBoardCreation } from './board-creation';
import { GroupsInput, TemplateOptions } from '../shared/template-fields';

const words = {
  fr: {
    heading: 'Composer une journée',
    help: 'Plusieurs séquences sur un seul tableau : ateliers, interventions, pauses, mur de retours. Chacune a sa zone, de gauche à droite.',
    title: 'Titre de la journée',
    titlePlaceholder: 'Journée de la communauté des labs',
    section: (n: number) => `Séquence ${n}`,
    template: 'Modèle',
    groups: 'Groupes',
    question: 'Question ou sujet',
    startsAt: 'Heure de début (facultatif)',
    up: (n: number) => `Monter la séquence ${n}`,
    down: (n: number) => `Descendre la séquence ${n}`,
    remove: (n: number) => `Retirer la séquence ${n}`,
    add: 'Ajouter une séquence',
    total: (minutes: number, end: string | null) =>
      `Durée totale : ${minutes} min${end ? ` · fin prévue ${end}` : ''}`,
    planned: (start: string, minutes: number) => `${start} · ${minutes} min`,
    minutes: (minutes: number) => `${minutes} min`,
    create: 'Créer la journée',
    creating: 'Création…',
    created: 'Journée créée. Partagez le lien participant ; gardez le lien animateur.',
    participantLink: 'Lien participant',
    viewerLink: 'Lien en lecture seule',
    facilitatorLink: 'Lien animateur (à garder pour vous)',
    open: 'Ouvrir en tant qu’animateur',
    error: 'La journée n’a pas pu être créée.',
  },
  en: {
    heading: 'Compose a day',
    help: 'Several sequences on one board: workshops, talks, breaks, a feedback wall. Each gets its own area, left to right.',
    title: 'Title of the day',
    titlePlaceholder: 'Labs community day',
    section: (n: number) => `Sequence ${n}`,
    template: 'Template',
    groups: 'Groups',
    question: 'Question or subject',
    startsAt: 'Start time (optional)',
    up: (n: number) => `Move sequence ${n} up`,
    down: (n: number) => `Move sequence ${n} down`,
    remove: (n: number) => `Remove sequence ${n}`,
    add: 'Add a sequence',
    total: (minutes: number, end: string | null) =>
      `Total: ${minutes} min${end ? ` · expected end ${end}` : ''}`,
    planned: (start: string, minutes: number) => `${start} · ${minutes} min`,
    minutes: (minutes: number) => `${minutes} min`,
    create: 'Create the day',
    creating: 'Creating…',
    created: 'Day created. Share the participant link; keep the facilitator link.',
    participantLink: 'Participant link',
    viewerLink: 'Read-only link',
    facilitatorLink: 'Facilitator link (keep it to yourself)',
    open: 'Open as facilitator',
    error: 'The day could not be created.',
  },
} as const;

interface Draft extends SectionRequest {
  /** A React key that survives reordering. */
  key: number;
}

function formatTime(minutes: number, locale: Locale): string {
  const time = clockTime(minutes);
  if (locale === 'en') return time;
  const [h, m] = time.split(':');
  return `${Number(h)} h ${m}`;
}

let nextKey = 1;
const newDraft = (template: string, startsAt?: string): Draft => ({
  key: nextKey++,
  template,
  ...(startsAt ? { startsAt } : {}),
});

export function ProgrammeComposer({
  templates,
  mayCreate,
}: {
  templates: TemplateSummary[];
  mayCreate: boolean;
}) {
  const { locale } = useI18n();
  const w = words[locale];
  const titleId = useId();
  const baseId = useId();
  const [title, setTitle] = useState('');
  const [sections, setSections] = useState<Draft[]>(() => [newDraft('talk', '09:30'), newDraft('ideation')]);
  const { busy, error, created, create: createBoard } = useBoardCreation(w.error);
  const choices = templates.filter((candidate) => candidate.id !== 'blank');
  const summaryOf = (id: string) => templates.find((candidate) => candidate.id === id);

  // The day's plan from the templates' durations, as the board will have it.
  const plannedSteps = sections.flatMap((section) =>
    (summaryOf(section.template)?.steps ?? []).map((step) => ({
      id: `${section.key}.${step.id}`,
      durationMs: step.durationMs,
      sectionId: String(section.key),
    })),
  );
  const plan = planDay(
    sections.map((section) => ({
      id: String(section.key),
      ...(section.startsAt ? { startsAt: section.startsAt } : {}),
    })),
    plannedSteps,
  );
  const totalMinutes = Math.round(plannedSteps.reduce((sum, step) => sum + step.durationMs, 0) / 60_000);
  const dayEnd = plan.steps.at(-1)?.endsAt ?? null;

  const update = (index: number, change: Partial<SectionRequest>) =>
    setSections((list) =>
      list.map((section, i) => {
        if (i !== index) return section;
        const next: Draft = { ...section, ...change };
        // An empty field is no value (the template's default question, no fixed time).
        if (!next.question) delete next.question;
        if (!next.startsAt) delete next.startsAt;
        return next;
      }),
    );
  const move = (index: number, by: number) =>
    setSections((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });

  async function create(event: FormEvent) {
    event.preventDefault();
    await createBoard({
      title,
      locale,
      programme: sections.map(({ key: _key, ...section }) => {
        const summary = summaryOf(section.template);
        const { groups, ...rest } = section;
        return summary && summary.maxGroups > 1 ? { ...rest, groups: groups ?? summary.defaultGroups } : rest;
      }),
    });
  }

  return (
    <section
      className="card programme-composer"
      aria-labelledby={`${baseId}-heading`}
      data-testid="programme-composer"
    >
      <h2 id={`${baseId}-heading`}>{w.heading}</h2>
      {created ? (
        <CreatedBoardLinks
          board={created}
          status={w.created}
          labels={{
            participant: w.participantLink,
            viewer: w.viewerLink,
            facilitator: w.facilitatorLink,
            open: w.open,
          }}
        />
      ) : (
        <form onSubmit={(event) => void create(event)}>
          <p className="hint">{w.help}</p>
          <label htmlFor={titleId}>{w.title}</label>
          <input
            id={titleId}
            required
            maxLength={120}
            value={title}
            placeholder={w.titlePlaceholder}
            onChange={(event) => setTitle(event.target.value)}
          />
          <ol className="programme-sections">
            {sections.map((section, index) => {
              const n = index + 1;
              const summary = summaryOf(section.template);
              const planned = plan.sections.find((candidate) => candidate.sectionId === String(section.key));
              const minutes = Math.round((summary?.totalDurationMs ?? 0) / 60_000);
              const id = `${baseId}-${section.key}`;
              return (
                <li key={section.key} className="programme-section">
                  <fieldset>
                    <legend>
                      {w.section(n)}
                      <span className="programme-section-time" data-testid="section-planned">
                        {planned?.startsAt != null
                          ? w.planned(formatTime(planned.startsAt, locale), minutes)
                          : w.minutes(minutes)}
                      </span>
                    </legend>
                    <div className="programme-section-fields">
                      <div>
                        <label htmlFor={`${id}-template`}>{w.template}</label>
                        <select
                          id={`${id}-template`}
                          value={section.template}
                          onChange={(event) => update(index, { template: event.target.value })}
                        >
                          <TemplateOptions templates={choices} locale={locale} />
                        </select>
                      </div>
                      {summary && summary.maxGroups > 1 && (
                        <div>
                          <label htmlFor={`${id}-groups`}>{w.groups}</label>
                          <GroupsInput
                            id={`${id}-groups`}
                            template={summary}
                            value={section.groups ?? summary.defaultGroups}
                            onChange={(groups) => update(index, { groups })}
                          />
                        </div>
                      )}
                      <div>
                        <label htmlFor={`${id}-question`}>
                          {summary?.questionLabel?.[locale] ?? w.question}
                        </label>
                        <input
                          id={`${id}-question`}
                          maxLength={300}
                          value={section.question ?? ''}
                          placeholder={summary?.question?.[locale] ?? ''}
                          onChange={(event) => update(index, { question: event.target.value })}
                        />
                      </div>
                      <div>
                        <label htmlFor={`${id}-starts`}>{w.startsAt}</label>
                        <input
                          id={`${id}-starts`}
                          type="time"
                          value={section.startsAt ?? ''}
                          onChange={(event) => update(index, { startsAt: event.target.value })}
                        />
                      </div>
                    </div>
                    <div className="programme-section-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={w.up(n)}
                        title={w.up(n)}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={w.down(n)}
                        title={w.down(n)}
                        disabled={index + 1 === sections.length}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={w.remove(n)}
                        title={w.remove(n)}
                        disabled={sections.length === 1}
                        onClick={() => setSections((list) => list.filter((_, i) => i !== index))}
                      >
                        ×
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button"
            disabled={sections.length >= 16}
            onClick={() => setSections((list) => [...list, newDraft('talk')])}
          >
            {w.add}
          </button>
          <p className="hint" data-testid="programme-total">
            {w.total(totalMinutes, dayEnd !== null ? formatTime(dayEnd, locale) : null)}
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button className="button primary" type="submit" disabled={busy || !mayCreate}>
            {busy ? w.creating : w.create}
          </button>
        </form>
      )}
    </section>
  );
}
