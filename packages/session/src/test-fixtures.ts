// Builders shared by the tests. Every state handed to `act` is deep-frozen first, so any test
// also checks that the engine never mutates its input (S-AUTH-3).
import type { SessionCommand, SessionState, Step } from '@atelier/protocol';
import { apply } from './apply';
import { createSession } from './create-session';
import { addParticipant } from './participants';
import type { NewParticipant } from './participants';
import type { Actor, ApplyResult } from './result';
import type { SectionBuilder } from './section-commands';

export const T0 = 1_750_000_000_000;
export const MIN = 60_000;

export const facilitator: Actor = { userId: 'fac', role: 'facilitator' };
export const alice: Actor = { userId: 'alice', role: 'participant' };
export const bob: Actor = { userId: 'bob', role: 'participant' };

export function makeStep(id: string, durationMs: number, extra: Partial<Step> = {}): Step {
  return {
    id,
    title: { fr: `Étape ${id}`, en: `Step ${id}` },
    instructions: { fr: `Consignes ${id}`, en: `Instructions ${id}` },
    durationMs,
    kind: 'plenary',
    ...extra,
  };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function expectOk(result: ApplyResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result.state;
}

/** `apply` on a frozen copy of the state. */
/** A section builder for tests: one 20-minute step per section (`<id>.talk`); `unknown` is no template. */
export const testSectionBuilder: SectionBuilder = (request, sectionId) =>
  request.template === 'unknown'
    ? null
    : {
        section: {
          id: sectionId,
          template: request.template,
          title: { fr: request.template, en: request.template },
          ...(request.startsAt ? { startsAt: request.startsAt } : {}),
        },
        steps: [makeStep(`${sectionId}.talk`, 20 * MIN, { sectionId })],
      };

/** The state as a programme: each section (id, planned start) holding the steps named, in that order. */
export function asProgramme(
  state: SessionState,
  sections: { id: string; stepIds: string[]; startsAt?: string }[],
): SessionState {
  const sectionOf = new Map(sections.flatMap((s) => s.stepIds.map((stepId) => [stepId, s.id] as const)));
  return {
    ...state,
    steps: state.steps.map((step) => {
      const sectionId = sectionOf.get(step.id);
      return sectionId ? { ...step, sectionId } : step;
    }),
    sections: sections.map((s) => ({
      id: s.id,
      template: 'talk',
      title: { fr: s.id, en: s.id },
      ...(s.startsAt ? { startsAt: s.startsAt } : {}),
    })),
  };
}

export function act(
  state: SessionState,
  command: SessionCommand,
  actor: Actor = facilitator,
  now = T0,
  random?: () => number,
): ApplyResult {
  // Through JSON, as a stored state would come back.
  return apply(deepFreeze(JSON.parse(JSON.stringify(state)) as SessionState), command, actor, now, random, {
    buildSection: testSectionBuilder,
  });
}

/** Like `act`, but the command must be accepted. */
export function run(
  state: SessionState,
  command: SessionCommand,
  actor: Actor = facilitator,
  now = T0,
  random?: () => number,
): SessionState {
  return expectOk(act(state, command, actor, now, random));
}

export function person(userId: string, role: Actor['role'] = 'participant'): NewParticipant {
  return { userId, name: userId.toUpperCase(), role };
}

/** Three steps of 10, 5 and 20 minutes, with the facilitator, alice and bob connected. */
export function workshop(
  steps: Step[] = [makeStep('a', 10 * MIN), makeStep('b', 5 * MIN), makeStep('c', 20 * MIN)],
) {
  let state = createSession({ steps, now: T0 - MIN });
  for (const newcomer of [person('fac', 'facilitator'), person('alice'), person('bob')]) {
    state = expectOk(addParticipant(state, newcomer, T0 - MIN));
  }
  return state;
}
