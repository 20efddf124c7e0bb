import { StepKind } from '@atelier/protocol';
import { facilitatorRole, participantRole } from './roles';
import { minutes, type TemplateDefinition } from './template-definition';

/** An empty board with a single free step the facilitator can rename, time or extend. */
export const blankTemplate: TemplateDefinition = {
  id: 'blank',
  version: 1,
  title: { fr: 'Tableau vierge', en: 'Blank board' },
  description: {
    fr: "Un tableau sans cadre ni consigne, avec une seule étape libre : à vous de construire l'atelier.",
    en: 'A board with no frames or instructions and a single free step: build the workshop your way.',
  },
  roles: [participantRole, facilitatorRole],
  steps: [
    {
      id: 'free',
      kind: StepKind.plenary,
      durationMs: minutes(30),
      title: { fr: 'Temps libre', en: 'Free time' },
      instructions: {
        fr: 'Travaillez librement sur le tableau.',
        en: 'Work freely on the board.',
      },
    },
  ],
  defaultGroups: 1,
  minGroups: 1,
  maxGroups: 1,
  firstStepNumber: 1,
  layout: () => ({ stepFrames: {}, groups: [] }),
};
