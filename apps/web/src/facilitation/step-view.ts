// Which step is current and what to say about it, in the person's language.
import { numberSteps } from '@atelier/protocol';
import type { Locale, LocalizedText, PublicSessionState, Step } from '@atelier/protocol';
import type { Messages } from '../shared/i18n';
import { fill } from './format';

/** The text in `locale`, or in the other language when that one was left empty. */
export function localized(text: LocalizedText, locale: Locale): string {
  const own = text[locale].trim();
  return own || text[locale === 'fr' ? 'en' : 'fr'].trim();
}

export interface StepView {
  step: Step;
  /** The step's number as the board's frames show it (protocol's `numberSteps`); null for a break. */
  number: number | null;
  /** The sequence's last number ("Étape n sur last"); null when no step is numbered. */
  last: number | null;
  title: string;
  instructions: string;
  isFirst: boolean;
  isLast: boolean;
}

export function currentStepView(
  session: Pick<PublicSessionState, 'steps' | 'currentStepId' | 'firstStepNumber'>,
  locale: Locale,
): StepView | null {
  const index = session.steps.findIndex((step) => step.id === session.currentStepId);
  const step = session.steps[index];
  if (!step) return null;
  const numbers = numberSteps(session.steps, session.firstStepNumber);
  return {
    step,
    number: numbers.byId.get(step.id) ?? null,
    last: numbers.last,
    title: localized(step.title, locale),
    instructions: localized(step.instructions, locale),
    isFirst: index === 0,
    isLast: index === session.steps.length - 1,
  };
}

/** "Étape 2 sur 5", or "Pause" for a break, which has no number (P-NUM-4). */
export function stepPosition(view: Pick<StepView, 'number' | 'last'>, t: Messages): string {
  return view.number === null ? t.facBreak : fill(t.facStepOf, { n: view.number, total: view.last ?? '' });
}
