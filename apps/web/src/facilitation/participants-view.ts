// Who is here, sorted the way a facilitator looks for people: by group, or by lab.
import type { Group, Participant, PublicSessionState } from '@atelier/protocol';

export const SectionKind = {
  facilitators: 'facilitators',
  group: 'group',
  noGroup: 'no-group',
  lab: 'lab',
  noLab: 'no-lab',
} as const;
export type SectionKind = (typeof SectionKind)[keyof typeof SectionKind];

export interface ParticipantSection {
  key: string;
  kind: SectionKind;
  /** The group's or the lab's name; none for the other kinds. */
  name?: string;
  groupId?: string;
  /** Connected people first, then by name. */
  people: Participant[];
  connected: number;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

function byPresenceThenName(a: Participant, b: Participant): number {
  if (a.connected !== b.connected) return a.connected ? -1 : 1;
  return collator.compare(a.name, b.name) || a.userId.localeCompare(b.userId);
}

function section(
  key: string,
  kind: SectionKind,
  people: Participant[],
  extra: Partial<ParticipantSection> = {},
): ParticipantSection {
  return {
    key,
    kind,
    ...extra,
    people: [...people].sort(byPresenceThenName),
    connected: people.filter((person) => person.connected).length,
  };
}

/** Facilitators, then each group in order (even empty ones, to move people in), then the rest. */
export function sectionsByGroup(
  participants: readonly Participant[],
  groups: readonly Group[] | null,
): ParticipantSection[] {
  const facilitators = participants.filter((person) => person.role === 'facilitator');
  const others = participants.filter((person) => person.role !== 'facilitator');
  const sections: ParticipantSection[] = [];
  if (facilitators.length > 0) sections.push(section('facilitators', SectionKind.facilitators, facilitators));
  const known = new Set((groups ?? []).map((group) => group.id));
  for (const group of groups ?? []) {
    sections.push(
      section(
        `group:${group.id}`,
        SectionKind.group,
        others.filter((person) => person.groupId === group.id),
        { name: group.name, groupId: group.id },
      ),
    );
  }
  const rest = others.filter((person) => person.groupId === undefined || !known.has(person.groupId));
  if (rest.length > 0) sections.push(section('no-group', SectionKind.noGroup, rest));
  return sections;
}

/** One section per lab (as typed, trimmed, case-insensitive), alphabetical; people without a lab last. */
export function sectionsByLab(participants: readonly Participant[]): ParticipantSection[] {
  const labs = new Map<string, { name: string; people: Participant[] }>();
  const noLab: Participant[] = [];
  for (const person of participants) {
    const lab = person.lab?.trim();
    if (!lab) {
      noLab.push(person);
      continue;
    }
    const key = lab.toLocaleLowerCase('fr');
    const entry = labs.get(key) ?? { name: lab, people: [] };
    entry.people.push(person);
    labs.set(key, entry);
  }
  const sections = [...labs.entries()]
    .sort(([, a], [, b]) => collator.compare(a.name, b.name))
    .map(([key, { name, people }]) => section(`lab:${key}`, SectionKind.lab, people, { name }));
  if (noLab.length > 0) sections.push(section('no-lab', SectionKind.noLab, noLab));
  return sections;
}

export interface PresenceSummary {
  connected: number;
  total: number;
  /** Distinct labs among the connected people. */
  labs: number;
}

export function presenceSummary(participants: readonly Participant[]): PresenceSummary {
  const connected = participants.filter((person) => person.connected);
  const labs = new Set(
    connected.map((person) => person.lab?.trim().toLocaleLowerCase('fr')).filter((lab) => !!lab),
  );
  return { connected: connected.length, total: participants.length, labs: labs.size };
}

/** The person's group, if groups are on and they are in one. */
export function groupOf(session: Pick<PublicSessionState, 'groups' | 'participants'>, userId: string) {
  const groupId = session.participants.find((person) => person.userId === userId)?.groupId;
  const list = session.groups?.list ?? [];
  const index = list.findIndex((group) => group.id === groupId);
  const group = list[index];
  return group ? { group, number: index + 1 } : null;
}
