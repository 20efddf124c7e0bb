// Where a person belongs at the current step: their group's zone of the step's frame, or the
// whole step for someone in no group; and what, changing, brings them back there.
import { readZone, ZoneKind } from '@atelier/board-schema';
import type { PublicSessionState, Step } from '@atelier/protocol';
import { frameForGroup } from '@atelier/templates';
import type { TLShape } from 'tldraw';
import { groupOf } from '../facilitation/participants-view';

type Session = Pick<PublicSessionState, 'currentStepId' | 'steps' | 'stepEntry' | 'groups' | 'participants'>;

/**
 * The template's number of the person's group (the group's frame says it, so "Groupe 2" works in
 * the board's group 2 even when groups were renumbered), else its position; null outside groups.
 */
export function groupNumberOf(
  session: Pick<PublicSessionState, 'groups' | 'participants'>,
  me: string,
  shapeById: (id: string) => Pick<TLShape, 'meta'> | undefined,
): number | null {
  const mine = groupOf(session, me);
  if (!mine) return null;
  const frame = mine.group.frameId ? shapeById(mine.group.frameId) : undefined;
  return (frame && readZone(frame)?.group) ?? mine.number;
}

/**
 * The frames that make the person's place at `step`: their group's zone; with groups drawn on the
 * board but the person in none (the facilitator, or before groups are formed), every group's zone
 * of the step; the step's frame otherwise; nothing for a step without a frame (a break).
 */
export function placeFrameIds(
  shapes: readonly TLShape[],
  step: Pick<Step, 'frameId'> | undefined,
  group: number | null,
): string[] {
  const frameId = step?.frameId;
  if (!frameId) return [];
  if (group !== null) return [frameForGroup(shapes, frameId, group)];
  const stepId = readZone(shapes.find((shape) => shape.id === frameId) ?? {})?.stepId;
  if (!stepId) return [frameId];
  const zones = shapes.filter((shape) => {
    const zone = shape.type === 'frame' ? readZone(shape) : null;
    return zone?.kind === ZoneKind.step && zone.stepId === stepId && zone.group !== undefined;
  });
  return zones.length > 1 ? zones.map((zone) => zone.id) : [frameId];
}

export function currentStep(session: Pick<PublicSessionState, 'currentStepId' | 'steps'>): Step | undefined {
  return session.steps.find((step) => step.id === session.currentStepId);
}

/**
 * Changes exactly when the person must be brought (back) to their place: each time the sequence
 * enters a step (the session's `stepEntry`: next, previous, go to, auto-advance, the session
 * starting), and when their group changes. Not on ticks, pauses, votes or presence.
 */
export function placeKey(session: Session, me: string): string {
  const groupId = groupOf(session, me)?.group.id ?? '';
  return JSON.stringify([session.stepEntry?.seq ?? null, session.currentStepId, groupId]);
}
