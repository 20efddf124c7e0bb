// The facilitator's view of the room during the current step (SPEC S-ROOM-4): per group and per
// person, connected or not, notes written, dots left, help asked, and who has not contributed yet.
// Computed from the state the facilitator receives and the board's notes counted by author.
import type { PublicSessionState } from '@atelier/protocol';

export interface PersonOverview {
  userId: string;
  name: string;
  lab?: string;
  connected: boolean;
  groupId?: string;
  /** Notes on the board in the current step's frame, by this author. */
  boardNotes: number;
  /** Notes written privately at this step, unrevealed or revealed (counts only, never the texts). */
  privateNotes: number;
  /** Dots left in the open vote; null when no vote is open or the vote is anonymous. */
  dotsLeft: number | null;
  /** They asked for help (for themselves or their group). */
  helpAsked: boolean;
  /** At least one note (board or private) or one dot in the open vote. */
  contributed: boolean;
}

export interface GroupOverview {
  id: string;
  name: string;
  frameId?: string;
  people: PersonOverview[];
  connected: number;
  notes: number;
  /** The open request for this group, or for one of its people, oldest first. */
  helpRequestId?: string;
}

export interface RoomOverview {
  groups: GroupOverview[];
  /** Participants in no group (all of them when there are no groups). */
  ungrouped: PersonOverview[];
  /** Connected participants who have not contributed yet, by name. */
  notYetContributed: PersonOverview[];
  totals: { participants: number; connected: number; notes: number; contributed: number };
}

/** Notes on the board in the current step's frame, per author's user id. */
export type NoteCounts = Readonly<Record<string, number>>;

const countOf = (counts: NoteCounts | undefined, userId: string): number =>
  counts && Object.hasOwn(counts, userId) ? (counts[userId] ?? 0) : 0;

/**
 * S-ROOM-4: only participants (not facilitators) are counted. Dots left come from the facilitator's
 * view of an open, named vote: a voter absent from it has every dot left. Groups keep their order;
 * people within a group and those not yet contributing are sorted by name (French collation).
 */
export function roomOverview(state: PublicSessionState, boardNotes: NoteCounts): RoomOverview {
  const vote = state.vote;
  const openVote = vote && vote.status === 'open' && vote.dotsLeftByUser ? vote : null;
  const privateCounts = state.privateNotes?.counts;
  const revealedCounts = state.privateNotes?.revealedCounts;
  const requests = state.helpRequests ?? [];
  const byName = (a: PersonOverview, b: PersonOverview) => a.name.localeCompare(b.name, 'fr');

  const people: PersonOverview[] = state.participants
    .filter((person) => person.role === 'participant')
    .map((person) => {
      const onBoard = countOf(boardNotes, person.userId);
      const held = countOf(privateCounts, person.userId) + countOf(revealedCounts, person.userId);
      const dotsLeft = openVote
        ? Object.hasOwn(openVote.dotsLeftByUser!, person.userId)
          ? openVote.dotsLeftByUser![person.userId]!
          : openVote.dotsPerPerson
        : null;
      const voted = openVote !== null && dotsLeft !== null && dotsLeft < openVote.dotsPerPerson;
      return {
        userId: person.userId,
        name: person.name,
        ...(person.lab ? { lab: person.lab } : {}),
        connected: person.connected,
        ...(person.groupId ? { groupId: person.groupId } : {}),
        boardNotes: onBoard,
        privateNotes: held,
        dotsLeft,
        helpAsked: requests.some(
          (request) =>
            request.userId === person.userId ||
            (request.groupId !== undefined && request.groupId === person.groupId),
        ),
        contributed: onBoard + held > 0 || voted,
      };
    });

  const groupIds = new Set(state.groups?.list.map((group) => group.id) ?? []);
  const groups: GroupOverview[] = (state.groups?.list ?? []).map((group) => {
    const members = people.filter((person) => person.groupId === group.id).sort(byName);
    const memberIds = new Set(members.map((person) => person.userId));
    const request = requests.find(
      (candidate) => candidate.groupId === group.id || memberIds.has(candidate.userId),
    );
    return {
      id: group.id,
      name: group.name,
      ...(group.frameId ? { frameId: group.frameId } : {}),
      people: members,
      connected: members.filter((person) => person.connected).length,
      notes: members.reduce((sum, person) => sum + person.boardNotes + person.privateNotes, 0),
      ...(request ? { helpRequestId: request.id } : {}),
    };
  });
  const ungrouped = people
    .filter((person) => person.groupId === undefined || !groupIds.has(person.groupId))
    .sort(byName);
  return {
    groups,
    ungrouped,
    notYetContributed: people.filter((person) => person.connected && !person.contributed).sort(byName),
    totals: {
      participants: people.length,
      connected: people.filter((person) => person.connected).length,
      notes: people.reduce((sum, person) => sum + person.boardNotes + person.privateNotes, 0),
      contributed: people.filter((person) => person.contributed).length,
    },
  };
}
