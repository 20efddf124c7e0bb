import type { Group, Participant } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import { groupOf, presenceSummary, sectionsByGroup, sectionsByLab } from './participants-view';

const person = (userId: string, extra: Partial<Participant> = {}): Participant => ({
  userId,
  name: userId,
  role: 'participant',
  connected: true,
  ...extra,
});

const people: Participant[] = [
  person('fac', { name: 'Animatrice', role: 'facilitator', lab: '110 bis' }),
  person('u1', { name: 'Zoé', lab: 'Lab de Lyon', groupId: 'g1' }),
  person('u2', { name: 'Adèle', lab: 'lab de lyon ', groupId: 'g1', connected: false }),
  person('u3', { name: 'Bruno', lab: 'Académie de Nantes', groupId: 'g2' }),
  person('u4', { name: 'Chloé' }),
];
const groups: Group[] = [
  { id: 'g1', name: 'Groupe 1' },
  { id: 'g2', name: 'Groupe 2' },
  { id: 'g3', name: 'Groupe 3' },
];

describe('sectionsByGroup', () => {
  it('lists facilitators, every group (empty ones too) and the people without a group', () => {
    const sections = sectionsByGroup(people, groups);
    expect(sections.map((s) => [s.kind, s.name, s.people.map((p) => p.userId), s.connected])).toEqual([
      ['facilitators', undefined, ['fac'], 1],
      ['group', 'Groupe 1', ['u1', 'u2'], 1],
      ['group', 'Groupe 2', ['u3'], 1],
      ['group', 'Groupe 3', [], 0],
      ['no-group', undefined, ['u4'], 1],
    ]);
  });

  it('puts everyone but facilitators in one section without groups', () => {
    const sections = sectionsByGroup(people, null);
    expect(sections.map((s) => s.kind)).toEqual(['facilitators', 'no-group']);
    // Connected first, then alphabetical.
    expect(sections[1]?.people.map((p) => p.name)).toEqual(['Bruno', 'Chloé', 'Zoé', 'Adèle']);
  });
});

describe('sectionsByLab', () => {
  it('merges labs typed differently and keeps people without a lab last', () => {
    const sections = sectionsByLab(people);
    expect(sections.map((s) => [s.name, s.people.length])).toEqual([
      ['110 bis', 1],
      ['Académie de Nantes', 1],
      ['Lab de Lyon', 2],
      [undefined, 1],
    ]);
  });
});

describe('presenceSummary', () => {
  it('counts connected people and their distinct labs', () => {
    expect(presenceSummary(people)).toEqual({ connected: 4, total: 5, labs: 3 });
  });
});

describe('groupOf', () => {
  it('gives the person’s group and its 1-based number', () => {
    const session = { groups: { mode: 'balanced' as const, list: groups }, participants: people };
    expect(groupOf(session, 'u3')).toEqual({ group: groups[1], number: 2 });
    expect(groupOf(session, 'u4')).toBeNull();
    expect(groupOf({ groups: null, participants: people }, 'u1')).toBeNull();
  });
});
