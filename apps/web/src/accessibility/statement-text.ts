// The accessibility statement's fixed sentences, in the order of the official model (DINUM's "modèle de
// déclaration d'accessibilité"), French first. Its facts and figures come from rgaa-audit.ts.
import type { Locale } from '@atelier/protocol';
import type { AuditSummary } from './rgaa-audit';

export interface StatementText {
  intro: string;
  appliesTo: string;
  statusHeading: string;
  status: string;
  resultsHeading: string;
  results: string;
  counts: (summary: AuditSummary) => string[];
  rateMethod: string;
  notAccessibleHeading: string;
  nonConformities: string;
  canvasIntro: string;
  criterion: string;
  derogationsHeading: string;
  noDerogation: string;
  exemptHeading: string;
  alternativeHeading: string;
  establishedHeading: string;
  established: string;
  technologiesHeading: string;
  environmentHeading: string;
  toolsHeading: string;
  pagesHeading: string;
  detailsSummary: string;
  frenchOnly: string | null;
  contactHeading: string;
  contactIntro: string;
  contactNone: string;
  remediesHeading: string;
  remediesIntro: string;
  remediesList: string;
  defenderForm: string;
  defenderDelegates: string;
  defenderPost: string;
  defenderAddress: string;
  statusWords: Record<AuditSummary['status'], string>;
  resultWords: Record<'C' | 'NC' | 'NA' | 'NT', string>;
}

/** The Défenseur des droits' official ways in (the model statement's "voies de recours"). */
export const DEFENDER_FORM_URL = 'https://formulaire.defenseurdesdroits.fr/';
export const DEFENDER_DELEGATES_URL = 'https://www.defenseurdesdroits.fr/saisir/delegues';

