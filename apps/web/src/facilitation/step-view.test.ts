import { createSession, toPublicState } from '@atelier/session';
import type { Step } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { currentStepView, localized } from './step-view';

const step = (id: string, fr: string, en: string): Step => ({
  id,
  title: { fr, en },
  instructions: { fr: `Consigne ${fr}`, en: '' },
  durationMs: 60_000,
  kind: 'plenary',
});

describe('currentStepView', () => {
  const session = toPublicState(
    createSession({ steps: [step('a', 'Accueil', 'Welcome'), step('b', 'Idées', 'Ideas')], now: 0 }),
  );

  it('numbers the current step and speaks the person’s language', () => {
    const view = currentStepView(session, 'en');
    expect(view).toMatchObject({ number: 1, total: 2, title: 'Welcome', isFirst: true, isLast: false });
  });

  it('falls back to the other language when a text is empty', () => {
    expect(currentStepView(session, 'en')?.instructions).toBe('Consigne Accueil');
    expect(localized({ fr: ' ', en: 'Only English' }, 'fr')).toBe('Only English');
  });

  it('is null without steps', () => {
    expect(currentStepView({ steps: [], currentStepId: null }, 'fr')).toBeNull();
  });
});
