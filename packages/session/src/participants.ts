// Who is in the session (SPEC S-PART-*). The server calls these on connect and disconnect; clients
// cannot: only `profile.set` is a command, and `participant.remove` the facilitator's.
import { ErrorCode, SessionLimits } from '@atelier/protocol';
import type {
  Participant,
  PastParticipant,
  SessionCommandOf,
  SessionRole,
  SessionState,
} from '@atelier/protocol';
import { placeLateJoiner } from './group-commands';
import { withoutKey } from './own';
import { accept, refuse } from './result';
import type { ApplyResult, CommandContext } from './result';
import { revise } from './revise';
import { appendLog } from './session-log';
import { dotsUsed } from './vote-commands';

export type NewParticipant = Pick<Participant, 'userId' | 'name' | 'lab' | 'role'>;

/** How a board's live list is kept (the server reads it from its configuration). */
export interface ParticipantPolicy {
  /** People in the live list at most, at most `SessionLimits.maxParticipants`. */
  maxParticipants: number;
  /** How long someone who left stays in the live list before moving to the past roster. */
  leaversKeptMs: number;
}

export const defaultParticipantPolicy: ParticipantPolicy = {
  maxParticipants: SessionLimits.maxParticipants,
  leaversKeptMs: 10 * 60 * 1000,
};

/** Whether someone may join, and whether the board has never seen them (S-PART-7). */
export type Admission =
  | { ok: true; newcomer: boolean }
  | { ok: false; code: typeof ErrorCode.removed | typeof ErrorCode.sessionFull; message: string };

export function admission(
  state: SessionState,
  person: { userId: string; role: SessionRole },
  policy: ParticipantPolicy = defaultParticipantPolicy,
): Admission {
  if (person.role !== 'facilitator' && state.removedUserIds?.includes(person.userId)) {
    return { ok: false, code: ErrorCode.removed, message: 'the facilitator removed you from this board' };
  }
  if (state.participants.some((other) => other.userId === person.userId))
    return { ok: true, newcomer: false };
  const connected = state.participants.filter((other) => other.connected).length;
  if (connected >= policy.maxParticipants) return full(policy);
  return {
    ok: true,
    newcomer: !state.pastParticipants?.some((other) => other.userId === person.userId),
  };
}

function full(policy: ParticipantPolicy) {
  return {
    ok: false as const,
    code: ErrorCode.sessionFull,
    message: `this board already has ${policy.maxParticipants} people connected`,
  };
}

function toPast(person: Participant, now: number): PastParticipant {
  const { connected: _connected, leftAt, ...rest } = person;
  return { ...rest, leftAt: leftAt ?? now };
}

/** The roster with `moved` added (replacing earlier entries of the same people), oldest dropped past the cap. */
function withPast(past: readonly PastParticipant[] | undefined, moved: readonly PastParticipant[]) {
  if (moved.length === 0) return past ? [...past] : [];
  const movedIds = new Set(moved.map((person) => person.userId));
  const next = [...(past ?? []).filter((person) => !movedIds.has(person.userId)), ...moved];
  return next.slice(-SessionLimits.maxPastParticipants);
}

/** Leavers gone longer than the policy keeps them move to the past roster (S-PART-5). */
function pruneLeavers(
  state: SessionState,
  now: number,
  policy: ParticipantPolicy,
): { participants: Participant[]; pastParticipants: PastParticipant[] } {
  const stale = (person: Participant) =>
    !person.connected && now - (person.leftAt ?? now) >= policy.leaversKeptMs;
  const moved = state.participants.filter(stale).map((person) => toPast(person, now));
  return {
    participants: moved.length ? state.participants.filter((person) => !stale(person)) : state.participants,
    pastParticipants: withPast(state.pastParticipants, moved),
  };
}

/**
 * Adds someone, or marks them connected again with their new name, lab and role (S-PART-1); a full
 * list makes room by moving its longest-gone leavers to the roster (S-PART-6); someone back from the
 * roster keeps their group (S-PART-5); a removed person is refused (S-PART-8).
 */
export function addParticipant(
  state: SessionState,
  newcomer: NewParticipant,
  now: number,
  policy: ParticipantPolicy = defaultParticipantPolicy,
): ApplyResult {
  const admitted = admission(state, newcomer, policy);
  if (!admitted.ok) return refuse(admitted.code, admitted.message);
  let { participants, pastParticipants } = pruneLeavers(state, now, policy);
  const existing = participants.find((person) => person.userId === newcomer.userId);
  if (!existing) {
    const leavers = participants
      .filter((person) => !person.connected)
      .sort((a, b) => (a.leftAt ?? 0) - (b.leftAt ?? 0));
    const excess = participants.length + 1 - policy.maxParticipants;
    if (excess > leavers.length) {
      const refusal = full(policy);
      return refuse(refusal.code, refusal.message);
    }
    if (excess > 0) {
      const evicted = new Set(leavers.slice(0, excess).map((person) => person.userId));
      pastParticipants = withPast(
        pastParticipants,
        participants.filter((person) => evicted.has(person.userId)).map((person) => toPast(person, now)),
      );
      participants = participants.filter((person) => !evicted.has(person.userId));
    }
  }
  const returning = pastParticipants.find((person) => person.userId === newcomer.userId);
  const groupId =
    existing?.groupId ??
    (state.groups?.list.some((group) => group.id === returning?.groupId) ? returning?.groupId : undefined);
  // Someone who erased their name stays anonymous, whatever their browser sends later (S-PART-9).
  const erasedName = existing?.erased ? existing.name : returning?.erased ? returning.name : undefined;
  const person: Participant = {
    userId: newcomer.userId,
    name: erasedName ?? newcomer.name,
    role: newcomer.role,
    connected: true,
  };
  if (erasedName !== undefined) person.erased = true;
  if (newcomer.lab) person.lab = newcomer.lab;
  if (groupId !== undefined) person.groupId = groupId;
  const next: SessionState = {
    ...state,
    participants: existing
      ? participants.map((other) => (other.userId === newcomer.userId ? person : other))
      : [...participants, person],
  };
  if (state.pastParticipants !== undefined || pastParticipants.length > 0) {
    next.pastParticipants = returning
      ? pastParticipants.filter((other) => other.userId !== newcomer.userId)
      : pastParticipants;
  }
  return accept(revise(state, placeLateJoiner(next, newcomer.userId), now));
}