export const statementText: Record<Locale, StatementText> = {
  fr: {
    intro:
      'L’organisme qui met cette instance d’Atelier à votre disposition s’engage à rendre son service en ligne accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    appliesTo:
      'Cette déclaration d’accessibilité s’applique à Atelier, tableau blanc collaboratif, servi à l’adresse {origin}.',
    statusHeading: 'État de conformité',
    status:
      'Atelier est {status} avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2, en raison des non-conformités énumérées ci-dessous.',
    resultsHeading: 'Résultats des tests',
    results:
      'L’audit de conformité réalisé par {auditor} révèle que {rate} des critères du RGAA version 4.1.2 sont respectés.',
    counts: (s) => [
      `${s.met} critères conformes`,
      `${s.notMet} critères non conformes`,
      `${s.notApplicable} critères non applicables`,
      `${s.notAssessed} critères non testés`,
    ],
    rateMethod:
      'Le taux est calculé sur les critères applicables évalués (conformes / (conformes + non conformes)), sur les {total} critères du RGAA. Les critères non testés ne comptent ni comme conformes ni comme non conformes : tant qu’ils ne sont pas évalués, Atelier ne se déclare pas totalement conforme.',
    notAccessibleHeading: 'Contenus non accessibles',
    nonConformities: 'Non-conformités',
    canvasIntro:
      'La toile du tableau est celle de tldraw, une bibliothèque de tableau blanc : Atelier en corrige ce qu’il peut (contraste des textes des modèles, noms des commandes) mais pas tout.',
    criterion: 'Critère {id} :',
    derogationsHeading: 'Dérogations pour charge disproportionnée',
    noDerogation: 'Aucune dérogation n’est invoquée.',
    exemptHeading: 'Contenus non soumis à l’obligation d’accessibilité',
    alternativeHeading: 'Alternative accessible : la vue liste',
    establishedHeading: 'Établissement de cette déclaration',
    established: 'Cette déclaration a été établie le {date}.',
    technologiesHeading: 'Technologies utilisées pour la réalisation d’Atelier',
    environmentHeading: 'Environnement de test',
    toolsHeading: 'Outils pour évaluer l’accessibilité',
    pagesHeading: 'Pages ayant fait l’objet de la vérification de conformité',
    detailsSummary: 'Détail des {total} critères',
    frenchOnly: null,
    contactHeading: 'Retour d’information et contact',
    contactIntro:
      'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez le responsable de ce service pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
    contactNone:
      'L’organisme qui héberge cette instance n’a pas encore indiqué de contact (réglage ACCESSIBILITY_CONTACT) : adressez-vous à l’animateur de votre atelier.',
    remediesHeading: 'Voies de recours',
    remediesIntro:
      'Si vous avez signalé au responsable du service un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service, et que vous n’avez pas obtenu de réponse satisfaisante :',
    remediesList: 'vous pouvez saisir le Défenseur des droits :',
    defenderForm: 'Écrire un message au Défenseur des droits',
    defenderDelegates: 'Contacter le délégué du Défenseur des droits dans votre région',
    defenderPost: 'Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :',
    defenderAddress: 'Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
    statusWords: {
      'totalement conforme': 'totalement conforme',
      'partiellement conforme': 'partiellement conforme',
      'non conforme': 'non conforme',
    },
    resultWords: { C: 'conforme', NC: 'non conforme', NA: 'non applicable', NT: 'non testé' },
  },
  en: {
    intro:
      'The organisation that provides this instance of Atelier commits to making its online service accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
    appliesTo:
      'This accessibility statement applies to Atelier, a collaborative whiteboard, served at {origin}.',
    statusHeading: 'Compliance status',
    status:
      'Atelier is {status} with the French accessibility framework (RGAA), version 4.1.2, because of the non-compliances listed below.',
    resultsHeading: 'Test results',
    results: 'The compliance audit made by {auditor} shows that {rate} of the RGAA 4.1.2 criteria are met.',
    counts: (s) => [
      `${s.met} criteria met`,
      `${s.notMet} criteria not met`,
      `${s.notApplicable} criteria not applicable`,
      `${s.notAssessed} criteria not assessed`,
    ],
    rateMethod:
      'The rate is taken over the applicable criteria assessed (met / (met + not met)), out of the {total} RGAA criteria. Criteria not assessed count neither as met nor as not met: until they are assessed, Atelier does not declare itself fully compliant.',
    notAccessibleHeading: 'Content that is not accessible',
    nonConformities: 'Non-compliances',
    canvasIntro:
      'The board’s canvas is tldraw’s, a whiteboard library: Atelier fixes what it can (contrast of template text, names of controls) but not everything.',
    criterion: 'Criterion {id}:',
    derogationsHeading: 'Exemptions for disproportionate burden',
    noDerogation: 'None is claimed.',
    exemptHeading: 'Content not subject to the accessibility obligation',
    alternativeHeading: 'Accessible alternative: the list view',
    establishedHeading: 'Preparation of this statement',
    established: 'This statement was prepared on {date}.',
    technologiesHeading: 'Technologies used to build Atelier',
    environmentHeading: 'Test environment',
    toolsHeading: 'Tools used to assess accessibility',
    pagesHeading: 'Pages checked for compliance',
    detailsSummary: 'All {total} criteria',
    frenchOnly: 'The audit details are given in French, the language of the RGAA.',
    contactHeading: 'Feedback and contact',
    contactIntro:
      'If you cannot reach a content or a service, contact the person responsible for this service to be directed to an accessible alternative or to get the content in another form.',
    contactNone:
      'The organisation hosting this instance has not given a contact yet (ACCESSIBILITY_CONTACT setting): ask your workshop’s facilitator.',
    remediesHeading: 'Remedies',
    remediesIntro:
      'If you reported to the person responsible for the service an accessibility defect that prevents you from reaching a content or a service, and did not get a satisfactory answer:',
    remediesList: 'you may refer the matter to the Défenseur des droits:',
    defenderForm: 'Write a message to the Défenseur des droits',
    defenderDelegates: 'Contact the Défenseur des droits’ delegate in your region',
    defenderPost: 'Send a letter by post (free, no stamp needed):',
    defenderAddress: 'Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
    statusWords: {
      'totalement conforme': 'fully compliant',
      'partiellement conforme': 'partially compliant',
      'non conforme': 'not compliant',
    },
    resultWords: { C: 'met', NC: 'not met', NA: 'not applicable', NT: 'not assessed' },
  },
};
