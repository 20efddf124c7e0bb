// A programme's sections on a running board (SPEC S-PROG-*): add one, move or remove one not yet played.
import { ErrorCode, ProgrammeLimits, SessionLimits } from '@atelier/protocol';
import type {
  Locale,
  ProgrammeSection,
  SectionRequest,
  SessionCommandOf,
  SessionState,
  Step,
} from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { appendLog } from './session-log';
import { idleTimer } from './timer';

/**
 * Builds a section's steps from a template (the server hands in `@atelier/templates`' builder: the session
 * knows nothing of templates). The steps' ids start with `sectionId`; null for an unknown template.
 */
export type SectionBuilder = (
  request: SectionRequest,
  sectionId: string,
  locale: Locale,
) => { section: ProgrammeSection; steps: Step[] } | null;

const PLAYED_ENTRIES = new Set(['step.started', 'step.ended', 'step.skipped']);

/**
 * The index of the first section that may still change (S-PROG-2): every section before it holds the
 * current step once the day has started, or a step already run.
 */
export function firstOpenSection(state: SessionState): number {
  const sections = state.sections ?? [];
  const indexOf = (stepId: string | null | undefined) => {
    const sectionId = state.steps.find((step) => step.id === stepId)?.sectionId;
    return sections.findIndex((section) => section.id === sectionId);
  };
  const started = state.stepEntry != null || state.log.some((entry) => entry.type === 'step.started');
  let open = started ? indexOf(state.currentStepId) + 1 : 0;
  for (const entry of state.log) {
    if (PLAYED_ENTRIES.has(entry.type) && 'stepId' in entry) open = Math.max(open, indexOf(entry.stepId) + 1);
  }
  return open;
}

/** The steps regrouped in the sections' order; steps outside any section stay first (S-PROG-3). */
function orderedSteps(steps: readonly Step[], sections: readonly ProgrammeSection[]): Step[] {
  const runs = new Map<string, Step[]>();
  let last = '';
  for (const step of steps) {
    const key = step.sectionId ?? last;
    last = key;
    runs.set(key, [...(runs.get(key) ?? []), step]);
  }
  return [...(runs.get('') ?? []), ...sections.flatMap((section) => runs.get(section.id) ?? [])];
}

/** Before the day starts the first step of the day is current: after a change, it may be another one. */
function withCurrentStep(state: SessionState, steps: Step[]): SessionState {
  const started = state.stepEntry != null;
  const keep = started && steps.some((step) => step.id === state.currentStepId);
  if (keep || (!started && steps[0]?.id === state.currentStepId)) return { ...state, steps };
  const first = steps[0];
  return { ...state, steps, currentStepId: first?.id ?? null, timer: idleTimer(first?.durationMs ?? 0) };
}

function noProgramme(): ApplyResult {
  return refuse(ErrorCode.badRequest, 'This board has no programme: it was made from one template.');
}

function played(): ApplyResult {
  return refuse(ErrorCode.conflict, 'This part of the programme has been played: it cannot change.');
}

/** A new section id: the revision that makes it, so ids never repeat on a board, and a few random letters. */
function newSectionId(state: SessionState, random: () => number): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${(state.revision + 1).toString(36)}${suffix}`.slice(0, 16);
}

/** S-PROG-1, S-PROG-2: a section added at `index` (the end by default), never before a played one. */
export function sectionAdd(
  state: SessionState,
  command: SessionCommandOf<'section.add'>,
  ctx: CommandContext,
  build: SectionBuilder | undefined,
): ApplyResult {
  const sections = state.sections;
  if (!sections || !build) return noProgramme();
  if (sections.length >= ProgrammeLimits.maxSections)
    return refuse(
      ErrorCode.limitExceeded,
      `A programme holds at most ${ProgrammeLimits.maxSections} sections.`,
    );
  const index = command.index ?? sections.length;
  if (index > sections.length) return refuse(ErrorCode.badRequest, 'No such place in the programme.');
  if (index < firstOpenSection(state)) return played();
  const sectionId = newSectionId(state, ctx.random);
  const built = build(command.section, sectionId, state.locale ?? 'fr');
  if (!built) return refuse(ErrorCode.badRequest, `Unknown template "${command.section.template}".`);
  if (state.steps.length + built.steps.length > SessionLimits.maxSteps)
    return refuse(ErrorCode.limitExceeded, `A session holds at most ${SessionLimits.maxSteps} steps.`);
  const nextSections = [...sections.slice(0, index), built.section, ...sections.slice(index)];
  const steps = orderedSteps([...state.steps, ...built.steps], nextSections);
  return accept({
    ...withCurrentStep(state, steps),
    sections: nextSections,
    log: appendLog(state.log, [
      {
        type: 'section.added',
        at: ctx.now,
        by: ctx.actor.userId,
        sectionId,
        template: built.section.template,
      },
    ]),
  });
}

/** S-PROG-2, S-PROG-3: a section not yet played moved among the sections not yet played. */
export function sectionMove(
  state: SessionState,
  command: SessionCommandOf<'section.move'>,
  ctx: CommandContext,
): ApplyResult {
  const sections = state.sections;
  if (!sections) return noProgramme();
  const from = sections.findIndex((section) => section.id === command.sectionId);
  if (from < 0) return refuse(ErrorCode.badRequest, `Unknown section "${command.sectionId}".`);
  if (command.index >= sections.length)
    return refuse(ErrorCode.badRequest, 'No such place in the programme.');
  const open = firstOpenSection(state);
  if (from < open || command.index < open) return played();
  if (from === command.index) return accept(state);
  const rest = sections.filter((section) => section.id !== command.sectionId);
  const nextSections = [...rest.slice(0, command.index), sections[from]!, ...rest.slice(command.index)];
  return accept({
    ...withCurrentStep(state, orderedSteps(state.steps, nextSections)),
    sections: nextSections,
    log: appendLog(state.log, [
      { type: 'section.moved', at: ctx.now, by: ctx.actor.userId, sectionId: command.sectionId },
    ]),
  });
}

/** S-PROG-2, S-PROG-4: a section not yet played removed with its steps (its frames leave the board). */
export function sectionRemove(
  state: SessionState,
  command: SessionCommandOf<'section.remove'>,
  ctx: CommandContext,
): ApplyResult {
  const sections = state.sections;
  if (!sections) return noProgramme();
  const index = sections.findIndex((section) => section.id === command.sectionId);
  if (index < 0) return refuse(ErrorCode.badRequest, `Unknown section "${command.sectionId}".`);
  if (index < firstOpenSection(state)) return played();
  if (sections.length === 1) return refuse(ErrorCode.conflict, 'A programme keeps at least one section.');
  const nextSections = sections.filter((section) => section.id !== command.sectionId);
  const steps = state.steps.filter((step) => step.sectionId !== command.sectionId);
  return accept({
    ...withCurrentStep(state, steps),
    sections: nextSections,
    log: appendLog(state.log, [
      { type: 'section.removed', at: ctx.now, by: ctx.actor.userId, sectionId: command.sectionId },
    ]),
  });
}