/**
 * A disconnected person keeps their group and dots, and when they left; reconnecting may place them
 * in a group (S-PART-2). Leavers kept past the policy's time move to the roster (S-PART-5).
 */
export function setParticipantConnected(
  state: SessionState,
  userId: string,
  connected: boolean,
  now: number,
  policy: ParticipantPolicy = defaultParticipantPolicy,
): SessionState {
  const person = state.participants.find((candidate) => candidate.userId === userId);
  if (!person || person.connected === connected) return state;
  const updated: Participant = { ...person, connected };
  if (connected) delete updated.leftAt;
  else updated.leftAt = now;
  const changed = {
    ...state,
    participants: state.participants.map((other) => (other.userId === userId ? updated : other)),
  };
  const pruned = pruneLeavers(changed, now, policy);
  const next: SessionState = { ...changed, participants: pruned.participants };
  if (pruned.pastParticipants.length > 0) next.pastParticipants = pruned.pastParticipants;
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

/**
 * The facilitator takes someone off the board: out of the live list and the roster, their dots out
 * of the open vote, their user id refused from then on; logged with their name (S-PART-8).
 */
export function participantRemove(
  state: SessionState,
  command: SessionCommandOf<'participant.remove'>,
  ctx: CommandContext,
): ApplyResult {
  const { userId } = command;
  const person =
    state.participants.find((candidate) => candidate.userId === userId) ??
    state.pastParticipants?.find((candidate) => candidate.userId === userId);
  if (!person) return refuse(ErrorCode.badRequest, 'nobody with this id is in the session');
  if (person.role === 'facilitator') return refuse(ErrorCode.forbidden, 'a facilitator cannot be removed');
  let vote = state.vote;
  let dots = 0;
  if (vote?.status === 'open' && Object.hasOwn(vote.ballots, userId)) {
    dots = dotsUsed(vote.ballots[userId]);
    vote = { ...vote, ballots: withoutKey(vote.ballots, userId) };
  }
  const next: SessionState = {
    ...state,
    participants: state.participants.filter((candidate) => candidate.userId !== userId),
    vote,
    camera: {
      ...state.camera,
      follow: state.camera.follow?.userId === userId ? null : state.camera.follow,
    },
    removedUserIds: [...(state.removedUserIds ?? []), userId].slice(-SessionLimits.maxRemovedPeople),
    log: appendLog(state.log, [
      { type: 'participant.removed', at: ctx.now, by: ctx.actor.userId, userId, name: person.name, dots },
    ]),
  };
  if (state.pastParticipants) {
    next.pastParticipants = state.pastParticipants.filter((candidate) => candidate.userId !== userId);
  }
  return accept(next);
}

/** The name an erased person is shown under: the first free "Participant N" (S-PART-9). */
export function anonymousName(participants: readonly { name: string; erased?: boolean }[]): string {
  const taken = new Set(participants.map((person) => person.name));
  let number = participants.filter((person) => person.erased).length + 1;
  while (taken.has(`Participant ${number}`)) number += 1;
  return `Participant ${number}`;
}

/**
 * Erases the sender's name from the board: they become "Participant N" for good, their lab and
 * notes stay (S-PART-9). The log names only people the facilitator removed, who cannot send this.
 */
export function profileErase(state: SessionState, ctx: CommandContext): ApplyResult {
  const person = state.participants.find((candidate) => candidate.userId === ctx.actor.userId);
  if (!person) return refuse(ErrorCode.badRequest, 'You are not in this session.');
  if (person.erased) return accept(state);
  const everyone = [...state.participants, ...(state.pastParticipants ?? [])];
  const erased: Participant = { ...person, name: anonymousName(everyone), erased: true };
  return accept({
    ...state,
    participants: state.participants.map((other) => (other.userId === person.userId ? erased : other)),
  });
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
  // An erased name stays erased (S-PART-9).
  const updated: Participant = { ...rest, name: person.erased ? person.name : command.name };
  if (command.lab) updated.lab = command.lab;
  return accept({
    ...state,
    participants: state.participants.map((other) => (other.userId === person.userId ? updated : other)),
  });
}
