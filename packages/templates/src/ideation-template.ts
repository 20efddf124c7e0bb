import { ZoneKind, emptyCardFields, zoneMeta } from '@atelier/board-schema';
import { StepKind } from '@atelier/protocol';
import { layoutGroupFrames } from './group-frames';
import { facilitatorRole, participantRole } from './roles';
import { minutes, type TemplateDefinition } from './template-definition';

export const ACTION_CARD_SIZE = { w: 340, h: 300 } as const;
const ACTIONS_PER_GROUP = 3;

/** "3 actions fortes et faisables": each group answers the question with three actions in 30 minutes. */
export const ideationTemplate: TemplateDefinition = {
  id: 'ideation',
  version: 2,
  title: { fr: '3 actions fortes et faisables', en: '3 strong, feasible actions' },
  description: {
    fr: 'Idéation en groupes : idées individuelles en silence, partage et regroupement, vote à points, puis formulation des 3 actions retenues (action, pourquoi, premier pas, qui porte). 30 minutes.',
    en: 'Ideation in groups: silent individual ideas, sharing and clustering, dot voting, then writing up the 3 actions kept (action, why, first step, who leads). 30 minutes.',
  },
  roles: [participantRole, facilitatorRole],
  question: {
    fr: 'Comment faire avancer la communauté des labs en 2027 ?',
    en: 'How can we move the labs community forward in 2027?',
  },
  steps: [
    {
      id: 'ideas',
      kind: StepKind.individual,
      durationMs: minutes(8),
      title: { fr: 'Idées individuelles en silence', en: 'Silent individual ideas' },
      instructions: {
        fr: 'En silence, chacun écrit ses idées en réponse à la question : une idée par post-it, autant que possible.',
        en: 'In silence, everyone writes ideas answering the question: one idea per sticky note, as many as possible.',
      },
    },
    {
      id: 'share',
      kind: StepKind.group,
      durationMs: minutes(8),
      title: { fr: 'Partage et regroupement', en: 'Sharing and clustering' },
      instructions: {
        fr: 'Chacun lit ses post-its à voix haute et les colle ici ; le groupe rapproche les idées voisines et nomme chaque regroupement.',
        en: 'Everyone reads their sticky notes aloud and puts them here; the group brings similar ideas together and names each cluster.',
      },
    },
    {
      id: 'vote',
      kind: StepKind.vote,
      durationMs: minutes(4),
      title: { fr: 'Vote à points', en: 'Dot voting' },
      instructions: {
        fr: 'Chacun a 3 points à placer sur les idées ou les regroupements les plus forts et les plus faisables.',
        en: 'Everyone has 3 dots to put on the strongest, most feasible ideas or clusters.',
      },
      // On notes. No places: one vote spans every group while each group keeps its own three (the
      // facilitator may give places when there is a single group).
      vote: {
        dotsPerPerson: 3,
        maxDotsPerItem: 3,
        anonymous: false,
        itemKind: 'note',
        decisionTitle: { fr: 'Actions retenues', en: 'Actions kept' },
      },
    },
    {
      id: 'actions',
      kind: StepKind.group,
      durationMs: minutes(10),
      title: { fr: 'Formulation des 3 actions retenues', en: 'Writing up the 3 actions kept' },
      instructions: {
        fr: "Le groupe formule les 3 actions les plus votées sur les fiches : l'action, pourquoi, le premier pas, qui la porte.",
        en: 'The group writes up the 3 most voted actions on the cards: the action, why, the first step, who leads it.',
      },
    },
  ],
  defaultGroups: 3,
  minGroups: 1,
  maxGroups: 8,
  firstStepNumber: 1,
  layout(context) {
    const { locale } = context;
    const question = context.question ?? this.question![locale];
    return layoutGroupFrames(context, {
      title: this.title,
      columns: 3,
      header: {
        h: 120,
        draw: (draft, frame, width) => {
          draft.geo({
            parentId: frame.id,
            x: 40,
            y: 40,
            w: width,
            h: 120,
            text: question,
            size: 'l',
            color: 'blue',
            fill: 'semi',
            meta: zoneMeta({ kind: ZoneKind.instructions }),
          });
        },
      },
      zones: [
        { stepIds: ['ideas'], w: 720, h: 760 },
        { stepIds: ['share', 'vote'], w: 1040, h: 760 },
        {
          stepIds: ['actions'],
          w: 3 * ACTION_CARD_SIZE.w + 4 * 24,
          h: 760,
          content: (draft, zone, top) => {
            for (let i = 0; i < ACTIONS_PER_GROUP; i++) {
              draft.card({
                parentId: zone.id,
                x: 24 + i * (ACTION_CARD_SIZE.w + 24),
                y: top,
                ...ACTION_CARD_SIZE,
                card: { kind: 'action', fields: emptyCardFields('action') },
                locale,
                color: 'light-green',
              });
            }
          },
        },
      ],
    });
  },
};
