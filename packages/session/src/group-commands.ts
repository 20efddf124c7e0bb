// Breakout groups (SPEC S-GROUP-*): balanced random split or self-chosen, each tied to a frame.
import { ErrorCode } from '@atelier/protocol';
import type { Group, Participant, SessionCommandOf, SessionState } from '@atelier/protocol';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { appendLog } from './session-log';
import { withUndo } from './undo';

/** Fisher–Yates with the injected random source, so a seed replays the same split. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Connected participants (facilitators excluded) dealt in turn after a shuffle: sizes differ by at most one. */
export function balancedAssignment(
  participants: readonly Participant[],
  groups: readonly Group[],
  random: () => number,
): Map<string, string> {
  const people = participants
    .filter((person) => person.role === 'participant' && person.connected)
    .map((person) => person.userId)
    .sort();
  const assignment = new Map<string, string>();
  shuffle(people, random).forEach((userId, index) => {
    const group = groups[index % groups.length];
    if (group) assignment.set(userId, group.id);
  });
  return assignment;
}

export function groupsSplit(
  state: SessionState,
  command: SessionCommandOf<'groups.split'>,
  ctx: CommandContext,
): ApplyResult {
  const list: Group[] = Array.from({ length: command.count }, (_, index) => {
    const group: Group = { id: `g${index + 1}`, name: command.names?.[index] ?? `Groupe ${index + 1}` };
    const frameId = command.frameIds?.[index];
    if (frameId) group.frameId = frameId;
    return group;
  });
  const assignment =
    command.mode === 'balanced'
      ? balancedAssignment(state.participants, list, ctx.random)
      : new Map<string, string>();
  const participants = state.participants.map((person) => withGroup(person, assignment.get(person.userId)));
  return accept({
    ...state,
    groups: { mode: command.mode, list },
    participants,
    log: appendLog(state.log, [
      { type: 'groups.split', at: ctx.now, by: ctx.actor.userId, mode: command.mode, count: command.count },
    ]),
  });
}

function withGroup(person: Participant, groupId: string | undefined): Participant {
  if (groupId !== undefined) return { ...person, groupId };
  const { groupId: _dropped, ...rest } = person;
  return rest;
}

function setGroup(state: SessionState, userId: string, groupId: string): SessionState {
  return {
    ...state,
    participants: state.participants.map((person) =>
      person.userId === userId ? { ...person, groupId } : person,
    ),
  };
}

function findGroup(state: SessionState, groupId: string): ApplyResult | undefined {
  if (!state.groups) return refuse(ErrorCode.conflict, 'There are no groups.');
  if (!state.groups.list.some((group) => group.id === groupId)) {
    return refuse(ErrorCode.badRequest, `Unknown group "${groupId}".`);
  }
  return undefined;
}

export function groupsMove(state: SessionState, command: SessionCommandOf<'groups.move'>): ApplyResult {
  const problem = findGroup(state, command.groupId);
  if (problem) return problem;
  if (!state.participants.some((person) => person.userId === command.userId)) {
    return refuse(ErrorCode.badRequest, `Unknown participant "${command.userId}".`);
  }
  return accept(setGroup(state, command.userId, command.groupId));
}

export function groupsChoose(
  state: SessionState,
  command: SessionCommandOf<'groups.choose'>,
  ctx: CommandContext,
): ApplyResult {
  if (state.groups?.mode === 'balanced') {
    return refuse(ErrorCode.forbidden, 'Groups are assigned by the facilitator.');
  }
  const problem = findGroup(state, command.groupId);
  if (problem) return problem;
  if (!state.participants.some((person) => person.userId === ctx.actor.userId)) {
    return refuse(ErrorCode.badRequest, 'You are not in this session.');
  }
  return accept(setGroup(state, ctx.actor.userId, command.groupId));
}

export function groupsClear(state: SessionState, ctx: CommandContext): ApplyResult {
  if (!state.groups) return refuse(ErrorCode.conflict, 'There are no groups.');
  const cleared: SessionState = {
    ...state,
    groups: null,
    participants: state.participants.map((person) => withGroup(person, undefined)),
    log: appendLog(state.log, [{ type: 'groups.cleared', at: ctx.now, by: ctx.actor.userId }]),
  };
  return accept(withUndo(state, cleared, 'groups.clear', ctx));
}

/**
 * A participant who arrives (or comes back) without a group while groups are balanced joins the
 * smallest one, the first of equals (S-GROUP-5).
 */
export function placeLateJoiner(state: SessionState, userId: string): SessionState {
  const person = state.participants.find((candidate) => candidate.userId === userId);
  if (!person || person.role !== 'participant' || person.groupId !== undefined) return state;
  if (state.groups?.mode !== 'balanced' || state.groups.list.length === 0) return state;
  const sizes = new Map(state.groups.list.map((group) => [group.id, 0]));
  for (const member of state.participants) {
    if (member.groupId !== undefined && sizes.has(member.groupId)) {
      sizes.set(member.groupId, (sizes.get(member.groupId) ?? 0) + 1);
    }
  }
  let smallest = state.groups.list[0]?.id ?? '';
  for (const [groupId, size] of sizes) {
    if (size < (sizes.get(smallest) ?? 0)) smallest = groupId;
  }
  return setGroup(state, userId, smallest);
}
