import { StepKind } from '@atelier/protocol';
import { clientQuestionLabel, problemNote, rolesHeader, zoneNote } from './codev-template';
import { layoutGroupFrames } from './group-frames';
import { clientRole, consultantsRole, facilitatorRole } from './roles';
import { minutes, type TemplateDefinition } from './template-definition';

/** The 35-minute "flash co-dev" of the labs' community day: ideas on sticky notes instead of a discussion. */
export const codevFlashTemplate: TemplateDefinition = {
  id: 'codev-flash',
  version: 3,
  title: { fr: 'Flash codéveloppement', en: 'Flash co-development' },
  description: {
    fr: 'Un codéveloppement resserré en 35 minutes : exposé, questions, idées individuelles sur post-its, lecture au client et choix du client. Pour faire remonter les difficultés des porteurs de projets et y apporter des réponses collectives.',
    en: "A 35-minute co-development: presentation, questions, individual ideas on sticky notes, reading them to the client and the client's choice. To surface project leaders' difficulties and answer them together.",
  },
  roles: [clientRole, consultantsRole, facilitatorRole],
  questionLabel: clientQuestionLabel,
  steps: [
    {
      id: 'expose',
      kind: StepKind.group,
      durationMs: minutes(3),
      title: { fr: 'Exposé de la problématique', en: 'Presenting the problem' },
      instructions: {
        fr: 'Le client expose sa problématique en quelques phrases. Les consultants écoutent.',
        en: 'The client presents their problem in a few sentences. Consultants listen.',
      },
    },
    {
      id: 'clarify',
      kind: StepKind.group,
      durationMs: minutes(7),
      title: { fr: 'Questions de clarification', en: 'Clarifying questions' },
      instructions: {
        fr: 'Questions courtes et factuelles pour comprendre la situation. Pas encore de conseils.',
        en: 'Short, factual questions to understand the situation. No advice yet.',
      },
    },
    {
      id: 'ideas',
      kind: StepKind.individual,
      durationMs: minutes(10),
      title: { fr: 'Idées individuelles sur post-its', en: 'Individual ideas on sticky notes' },
      instructions: {
        fr: 'En silence, chaque consultant écrit ses idées, suggestions et expériences : une idée par post-it.',
        en: 'In silence, each consultant writes ideas, suggestions and experience: one idea per sticky note.',
      },
    },
    {
      id: 'reading',
      kind: StepKind.group,
      durationMs: minutes(10),
      title: { fr: 'Lecture des idées', en: 'Reading the ideas' },
      instructions: {
        fr: 'Chaque consultant lit ses post-its au client et les colle ici. Le client écoute sans commenter.',
        en: 'Each consultant reads their sticky notes to the client and puts them here. The client listens without comment.',
      },
    },
    {
      id: 'client-choice',
      kind: StepKind.group,
      durationMs: minutes(5),
      title: { fr: 'Choix du client', en: "The client's choice" },
      instructions: {
        fr: "Le client choisit les idées qu'il retient et dit par quoi il commence.",
        en: 'The client picks the ideas they keep and says where they will start.',
      },
    },
  ],
  defaultGroups: 3,
  minGroups: 1,
  maxGroups: 8,
  firstStepNumber: 1,
  layout(context) {
    const fr = context.locale === 'fr';
    return layoutGroupFrames(context, {
      title: this.title,
      columns: 3,
      arrows: true,
      header: rolesHeader(context.locale),
      zones: [
        {
          stepIds: ['expose'],
          w: 480,
          h: 480,
          content: problemNote(context.question, context.locale),
        },
        { stepIds: ['clarify'], w: 480, h: 480 },
        { stepIds: ['ideas'], w: 900, h: 480 },
        { stepIds: ['reading'], w: 1020, h: 560 },
        {
          stepIds: ['client-choice'],
          w: 900,
          h: 560,
          content: zoneNote(
            fr ? 'Idées retenues et premier pas : …' : 'Ideas kept and first step: …',
            'green',
          ),
        },
      ],
    });
  },
};
