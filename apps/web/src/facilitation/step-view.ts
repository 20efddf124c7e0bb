// Which step is current and what to say about it, in the person's language.
import type { Locale, LocalizedText, PublicSessionState, Step } from '@atelier/protocol';

/** The text in `locale`, or in the other language when that one was left empty. */
export function localized(text: LocalizedText, locale: Locale): string {
  const own = text[locale].trim();
  return own || text[locale === 'fr' ? 'en' : 'fr'].trim();
}

export interface StepView {
  step: Step;
  /** 1-based position in the sequence. */
  number: number;
  total: number;
  title: string;
  instructions: string;
  isFirst: boolean;
  isLast: boolean;
}

export function currentStepView(
  session: Pick<PublicSessionState, 'steps' | 'currentStepId'>,
  locale: Locale,
): StepView | null {
  const index = session.steps.findIndex((step) => step.id === session.currentStepId);
  const step = session.steps[index];
  if (!step) return null;
  return {
    step,
    number: index + 1,
    total: session.steps.length,
    title: localized(step.title, locale),
    instructions: localized(step.instructions, locale),
    isFirst: index === 0,
    isLast: index === session.steps.length - 1,
  };
}
