// How people appear in an export, as the person exporting chose: full names, first names with
// their lab, or labs only (the default: a report published as it is then names nobody).
import { NameDisplay, type Participant } from '@atelier/protocol';

/** "Jean-Luc Moreau" → "Jean-Luc"; a single word stays whole. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export interface PersonNamer {
  readonly display: NameDisplay;
  /** How a participant is named; '' when the choice leaves nothing to show (labs only, no lab). */
  person(person: Pick<Participant, 'name' | 'lab'>): string;
  /** An author known only by a name written on a note (no lab known). */
  writtenName(name: string): string;
}

export function personNamer(display: NameDisplay): PersonNamer {
  return {
    display,
    person({ name, lab }) {
      const trimmedLab = lab?.trim() ?? '';
      switch (display) {
        case NameDisplay.full:
          return name.trim();
        case NameDisplay.firstNameAndLab: {
          const first = firstNameOf(name);
          return trimmedLab ? `${first} (${trimmedLab})` : first;
        }
        case NameDisplay.labOnly:
          return trimmedLab;
      }
    },
    writtenName(name) {
      switch (display) {
        case NameDisplay.full:
          return name.trim();
        case NameDisplay.firstNameAndLab:
          return firstNameOf(name);
        case NameDisplay.labOnly:
          return '';
      }
    },
  };
}
