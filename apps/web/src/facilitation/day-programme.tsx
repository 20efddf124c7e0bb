// "Programme de la journée": a programme's sections with their planned times, for everyone (what is on
// now, next, later), and for the facilitator the drift of the real day against the plan and the
// sections not yet played to add, move or remove (the server enforces what may change, S-PROG-2).
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Locale, PublicSessionState, TemplateSummary } from '@atelier/protocol';
import { clockTime, dayDrift, planDay, programmePlaces, type ProgrammePlace } from '@atelier/session';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { GroupsInput, TemplateOptions } from '../shared/template-fields';
import type { SendCommand } from './use-facilitation';

const words = {
  fr: {
    title: 'Programme de la journée',
    places: { done: 'Terminé', now: 'En cours', next: 'Ensuite', later: 'Plus tard' } as Record<
      ProgrammePlace,
      string
    >,
    minutes: (n: number) => `${n} min`,
    late: (n: number) => `En retard de ${n} min sur le programme`,
    early: (n: number) => `En avance de ${n} min sur le programme`,
    onTime: 'À l’heure du programme',
    dayEnd: (projected: string, planned: string) => `Fin prévue ${projected} (programme : ${planned})`,
    up: (title: string) => `Avancer « ${title} »`,
    down: (title: string) => `Reculer « ${title} »`,
    remove: (title: string) => `Retirer « ${title} »`,
    confirmRemove: (title: string) => `Retirer « ${title} » du programme et ses cadres du tableau ?`,
    add: 'Ajouter une séquence',
    template: 'Séquence',
    groups: 'Groupes',
    question: 'Question ou sujet',
    startsAt: 'Heure de début (facultatif)',
    addButton: 'Ajouter au programme',
  },
  en: {
    title: 'Programme of the day',
    places: { done: 'Done', now: 'Now', next: 'Next', later: 'Later' } as Record<ProgrammePlace, string>,
    minutes: (n: number) => `${n} min`,
    late: (n: number) => `${n} min behind the programme`,
    early: (n: number) => `${n} min ahead of the programme`,
    onTime: 'On time',
    dayEnd: (projected: string, planned: string) => `Expected end ${projected} (programme: ${planned})`,
    up: (title: string) => `Move “${title}” earlier`,
    down: (title: string) => `Move “${title}” later`,
    remove: (title: string) => `Remove “${title}”`,
    confirmRemove: (title: string) => `Remove “${title}” from the programme and its frames from the board?`,
    add: 'Add a sequence',
    template: 'Sequence',
    groups: 'Groups',
    question: 'Question or subject',
    startsAt: 'Start time (optional)',
    addButton: 'Add to the programme',
  },
} as const;

/** "10 h 30" (French) or "10:30" from minutes since midnight. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const time = clockTime(minutes);
  if (locale === 'en') return time;
  const [h, m] = time.split(':');
  return `${Number(h)} h ${m}`;
}

/**
 * The first section the facilitator may still change, as far as the broadcast state tells (the server
 * also counts the steps already run, from its log, and refuses the rest: S-PROG-2).
 */
function firstOpenSectionOf(session: PublicSessionState): number {
  if (!session.stepEntry) return 0;
  const sectionId = session.steps.find((step) => step.id === session.currentStepId)?.sectionId;
  return (session.sections ?? []).findIndex((section) => section.id === sectionId) + 1;
}

/** The browser's clock: a server time as minutes since midnight here. */
function localMinuteOf(serverTime: number, clockOffsetMs: number): number {
  const date = new Date(serverTime - clockOffsetMs);
  return date.getHours() * 60 + date.getMinutes() + date.getSeconds() / 60;
}

