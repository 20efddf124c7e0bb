// Who is in the session (SPEC S-PART-*). The server calls these on connect and disconnect; clients
// cannot: only `profile.set` is a command.
import { ErrorCode, SessionLimits } from '@atelier/protocol';
import type { Participant, SessionCommandOf, SessionState } from '@atelier/protocol';
import { placeLateJoiner } from './group-commands';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { revise } from './revise';

export type NewParticipant = Pick<Participant, 'userId' | 'name' | 'lab' | 'role'>;

/** Adds someone, or marks them connected again with their new name, lab and role (S-PART-1). */
export function addParticipant(state: SessionState, newcomer: NewParticipant, now: number): ApplyResult {
  const existing = state.participants.find((person) => person.userId === newcomer.userId);
  if (!existing && state.participants.length >= SessionLimits.maxParticipants) {
    return refuse(
      ErrorCode.limitExceeded,
      `A session holds at most ${SessionLimits.maxParticipants} people.`,
    );
  }
  const person: Participant = {
    userId: newcomer.userId,
    name: newcomer.name,
    role: newcomer.role,
    connected: true,
  };
  if (newcomer.lab) person.lab = newcomer.lab;
  if (existing?.groupId !== undefined) person.groupId = existing.groupId;
  const participants = existing
    ? state.participants.map((other) => (other.userId === newcomer.userId ? person : other))
    : [...state.participants, person];
  return accept(revise(state, placeLateJoiner({ ...state, participants }, newcomer.userId), now));
}

/** A disconnected person keeps their group and dots; reconnecting may place them in a group (S-PART-2). */
export function setParticipantConnected(
  state: SessionState,
  userId: string,
  connected: boolean,
  now: number,
): SessionState {
  const person = state.participants.find((candidate) => candidate.userId === userId);
  if (!person || person.connected === connected) return state;
  const next = {
    ...state,
    participants: state.participants.map((other) =>
      other.userId === userId ? { ...other, connected } : other,
    ),
  };
  return revise(state, connected ? placeLateJoiner(next, userId) : next, now);
}

/** Forgets someone who left for good; dots already cast stay counted; following them stops (S-PART-3). */
export function removeParticipant(state: SessionState, userId: string, now: number): SessionState {
  if (!state.participants.some((person) => person.userId === userId)) return state;
  const follow = state.camera.follow?.userId === userId ? null : state.camera.follow;
  return revise(
    state,
    {
      ...state,
      participants: state.participants.filter((person) => person.userId !== userId),
      camera: { ...state.camera, follow },
    },
    now,
  );
}

/** Sets the sender's own name and lab; an omitted lab is cleared (S-PART-4). */
export function profileSet(
  state: SessionState,
  command: SessionCommandOf<'profile.set'>,
  ctx: CommandContext,
): ApplyResult {
  const person = state.participants.find((candidate) => candidate.userId === ctx.actor.userId);
  if (!person) return refuse(ErrorCode.badRequest, 'You are not in this session.');
  const { lab: _previousLab, ...rest } = person;
  const updated: Participant = { ...rest, name: command.name };
  if (command.lab) updated.lab = command.lab;
  return accept({
    ...state,
    participants: state.participants.map((other) => (other.userId === person.userId ? updated : other)),
  });
}
