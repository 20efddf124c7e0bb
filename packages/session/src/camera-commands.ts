// "Bring everyone here" and "follow me" (SPEC S-CAM-*): the session only says where; the canvas moves.
import { ErrorCode } from '@atelier/protocol';
import type { SessionCommandOf, SessionState, Summon } from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { currentStep } from './step-commands';

export function cameraSummon(
  state: SessionState,
  command: SessionCommandOf<'camera.summon'>,
  ctx: CommandContext,
): ApplyResult {
  // Without a target, everyone goes to the current step's frame.
  const frameId = command.frameId ?? (command.bounds ? undefined : currentStep(state)?.frameId);
  if (frameId === undefined && command.bounds === undefined) {
    return refuse(
      ErrorCode.badRequest,
      'Nowhere to bring people: give a frame or an area, or tie the step to a frame.',
    );
  }
  // Revisions never repeat, so a client can tell a new summon from one it has already followed.
  const summon: Summon = { seq: state.revision + 1, at: ctx.now, by: ctx.actor.userId };
  if (frameId !== undefined) summon.frameId = frameId;
  if (command.bounds) summon.bounds = { ...command.bounds };
  return accept({ ...state, camera: { ...state.camera, summon } });
}

export function cameraFollowStart(state: SessionState, ctx: CommandContext): ApplyResult {
  if (state.camera.follow?.userId === ctx.actor.userId) return accept(state);
  return accept({
    ...state,
    camera: { ...state.camera, follow: { userId: ctx.actor.userId, since: ctx.now } },
  });
}

export function cameraFollowStop(state: SessionState): ApplyResult {
  if (state.camera.follow === null) return accept(state);
  return accept({ ...state, camera: { ...state.camera, follow: null } });
}
