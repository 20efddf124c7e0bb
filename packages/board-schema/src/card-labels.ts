import type { LocalizedText } from '@atelier/protocol';
import type { CardKind } from './card-kind';
import type { EngagementCriterion, PgoTheme } from './engagement-card';
import type { DedicatedSpace, InnovationType, LabStage, NeedTag, ServiceTag } from './identity-card';

export type LocalizedLabel = LocalizedText;

/** Every word a card shows, in French (the workshops' language) and English. */
export const cardLabels = {
  kind: {
    identity: { fr: "Fiche d'identité du lab", en: 'Lab identity card' },
    engagement: { fr: 'Engagement', en: 'Commitment' },
    action: { fr: 'Action forte et faisable', en: 'Strong, feasible action' },
  } satisfies Record<CardKind, LocalizedLabel>,
  identityField: {
    labName: { fr: 'Nom du lab', en: 'Lab name' },
    academie: { fr: 'Académie', en: 'Académie (education region)' },
    dedicatedSpace: { fr: 'Lieu dédié', en: 'Dedicated space' },
    innovationTypes: { fr: "Types d'innovation", en: 'Kinds of innovation' },
    services: { fr: 'Offre de services', en: 'Services offered' },
    servicesOther: { fr: 'Autres services', en: 'Other services' },
    stage: { fr: 'Stade', en: 'Stage' },
    contact: { fr: 'Contact', en: 'Contact' },
    needs: { fr: 'Besoins', en: 'Needs' },
  },
  dedicatedSpace: {
    yes: { fr: 'oui', en: 'yes' },
    no: { fr: 'non', en: 'no' },
    planned: { fr: 'en projet', en: 'planned' },
  } satisfies Record<DedicatedSpace, LocalizedLabel>,
  innovationType: {
    pedagogical: { fr: 'pédagogique', en: 'teaching and learning' },
    organisational: { fr: 'organisationnelle', en: 'organisational' },
    digital: { fr: 'numérique', en: 'digital' },
    social: { fr: 'sociale', en: 'social' },
    other: { fr: 'autre', en: 'other' },
  } satisfies Record<InnovationType, LocalizedLabel>,
  service: {
    'collaborative-sessions': { fr: 'sessions collaboratives', en: 'collaborative sessions' },
    'project-support': { fr: 'accompagnement de projets', en: 'project support' },
    training: { fr: 'acculturation/formation', en: 'awareness/training' },
    prototyping: { fr: 'prototypage/fabrication', en: 'prototyping/making' },
    incubation: { fr: 'incubation', en: 'incubation' },
    watch: { fr: 'veille', en: 'horizon scanning' },
  } satisfies Record<ServiceTag, LocalizedLabel>,
  need: {
    funding: { fr: 'financement', en: 'funding' },
    team: { fr: "constituer l'équipe", en: 'building the team' },
    facilitation: { fr: 'facilitation', en: 'facilitation skills' },
    incubation: { fr: 'incubation de services numériques', en: 'incubating digital services' },
    communication: { fr: 'faire connaître le lab', en: 'making the lab known' },
    territory: { fr: 'toucher tout le territoire', en: 'reaching the whole territory' },
    community: { fr: 'animer une communauté', en: 'running a community' },
  } satisfies Record<NeedTag, LocalizedLabel>,
  stage: {
    prefiguration: { fr: 'préfiguration', en: 'scoping' },
    launch: { fr: 'lancement', en: 'launch' },
    active: { fr: 'actif', en: 'active' },
  } satisfies Record<LabStage, LocalizedLabel>,
  pgoTheme: {
    'school-health': { fr: "Santé à l'école/université", en: 'Health at school and university' },
    'civic-engagement': {
      fr: 'Engagement citoyen et participation (notamment des jeunes)',
      en: 'Civic engagement and participation (especially of young people)',
    },
    'inclusive-school': { fr: 'École/université inclusive', en: 'Inclusive school and university' },
    'right-to-information': { fr: "Droit à l'information", en: 'Right to information' },
    'open-data': {
      fr: "Ouverture des données et des codes sources dans l'Éducation",
      en: 'Open data and open source code in Education',
    },
    environment: { fr: "Protection de l'environnement", en: 'Environmental protection' },
    probity: { fr: 'Lutte contre les atteintes à la probité', en: 'Fighting breaches of integrity' },
  } satisfies Record<PgoTheme, LocalizedLabel>,
  engagementField: {
    theme: { fr: 'Thématique', en: 'Theme' },
    engagement: { fr: 'Engagement', en: 'Commitment' },
    criteria: { fr: 'Critères', en: 'Criteria' },
    actions: { fr: 'Actions concrètes', en: 'Concrete actions' },
  },
  engagementCriterion: {
    transformative: {
      fr: 'Inédit, emblématique et à fort impact de transformation',
      en: 'New, emblematic and highly transformative',
    },
    'open-government-values': {
      fr: 'Incarne les valeurs du gouvernement ouvert (transparence, ouverture, participation, collaboration)',
      en: 'Embodies open government values (transparency, openness, participation, collaboration)',
    },
    'civil-society': {
      fr: 'Conçu et porté avec une ou plusieurs organisations de la société civile',
      en: 'Designed and carried with one or more civil society organisations',
    },
    measurable: {
      fr: 'Résultats mesurables (évaluation externe et auto-évaluation)',
      en: 'Measurable results (external and self-assessment)',
    },
  } satisfies Record<EngagementCriterion, LocalizedLabel>,
  actionField: {
    action: { fr: 'Action', en: 'Action' },
    why: { fr: 'Pourquoi', en: 'Why' },
    firstStep: { fr: 'Premier pas', en: 'First step' },
    owner: { fr: 'Qui porte', en: 'Who leads' },
  },
} as const;
