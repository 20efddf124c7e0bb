import type { Role } from '@atelier/protocol';

export const facilitatorRole: Role = {
  id: 'facilitator',
  name: { fr: 'Animateur', en: 'Facilitator' },
  description: {
    fr: "Garant du processus : annonce chaque étape, tient le temps et veille au respect des règles de l'étape.",
    en: 'Keeps the process: announces each step, keeps time and makes sure the rules of the step are followed.',
  },
};

export const participantRole: Role = {
  id: 'participant',
  name: { fr: 'Participant', en: 'Participant' },
  description: {
    fr: 'Contribue aux idées et aux choix du groupe, dans le temps imparti à chaque étape.',
    en: "Contributes to the group's ideas and choices, within the time given to each step.",
  },
};

export const clientRole: Role = {
  id: 'client',
  name: { fr: 'Client', en: 'Client' },
  description: {
    fr: "Expose une problématique professionnelle réelle qui le concerne directement, puis décide de ce qu'il en retient.",
    en: 'Brings a real work problem that concerns them directly, then decides what they take from the session.',
  },
};

export const consultantsRole: Role = {
  id: 'consultants',
  name: { fr: 'Consultants', en: 'Consultants' },
  description: {
    fr: 'Aident le client par leurs questions, leurs réactions et leurs expériences, sans chercher à imposer une solution.',
    en: 'Help the client with their questions, reactions and experience, without imposing a solution.',
  },
};
