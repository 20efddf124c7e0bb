import { ZoneKind, cardLabels, engagementCriteria, pgoThemes, zoneMeta } from '@atelier/board-schema';
import { StepKind, TimerStart } from '@atelier/protocol';
import { ENGAGEMENT_CARD_SIZE, ENGAGEMENT_SLOTS } from './engagement-cards';
import { facilitatorRole, participantRole } from './roles';
import { estimateTextHeight, FRAME_NAME_ROOM, numberedInstructions, stepLabel } from './text-layout';
import { minutes, type StepDefinition, type TemplateDefinition } from './template-definition';

const PADDING = 60;
const FRAME_GAP = 200;
const THEME_W = 320;
const THEME_GAP = 30;
const THEME_H = 900;
const DECISION_H = 200;

/** Atelier PGO (Partenariat pour un Gouvernement Ouvert) from the 110 bis kit: two hours, seven themes, two engagements. */
export const pgoTemplate: TemplateDefinition = {
  id: 'pgo',
  version: 6,
  title: {
    fr: 'Atelier PGO : engagements pour un gouvernement ouvert',
    en: 'OGP workshop: open government commitments',
  },
  description: {
    fr: "Le kit du lab 110 bis pour le Partenariat pour un Gouvernement Ouvert : réflexion sur sept thématiques adaptées à l'Éducation, choix de deux thématiques, formulation d'un engagement par thématique selon les quatre critères de la DITP, puis actions concrètes. 2 heures.",
    en: "The 110 bis lab's kit for the Open Government Partnership: ideas on seven themes adapted to Education, choice of two themes, one commitment per theme meeting the DITP's four criteria, then concrete actions. 2 hours.",
  },
  roles: [participantRole, facilitatorRole],
  steps: [
    {
      id: 'intro',
      kind: StepKind.plenary,
      durationMs: minutes(10),
      title: { fr: 'Introduction : enjeux et feuille de route', en: 'Introduction: stakes and roadmap' },
      // A talk: its timer waits for the facilitator, even when the sequence comes back to it.
      timerStart: TimerStart.manual,
      instructions: {
        fr: "Rappel des enjeux du Partenariat pour un Gouvernement Ouvert (PGO) et de la feuille de route : les engagements produits aujourd'hui nourrissent le plan d'action du ministère.",
        en: "The stakes of the Open Government Partnership (OGP) and the roadmap: today's commitments feed the ministry's action plan.",
      },
    },
    {
      id: 'themes',
      kind: StepKind.individual,
      durationMs: minutes(20),
      title: { fr: 'Réflexion sur les thématiques', en: 'Thinking about the themes' },
      // PGO's first phase asks for ideas of one's own, uninfluenced: private until the facilitator reveals them.
      private: true,
      instructions: {
        fr: 'Chaque participant propose 3 idées sur une ou plusieurs des sept thématiques : un post-it par idée, dans la colonne de la thématique.',
        en: "Each participant suggests 3 ideas on one or more of the seven themes: one sticky note per idea, in the theme's column.",
      },
    },
    {
      id: 'theme-vote',
      kind: StepKind.vote,
      durationMs: minutes(10),
      title: { fr: 'Choix des deux thématiques', en: 'Choosing two themes' },
      instructions: {
        fr: "Chacun place 2 points sur les thématiques qui suscitent le plus de réactions et d'intérêt ; les deux plus votées sont retenues.",
        en: 'Everyone puts 2 dots on the themes that raise the most reactions and interest; the two with the most dots are kept.',
      },
      // Dots on the themes' columns; the two with the most are retained, a tie settled by the facilitator.
      vote: {
        dotsPerPerson: 2,
        maxDotsPerItem: 1,
        anonymous: false,
        itemKind: 'zone',
        places: 2,
        decisionTitle: { fr: 'Thématiques retenues', en: 'Themes kept' },
      },
    },
    {
      id: 'break',
      kind: StepKind.break,
      durationMs: minutes(10),
      title: { fr: 'Pause', en: 'Break' },
      instructions: { fr: 'Pause.', en: 'Break.' },
    },
    {
      id: 'engagements',
      kind: StepKind.plenary,
      durationMs: minutes(30),
      title: { fr: 'Formulation des engagements', en: 'Writing the commitments' },
      instructions: {
        fr: "Débat ouvert : pour chaque thématique retenue, formulez un seul engagement sur sa fiche et cochez les critères qu'il remplit.",
        en: 'Open debate: for each theme kept, write a single commitment on its card and tick the criteria it meets.',
      },
    },
    {
      id: 'actions',
      kind: StepKind.plenary,
      durationMs: minutes(30),
      title: { fr: 'Approfondissement : actions concrètes', en: 'Going further: concrete actions' },
      instructions: {
        fr: 'Détaillez les actions concrètes qui permettront de tenir chaque engagement et ajoutez-les à sa fiche.',
        en: 'Detail the concrete actions that will deliver each commitment and add them to its card.',
      },
    },
    {
      id: 'recap',
      kind: StepKind.plenary,
      durationMs: minutes(10),
      title: { fr: 'Récapitulatif de la production', en: 'Summary of the work' },
      instructions: {
        fr: 'Relisez ensemble les engagements et leurs actions, et convenez des suites à donner.',
        en: 'Read the commitments and their actions together and agree on next steps.',
      },
      // The frame fills with the decisions, the engagements and their actions, editable before export.
      recap: true,
    },
  ],
  defaultGroups: 1,
  minGroups: 1,
  maxGroups: 1,
  firstStepNumber: 0,
  layout(context) {
    const { draft, locale } = context;
    const step = (id: string): StepDefinition => context.steps.find((s) => s.id === id)!;
    const label = (id: string) => stepLabel(step(id), context.stepNumber(id), locale);
    const colon = locale === 'fr' ? ' :' : ':';

    // Intro: the stakes, then the roadmap of the session generated from the steps.
    const roadmap = context.steps
      .map((s) => `• ${stepLabel(s, context.stepNumber(s.id), locale)}`)
      .join('\n');
    // The question given at creation heads the introduction (T-QUESTION).
    const questionLine = context.question ? `Question${colon} ${context.question}\n\n` : '';
    const introText = `${questionLine}${step('intro').instructions[locale]}\n\n${locale === 'fr' ? 'Feuille de route' : 'Roadmap'}${colon}\n${roadmap}`;
    const introW = 1200;
    const intro = draft.frame({
      x: 0,
      y: 0,
      w: introW,
      h: PADDING * 2 + estimateTextHeight(introText, introW - 2 * PADDING, 'm'),
      name: label('intro'),
      meta: zoneMeta({ kind: ZoneKind.step, stepId: 'intro' }),
    });
    draft.text({
      parentId: intro.id,
      x: PADDING,
      y: PADDING,
      w: introW - 2 * PADDING,
      text: introText,
      size: 'm',
    });

    // Themes: one column per theme, where ideas go and the dot vote happens.
    const themesW = PADDING * 2 + pgoThemes.length * THEME_W + (pgoThemes.length - 1) * THEME_GAP;
    const numbered = (id: string) => numberedInstructions(step(id), context.stepNumber(id), locale);
    const themesText = `${numbered('themes')}\n${numbered('theme-vote')}`;
    // The columns' names go above them, under the instructions (T-NAME-ROOM).
    const columnsTop = PADDING + estimateTextHeight(themesText, themesW - 2 * PADDING, 'm') + FRAME_NAME_ROOM;
    const themes = draft.frame({
      x: introW + FRAME_GAP,
      y: 0,
      w: themesW,
      h: columnsTop + THEME_H + 30 + DECISION_H + PADDING,
      name: `${label('themes')} · ${label('theme-vote')}`,
      meta: zoneMeta({ kind: ZoneKind.step, stepId: 'themes' }),
    });
    draft.text({
      parentId: themes.id,
      x: PADDING,
      y: PADDING,
      w: themesW - 2 * PADDING,
      text: themesText,
      size: 'm',
    });
    pgoThemes.forEach((theme, i) => {
      const column = draft.frame({
        parentId: themes.id,
        x: PADDING + i * (THEME_W + THEME_GAP),
        y: columnsTop,
        w: THEME_W,
        h: THEME_H,
        name: cardLabels.pgoTheme[theme][locale],
        meta: zoneMeta({ kind: ZoneKind.theme, theme }),
      });
      draft.geo({
        parentId: column.id,
        x: 10,
        y: 10,
        w: THEME_W - 20,
        h: 140,
        text: cardLabels.pgoTheme[theme][locale],
        size: 'm',
        color: 'violet',
        fill: 'semi',
        meta: zoneMeta({ kind: ZoneKind.theme, theme }),
      });
    });

    // Where the server writes the themes the vote retained (the decision), under the columns.
    draft.geo({
      parentId: themes.id,
      x: PADDING,
      y: columnsTop + THEME_H + 30,
      w: themesW - 2 * PADDING,
      h: DECISION_H,
      dash: 'dashed',
      color: 'grey',
      size: 'm',
      align: 'start',
      verticalAlign: 'start',
      text: locale === 'fr' ? 'Thématiques retenues : après le vote' : 'Themes kept: after the vote',
      meta: zoneMeta({ kind: ZoneKind.decision, stepId: 'theme-vote' }),
    });

    // Engagements: cards are added from the vote's winners (engagementCardsForThemes); actions go on them.
    const rowY = Math.max(intro.props.h, themes.props.h) + FRAME_GAP;
    const engagementsW = ENGAGEMENT_SLOTS.x * 2 + 2 * ENGAGEMENT_CARD_SIZE.w + ENGAGEMENT_SLOTS.gap + 600;
    const criteria = engagementCriteria
      .map((c) => `☐ ${cardLabels.engagementCriterion[c][locale]}`)
      .join('\n');
    const engagementsText = `${numbered('engagements')}\n${numbered('actions')}\n${cardLabels.engagementField.criteria[locale]}${colon}\n${criteria}`;
    const engagements = draft.frame({
      x: 0,
      y: rowY,
      w: engagementsW,
      h: ENGAGEMENT_SLOTS.y + 2 * ENGAGEMENT_CARD_SIZE.h + ENGAGEMENT_SLOTS.gap + PADDING,
      name: `${label('engagements')} · ${label('actions')}`,
      meta: zoneMeta({ kind: ZoneKind.step, stepId: 'engagements' }),
    });
    draft.text({
      parentId: engagements.id,
      x: PADDING,
      y: 40,
      w: engagementsW - 2 * PADDING,
      text: engagementsText,
    });

    // Dashed slots where engagementCardsForThemes puts the winners' cards, so the frame reads before the vote.
    for (let i = 0; i < 2; i++) {
      draft.geo({
        parentId: engagements.id,
        x: ENGAGEMENT_SLOTS.x + i * (ENGAGEMENT_CARD_SIZE.w + ENGAGEMENT_SLOTS.gap),
        y: ENGAGEMENT_SLOTS.y,
        ...ENGAGEMENT_CARD_SIZE,
        dash: 'dashed',
        color: 'grey',
        text:
          locale === 'fr'
            ? `Engagement de la thématique retenue n° ${i + 1}`
            : `Commitment for chosen theme #${i + 1}`,
      });
    }

    const recapW = 1200;
    const recap = draft.frame({
      x: engagementsW + FRAME_GAP,
      y: rowY,
      w: recapW,
      h: 800,
      name: label('recap'),
      meta: zoneMeta({ kind: ZoneKind.step, stepId: 'recap' }),
    });
    draft.text({
      parentId: recap.id,
      x: PADDING,
      y: PADDING,
      w: recapW - 2 * PADDING,
      text: step('recap').instructions[locale],
      size: 'm',
    });

    return {
      stepFrames: {
        intro: intro.id,
        themes: themes.id,
        'theme-vote': themes.id,
        engagements: engagements.id,
        actions: engagements.id,
        recap: recap.id,
      },
      groups: [],
    };
  },
};
