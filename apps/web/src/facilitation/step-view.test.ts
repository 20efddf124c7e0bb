import { createSession, toPublicState } from '@atelier/session';
import type { Step } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { messages } from '../shared/i18n';
import { currentStepView, localized, stepPosition } from './step-view';

const step = (id: string, fr: string, en: string, kind: Step['kind'] = 'plenary'): Step => ({
  id,
  title: { fr, en },
  instructions: { fr: `Consigne ${fr}`, en: '' },
  durationMs: 60_000,
  kind,
});

describe('currentStepView', () => {
  const session = toPublicState(
    createSession({ steps: [step('a', 'Accueil', 'Welcome'), step('b', 'Idées', 'Ideas')], now: 0 }),
  );

  it('numbers the current step and speaks the person’s language', () => {
    const view = currentStepView(session, 'en');
    expect(view).toMatchObject({ number: 1, last: 2, title: 'Welcome', isFirst: true, isLast: false });
    expect(view && stepPosition(view, messages.fr)).toBe('Étape 1 sur 2');
  });

  it('P-NUM: numbers as the board’s frames do, from the session’s first number, a break unnumbered', () => {
    const steps = [
      step('intro', 'Introduction', 'Introduction'),
      step('themes', 'Thématiques', 'Themes'),
      step('break', 'Pause', 'Break', 'break'),
      step('recap', 'Récapitulatif', 'Summary'),
    ];
    const pgo = toPublicState(createSession({ steps, firstStepNumber: 0, now: 0 }));
    const at = (stepId: string) => currentStepView({ ...pgo, currentStepId: stepId }, 'fr');
    expect(at('intro')).toMatchObject({ number: 0, last: 2 });
    expect(stepPosition(at('themes')!, messages.fr)).toBe('Étape 1 sur 2');
    expect(at('break')?.number).toBeNull();
    expect(stepPosition(at('break')!, messages.fr)).toBe('Pause');
    expect(stepPosition(at('recap')!, messages.en)).toBe('Step 2 of 2');
  });

  it('falls back to the other language when a text is empty', () => {
    expect(currentStepView(session, 'en')?.instructions).toBe('Consigne Accueil');
    expect(localized({ fr: ' ', en: 'Only English' }, 'fr')).toBe('Only English');
  });

  it('is null without steps', () => {
    expect(currentStepView({ steps: [], currentStepId: null }, 'fr')).toBeNull();
  });
});
