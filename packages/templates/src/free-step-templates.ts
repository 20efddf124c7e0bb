// The small pieces of a day that are not workshops (P-PROG, T-FREE): a talk, a break, a feedback wall.
import { ZoneKind, zoneMeta } from '@atelier/board-schema';
import { StepKind } from '@atelier/protocol';
import { facilitatorRole, participantRole } from './roles';
import {
  minutes,
  type LayoutContext,
  type StepDefinition,
  type TemplateDefinition,
} from './template-definition';
import { estimateTextHeight, FRAME_NAME_ROOM, stepLabel } from './text-layout';

const PADDING = 40;

/** The day's pieces are for everyone at once: no groups, numbered from 1 like any section. */
const plenaryOnly = {
  roles: [participantRole, facilitatorRole],
  defaultGroups: 1,
  minGroups: 1,
  maxGroups: 1,
  firstStepNumber: 1,
} satisfies Partial<TemplateDefinition>;

/** The step's frame at the origin, named "n. Titre (… min)" like every step's (T-STEP-FRAME). */
function stepFrame(context: LayoutContext, step: StepDefinition, w: number, h: number) {
  return context.draft.frame({
    x: 0,
    y: 0,
    w,
    h,
    name: stepLabel(step, context.stepNumber(step.id), context.locale),
    meta: zoneMeta({ kind: ZoneKind.step, stepId: step.id }),
  });
}

/** A guest's talk or a welcome: one plenary frame where people put their questions on sticky notes. */
export const talkTemplate: TemplateDefinition = {
  id: 'talk',
  version: 1,
  title: { fr: 'Intervention', en: 'Talk' },
  description: {
    fr: 'Un mot de bienvenue, une intervention ou un retour d’expérience : le sujet en tête du cadre, les questions du public sur des post-its. 20 minutes.',
    en: 'A welcome, a talk or a lab’s experience: the subject at the head of the frame, the audience’s questions on sticky notes. 20 minutes.',
  },
  question: { fr: 'Intervention', en: 'Talk' },
  questionLabel: { fr: 'Sujet et intervenant·es', en: 'Subject and speakers' },
  steps: [
    {
      id: 'talk',
      kind: StepKind.plenary,
      durationMs: minutes(20),
      // A talk runs as long as the speaker speaks: the facilitator starts the clock (T-TIMER).
      timerStart: 'manual',
      title: { fr: 'Intervention', en: 'Talk' },
      instructions: {
        fr: 'Écoutez l’intervention. Notez vos questions et vos idées sur des post-its, dans ce cadre.',
        en: 'Listen to the talk. Write your questions and ideas on sticky notes, in this frame.',
      },
    },
  ],
  ...plenaryOnly,
  layout(context) {
    const { draft, locale } = context;
    const step = context.steps[0]!;
    const w = 1400;
    const frame = stepFrame(context, step, w, 900);
    draft.geo({
      parentId: frame.id,
      x: PADDING,
      y: PADDING,
      w: w - 2 * PADDING,
      h: 120,
      text: context.question ?? this.question![locale],
      size: 'l',
      color: 'blue',
      fill: 'semi',
      meta: zoneMeta({ kind: ZoneKind.instructions }),
    });
    draft.text({
      parentId: frame.id,
      x: PADDING,
      y: PADDING + 150,
      w: w - 2 * PADDING,
      text: step.instructions[locale],
      size: 'm',
    });
    return { stepFrames: { [step.id]: frame.id }, groups: [] };
  },
};

/** A break: one unnumbered step, nothing on the board (P-NUM-2). */
export const breakTemplate: TemplateDefinition = {
  id: 'break',
  version: 1,
  title: { fr: 'Pause', en: 'Break' },
  description: {
    fr: 'Une pause, un déjeuner ou un moment convivial : le temps est compté, l’étape n’est pas numérotée. 15 minutes.',
    en: 'A break, lunch or an informal moment: the time is kept, the step is not numbered. 15 minutes.',
  },
  steps: [
    {
      id: 'break',
      kind: StepKind.break,
      durationMs: minutes(15),
      title: { fr: 'Pause', en: 'Break' },
      instructions: { fr: 'Pause : retour à l’heure indiquée.', en: 'Break: back at the time shown.' },
    },
  ],
  ...plenaryOnly,
  layout: () => ({ stepFrames: {}, groups: [] }),
};

const FEEDBACK_COLUMNS = [
  { fr: 'Ce qui m’est utile', en: 'What helps me', color: 'light-green' },
  { fr: 'Ce qui manque', en: 'What is missing', color: 'orange' },
  { fr: 'Propositions', en: 'Proposals', color: 'light-blue' },
] as const;

/** Feedback on what was presented: three columns of sticky notes. */
export const feedbackWallTemplate: TemplateDefinition = {
  id: 'feedback-wall',
  version: 2,
  title: { fr: 'Mur de retours', en: 'Feedback wall' },
  description: {
    fr: 'Les retours de chacun sur des ressources, un outil ou une journée, en trois colonnes : ce qui est utile, ce qui manque, les propositions. 20 minutes.',
    en: 'Everyone’s feedback on resources, a tool or a day, in three columns: what helps, what is missing, proposals. 20 minutes.',
  },
  question: { fr: 'Vos retours sur les ressources', en: 'Your feedback on the resources' },
  questionLabel: { fr: 'Sur quoi portent les retours', en: 'What the feedback is about' },
  steps: [
    {
      id: 'feedback',
      kind: StepKind.individual,
      durationMs: minutes(20),
      title: { fr: 'Retours', en: 'Feedback' },
      instructions: {
        fr: 'Un retour par post-it, dans la colonne qui convient. Lisez ceux des autres et complétez.',
        en: 'One piece of feedback per sticky note, in the right column. Read the others’ and add to them.',
      },
    },
  ],
  ...plenaryOnly,
  layout(context) {
    const { draft, locale } = context;
    const step = context.steps[0]!;
    const columnW = 640;
    const columnH = 900;
    const gap = 40;
    const w = 2 * PADDING + FEEDBACK_COLUMNS.length * columnW + (FEEDBACK_COLUMNS.length - 1) * gap;
    const heading = `${context.question ?? this.question![locale]}\n${step.instructions[locale]}`;
    // The columns' names go above them, under the heading (T-NAME-ROOM).
    const top = PADDING + estimateTextHeight(heading, w - 2 * PADDING, 'm') + FRAME_NAME_ROOM;
    const frame = stepFrame(context, step, w, top + columnH + PADDING);
    draft.text({ parentId: frame.id, x: PADDING, y: PADDING, w: w - 2 * PADDING, text: heading, size: 'm' });
    FEEDBACK_COLUMNS.forEach((column, i) => {
      const zone = draft.frame({
        parentId: frame.id,
        x: PADDING + i * (columnW + gap),
        y: top,
        w: columnW,
        h: columnH,
        name: column[locale],
        color: column.color,
      });
      draft.geo({
        parentId: zone.id,
        x: 10,
        y: 10,
        w: columnW - 20,
        h: 90,
        text: column[locale],
        size: 'm',
        color: column.color,
        fill: 'semi',
        meta: zoneMeta({ kind: ZoneKind.instructions }),
      });
    });
    return { stepFrames: { [step.id]: frame.id }, groups: [] };
  },
};