function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function SectionRows({
  session,
  locale,
  controls,
}: {
  session: PublicSessionState;
  locale: Locale;
  controls?: { send: SendCommand; open: number };
}) {
  const w = words[locale];
  const plan = planDay(session.sections ?? [], session.steps);
  const places = programmePlaces(session);
  const count = places.length;
  return (
    <ol className="day-programme-list">
      {places.map(({ section, place }, index) => {
        const planned = plan.sections.find((candidate) => candidate.sectionId === section.id);
        const durationMs = session.steps
          .filter((step) => step.sectionId === section.id)
          .reduce((sum, step) => sum + step.durationMs, 0);
        const title = section.title[locale];
        const movable = controls && index >= controls.open;
        return (
          <li key={section.id} className={`day-programme-item is-${place}`} data-place={place}>
            <span className="day-programme-place">{w.places[place]}</span>
            <span className="day-programme-time">
              {planned?.startsAt != null ? `${formatMinutes(planned.startsAt, locale)} · ` : ''}
              {w.minutes(Math.round(durationMs / 60_000))}
            </span>
            <span className="day-programme-title">
              {title}
              {section.question && section.question !== title ? (
                <span className="day-programme-question"> · {section.question}</span>
              ) : null}
            </span>
            {movable && (
              <span className="day-programme-actions">
                <button
                  type="button"
                  className="fac-icon-button"
                  aria-label={w.up(title)}
                  title={w.up(title)}
                  disabled={index <= controls.open}
                  onClick={() =>
                    void controls.send({ type: 'section.move', sectionId: section.id, index: index - 1 })
                  }
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="fac-icon-button"
                  aria-label={w.down(title)}
                  title={w.down(title)}
                  disabled={index + 1 >= count}
                  onClick={() =>
                    void controls.send({ type: 'section.move', sectionId: section.id, index: index + 1 })
                  }
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="fac-icon-button"
                  aria-label={w.remove(title)}
                  title={w.remove(title)}
                  disabled={count <= 1}
                  onClick={() => {
                    if (confirm(w.confirmRemove(title)))
                      void controls.send({ type: 'section.remove', sectionId: section.id });
                  }}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** For everyone, in the step header: the day's sections, now, next and later. */
export function DayProgramme({ session }: { session: PublicSessionState }) {
  const { locale } = useI18n();
  if (!session.sections || session.sections.length === 0) return null;
  return (
    <details className="day-programme" data-testid="day-programme">
      <summary>{words[locale].title}</summary>
      <SectionRows session={session} locale={locale} />
    </details>
  );
}

/** For the facilitator: the drift, the sections not yet played to move or remove, and one to add. */
export function ProgrammeEditor({
  session,
  send,
  clockOffsetMs,
}: {
  session: PublicSessionState;
  send: SendCommand;
  clockOffsetMs: number;
}) {
  const { locale } = useI18n();
  const w = words[locale];
  const now = useMinuteTick();
  const serverNow = now + clockOffsetMs;
  const drift = dayDrift(session, serverNow, (time) => localMinuteOf(time, clockOffsetMs));
  return (
    <div className="day-programme-editor" data-testid="programme-editor">
      {drift && (
        <p
          className={`day-programme-drift${drift.minutes > 0 ? ' is-late' : ''}`}
          data-testid="programme-drift"
        >
          <strong>
            {drift.minutes > 0
              ? w.late(drift.minutes)
              : drift.minutes < 0
                ? w.early(-drift.minutes)
                : w.onTime}
          </strong>
          {drift.projectedDayEnd !== null && drift.plannedDayEnd !== null && (
            <>
              <br />
              {w.dayEnd(
                formatMinutes(drift.projectedDayEnd, locale),
                formatMinutes(drift.plannedDayEnd, locale),
              )}
            </>
          )}
        </p>
      )}
      <SectionRows session={session} locale={locale} controls={{ send, open: firstOpenSectionOf(session) }} />
      <AddSection send={send} />
    </div>
  );
}

function AddSection({ send }: { send: SendCommand }) {
  const { locale } = useI18n();
  const w = words[locale];
  const ids = { template: useId(), groups: useId(), question: useId(), startsAt: useId() };
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('talk');
  const [groups, setGroups] = useState(3);
  const [question, setQuestion] = useState('');
  const [startsAt, setStartsAt] = useState('');
  useEffect(() => {
    api.templates().then(
      (list) => setTemplates(list.templates.filter((candidate) => candidate.id !== 'blank')),
      () => setTemplates([]),
    );
  }, []);
  const template = templates.find((candidate) => candidate.id === templateId);
  async function add(event: FormEvent) {
    event.preventDefault();
    const sent = await send({
      type: 'section.add',
      section: {
        template: templateId,
        ...(template && template.maxGroups > 1 ? { groups } : {}),
        ...(question.trim() ? { question: question.trim() } : {}),
        ...(startsAt ? { startsAt } : {}),
      },
    });
    if (sent) setQuestion('');
  }
  return (
    <form className="day-programme-add" onSubmit={(event) => void add(event)}>
      <h3>{w.add}</h3>
      <label htmlFor={ids.template}>{w.template}</label>
      <select id={ids.template} value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
        <TemplateOptions templates={templates} locale={locale} />
      </select>
      {template && template.maxGroups > 1 && (
        <>
          <label htmlFor={ids.groups}>{w.groups}</label>
          <GroupsInput id={ids.groups} template={template} value={groups} onChange={setGroups} />
        </>
      )}
      <label htmlFor={ids.question}>{w.question}</label>
      <input
        id={ids.question}
        maxLength={300}
        value={question}
        onChange={(event) => setQuestion(event.target.value)}
      />
      <label htmlFor={ids.startsAt}>{w.startsAt}</label>
      <input
        id={ids.startsAt}
        type="time"
        value={startsAt}
        onChange={(event) => setStartsAt(event.target.value)}
      />
      <button type="submit" className="fac-button">
        {w.addButton}
      </button>
    </form>
  );
}
