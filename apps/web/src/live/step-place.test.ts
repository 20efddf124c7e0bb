import type { PublicSessionState } from '@atelier/protocol';
import { readZone } from '@atelier/board-schema';
import { buildBoard } from '@atelier/templates';
import type { TLShape } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { currentStep, groupNumberOf, placeFrameIds, placeKey } from './step-place';

function board(template: string, groups?: number) {
  let n = 0;
  return buildBoard(template, {
    locale: 'fr',
    pageId: 'page:page',
    createId: () => `s${n++}`,
    ...(groups ? { groups } : {}),
  });
}

type Session = Pick<
  PublicSessionState,
  'currentStepId' | 'steps' | 'stepEntry' | 'timer' | 'groups' | 'participants'
>;

function session(steps: PublicSessionState['steps'], overrides: Partial<Session> = {}): Session {
  return {
    steps,
    currentStepId: steps[0]?.id ?? null,
    stepEntry: null,
    timer: { status: 'idle', remainingMs: 60_000 },
    groups: null,
    participants: [
      { userId: 'ana', name: 'Ana', role: 'participant', connected: true },
      { userId: 'ben', name: 'Ben', role: 'participant', connected: true },
    ],
    ...overrides,
  };
}

describe('placeFrameIds', () => {
  it("is the step's frame on a plenary board, and nothing at a break", () => {
    const pgo = board('pgo');
    const shapes = pgo.records as TLShape[];
    const themes = pgo.steps.find((step) => step.id === 'themes')!;
    expect(placeFrameIds(shapes, themes, null)).toEqual([themes.frameId]);
    expect(
      placeFrameIds(
        shapes,
        pgo.steps.find((step) => step.id === 'break'),
        null,
      ),
    ).toEqual([]);
  });

  it("is the person's group's zone of the step, found by zone meta", () => {
    const flash = board('codev-flash', 3);
    const shapes = flash.records as TLShape[];
    const ideas = flash.steps.find((step) => step.id === 'ideas')!;
    for (const group of flash.groups)
      expect(placeFrameIds(shapes, ideas, group.group)).toEqual([group.stepFrameIds.ideas]);
  });

  it('is every group’s zone of the step for someone in no group', () => {
    const flash = board('codev-flash', 3);
    const shapes = flash.records as TLShape[];
    const expose = flash.steps[0]!;
    const ids = placeFrameIds(shapes, expose, null);
    expect(ids.sort()).toEqual(flash.groups.map((group) => group.stepFrameIds.expose).sort());
  });
});

describe('groupNumberOf', () => {
  it("reads the group's number from its frame on the board, else its position", () => {
    const flash = board('codev-flash', 3);
    const byId = new Map(flash.records.map((shape) => [shape.id as string, shape]));
    const groups: PublicSessionState['groups'] = {
      mode: 'balanced',
      // Listed in another order than the board's frames.
      list: [
        { id: 'g1', name: 'Groupe A', frameId: flash.groups[2]!.frameId },
        { id: 'g2', name: 'Groupe B' },
      ],
    };
    const state = session(flash.steps, {
      groups,
      participants: [
        { userId: 'ana', name: 'Ana', role: 'participant', connected: true, groupId: 'g1' },
        { userId: 'ben', name: 'Ben', role: 'participant', connected: true, groupId: 'g2' },
        { userId: 'cleo', name: 'Cléo', role: 'facilitator', connected: true },
      ],
    });
    expect(readZone(byId.get(flash.groups[2]!.frameId)!)?.group).toBe(3);
    expect(groupNumberOf(state, 'ana', (id) => byId.get(id))).toBe(3);
    expect(groupNumberOf(state, 'ben', (id) => byId.get(id))).toBe(2);
    expect(groupNumberOf(state, 'cleo', (id) => byId.get(id))).toBeNull();
  });
});

describe('placeKey', () => {
  const steps = board('pgo').steps;
  const start = session(steps);
  const entered = (stepId: string, seq: number): Partial<Session> => ({
    currentStepId: stepId,
    stepEntry: { stepId, seq, at: seq * 1000 },
  });

  it('changes each time the sequence enters a step, even the same one again, and with the group', () => {
    const key = placeKey(start, 'ana');
    // The session starts on its first step.
    const started = placeKey({ ...start, ...entered('intro', 3) }, 'ana');
    expect(started).not.toBe(key);
    const themes = placeKey({ ...start, ...entered('themes', 7) }, 'ana');
    expect(themes).not.toBe(started);
    // "Go to" the step everyone is at: back to it.
    expect(placeKey({ ...start, ...entered('themes', 9) }, 'ana')).not.toBe(themes);
    const grouped = {
      ...start,
      groups: { mode: 'balanced' as const, list: [{ id: 'g1', name: 'Groupe 1' }] },
      participants: start.participants.map((person) => ({ ...person, groupId: 'g1' })),
    };
    expect(placeKey(grouped, 'ana')).not.toBe(key);
  });

  it('stays the same through pauses, ticks and other people’s changes', () => {
    const running = {
      ...start,
      ...entered('themes', 7),
      timer: { status: 'running' as const, remainingMs: 9, endsAt: 9, startedAt: 1 },
    };
    const paused = { ...running, timer: { status: 'paused' as const, remainingMs: 5, startedAt: 1 } };
    expect(placeKey(paused, 'ana')).toBe(placeKey(running, 'ana'));
    const morePeople = {
      ...running,
      participants: [
        ...running.participants,
        { userId: 'dan', name: 'Dan', role: 'participant' as const, connected: true },
      ],
    };
    expect(placeKey(morePeople, 'ana')).toBe(placeKey(running, 'ana'));
  });
});

describe('currentStep', () => {
  it('is the step the session is at', () => {
    const steps = board('pgo').steps;
    expect(currentStep(session(steps, { currentStepId: 'recap' }))?.id).toBe('recap');
    expect(currentStep(session(steps, { currentStepId: null }))).toBeUndefined();
  });
});
