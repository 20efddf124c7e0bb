import { StepKind, type Locale } from '@atelier/protocol';
import type { BoardDraft } from './board-draft';
import { layoutGroupFrames, type ZoneSpec } from './group-frames';
import { clientRole, consultantsRole, facilitatorRole } from './roles';
import { minutes, type TemplateDefinition } from './template-definition';
import type { TLFrameShape } from '@tldraw/tlschema';

const ZONE_W = 640;
const ZONE_H = 480;

/** A sticky note at the bottom left of a zone, for what the step produces. */
export function zoneNote(text: string, color: 'yellow' | 'orange' | 'green' | 'light-blue') {
  return (draft: BoardDraft, zone: TLFrameShape, top: number) => {
    draft.note({ parentId: zone.id, x: 24, y: Math.max(top, zone.props.h - 224), text, color });
  };
}

/** The client's problem note: the question given at creation when there is one (T-QUESTION). */
export function problemNote(question: string | null, locale: Locale) {
  const label = locale === 'fr' ? 'Problématique :' : 'Problem:';
  return zoneNote(`${label} ${question ?? '…'}`, 'yellow');
}

/** How co-development names the workshop's question: it is the client's. */
export const clientQuestionLabel = { fr: 'Question du client', en: "The client's question" };

/** The roles band at the top of a codev group's frame, with room to write names. */
export function rolesHeader(locale: Locale) {
  const text =
    locale === 'fr'
      ? 'Client : …        Animateur : …        Consultants : …'
      : 'Client: …        Facilitator: …        Consultants: …';
  return {
    h: 60,
    draw: (draft: BoardDraft, frame: TLFrameShape, width: number) => {
      draft.text({ parentId: frame.id, x: 40, y: 40, w: width, text, size: 'm' });
    },
  };
}

/** Codéveloppement professionnel (Payette & Champagne): one client, consultants, a facilitator; 85 minutes. */
export const codevTemplate: TemplateDefinition = {
  id: 'codev',
  version: 3,
  title: { fr: 'Codéveloppement professionnel', en: 'Professional co-development' },
  description: {
    fr: "Méthode Payette & Champagne : un client expose une problématique réelle, le groupe l'aide à y voir clair par des questions, des réactions et des expériences, puis chacun dit ce qu'il a appris. Groupes de 5 à 8 personnes.",
    en: 'The Payette & Champagne method: a client presents a real problem, the group helps with questions, reactions and experience, then everyone says what they learned. Groups of 5 to 8 people.',
  },
  roles: [clientRole, consultantsRole, facilitatorRole],
  questionLabel: clientQuestionLabel,
  steps: [
    {
      id: 'expose',
      kind: StepKind.group,
      durationMs: minutes(10),
      title: { fr: 'Exposé de la problématique', en: 'Presenting the problem' },
      instructions: {
        fr: "Le client expose sa problématique, sa préoccupation ou son projet : le contexte, ce qu'il a déjà essayé, ce qui le bloque. Les consultants écoutent sans interrompre et prennent des notes.",
        en: 'The client presents their problem, concern or project: the context, what they have tried, what blocks them. Consultants listen without interrupting and take notes.',
      },
    },
    {
      id: 'clarify',
      kind: StepKind.group,
      durationMs: minutes(15),
      title: { fr: 'Questions de clarification', en: 'Clarifying questions' },
      instructions: {
        fr: "Les consultants posent des questions d'information pour bien comprendre la situation. Pas encore de conseils ni de solutions : seulement des questions.",
        en: 'Consultants ask factual questions to understand the situation well. No advice or solutions yet: only questions.',
      },
    },
    {
      id: 'contract',
      kind: StepKind.group,
      durationMs: minutes(10),
      title: { fr: 'Contrat : reformulation de la demande', en: 'Contract: restating the request' },
      instructions: {
        fr: "Le client précise ce qu'il attend des consultants (idées, avis, pistes d'action…). Les consultants reformulent la demande jusqu'à ce que le client s'y reconnaisse.",
        en: 'The client says what they expect from the consultants (ideas, opinions, leads…). Consultants restate the request until the client recognises it.',
      },
    },
    {
      id: 'consult',
      kind: StepKind.group,
      durationMs: minutes(25),
      title: {
        fr: 'Consultation : réactions, suggestions, expériences',
        en: 'Consultation: reactions, suggestions, experience',
      },
      instructions: {
        fr: 'Les consultants partagent réactions, suggestions, expériences et hypothèses. Le client écoute et note, sans se justifier ni débattre.',
        en: 'Consultants share reactions, suggestions, experience and hypotheses. The client listens and takes notes, without justifying or debating.',
      },
    },
    {
      id: 'action-plan',
      kind: StepKind.group,
      durationMs: minutes(15),
      title: { fr: "Plan d'action du client", en: "The client's action plan" },
      instructions: {
        fr: "Le client dit ce qu'il retient et formule son plan d'action : quoi, avec qui, quand. Les consultants l'aident à le rendre concret.",
        en: 'The client says what they keep and draws up their action plan: what, with whom, when. Consultants help make it concrete.',
      },
    },
    {
      id: 'learnings',
      kind: StepKind.group,
      durationMs: minutes(10),
      title: { fr: 'Apprentissages de chacun', en: "Everyone's learnings" },
      instructions: {
        fr: "Chacun, client compris, partage ce qu'il a appris : sur la problématique, sur sa propre pratique et sur sa manière d'aider.",
        en: 'Everyone, the client included, shares what they learned: about the problem, their own practice and the way they help.',
      },
    },
  ],
  defaultGroups: 3,
  minGroups: 1,
  maxGroups: 8,
  firstStepNumber: 1,
  layout(context) {
    const fr = context.locale === 'fr';
    const zone = (stepId: string, content?: ZoneSpec['content']): ZoneSpec => ({
      stepIds: [stepId],
      w: ZONE_W,
      h: ZONE_H,
      ...(content ? { content } : {}),
    });
    return layoutGroupFrames(context, {
      title: this.title,
      columns: 3,
      arrows: true,
      header: rolesHeader(context.locale),
      zones: [
        zone('expose', problemNote(context.question, context.locale)),
        zone('clarify'),
        zone('contract', zoneNote(fr ? 'Demande du client : …' : "Client's request: …", 'orange')),
        zone('consult'),
        zone(
          'action-plan',
          zoneNote(
            fr ? "Plan d'action : quoi, avec qui, quand" : 'Action plan: what, with whom, when',
            'green',
          ),
        ),
        zone('learnings'),
      ],
    });
  },
};
