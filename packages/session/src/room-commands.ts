// The room around the work (SPEC S-ROOM-*): "Besoin d'aide" and the facilitator's banner.
import { ErrorCode, SessionLimits } from '@atelier/protocol';
import type { HelpRequest, SessionCommandOf, SessionState } from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';

const requestsOf = (state: SessionState): readonly HelpRequest[] => state.helpRequests ?? [];

function withRequests(state: SessionState, requests: readonly HelpRequest[]): SessionState {
  const { helpRequests: _old, ...rest } = state;
  return requests.length > 0 ? { ...rest, helpRequests: [...requests] } : rest;
}

/**
 * S-ROOM-1: `help.request { forGroup? }` raises the sender's hand, for their group when `forGroup` and
 * they are in one (`conflict` when asked for a group they are not in). One open request per person: asking
 * again with the same scope changes nothing, with another scope replaces it (and it moves to the end).
 * A group already asking for help is not asked for twice (no change).
 */
export function helpRequest(
  state: SessionState,
  command: SessionCommandOf<'help.request'>,
  ctx: CommandContext,
): ApplyResult {
  const me = state.participants.find((person) => person.userId === ctx.actor.userId);
  const groupId = command.forGroup ? me?.groupId : undefined;
  if (command.forGroup && !groupId) return refuse(ErrorCode.conflict, 'You are not in a group.');
  const requests = requestsOf(state);
  const existing = requests.find((request) => request.userId === ctx.actor.userId);
  if (existing && existing.groupId === groupId) return accept(state);
  if (groupId && requests.some((request) => request.groupId === groupId)) return accept(state);
  const request: HelpRequest = {
    id: `help-${state.revision + 1}`,
    userId: ctx.actor.userId,
    ...(groupId ? { groupId } : {}),
    at: ctx.now,
  };
  const others = requests.filter((candidate) => candidate !== existing);
  return accept(withRequests(state, [...others, request].slice(-SessionLimits.maxParticipants)));
}

/** S-ROOM-1: `help.cancel` takes back the sender's request (none: no change). */
export function helpCancel(state: SessionState, ctx: CommandContext): ApplyResult {
  const requests = requestsOf(state);
  const kept = requests.filter((request) => request.userId !== ctx.actor.userId);
  return kept.length === requests.length ? accept(state) : accept(withRequests(state, kept));
}

/** S-ROOM-2: `help.clear { id }` (facilitator) closes a request; an unknown id changes nothing (already cleared). */
export function helpClear(state: SessionState, command: SessionCommandOf<'help.clear'>): ApplyResult {
  const requests = requestsOf(state);
  const kept = requests.filter((request) => request.id !== command.id);
  return kept.length === requests.length ? accept(state) : accept(withRequests(state, kept));
}

/**
 * S-ROOM-3: `banner.set { text }` (facilitator) shows a message to everyone, replacing the one before
 * with a greater `seq` (the revision it is set at); `banner.clear` takes it down (none: no change).
 */
export function bannerSet(
  state: SessionState,
  command: SessionCommandOf<'banner.set'>,
  ctx: CommandContext,
): ApplyResult {
  const text = command.text.trim();
  if (!text) return refuse(ErrorCode.badRequest, 'A message needs some text.');
  // The revision it is set at: greater than any banner before, even after a clear.
  const seq = state.revision + 1;
  return accept({ ...state, banner: { seq, text, at: ctx.now, by: ctx.actor.userId } });
}

export function bannerClear(state: SessionState): ApplyResult {
  if (!state.banner) return accept(state);
  return accept({ ...state, banner: null });
}
