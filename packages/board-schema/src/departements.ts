import type { AcademieCode } from './academies';
import { departementsData } from './departements-data';

/** A département and the académie it belongs to. */
export interface Departement {
  /** INSEE code: "01"…"95", "2A", "2B", "971"…"976". */
  readonly code: string;
  readonly name: string;
  readonly academie: AcademieCode;
}

/** The 101 départements (96 metropolitan, 5 overseas), by code. */
export const departements: readonly Departement[] = departementsData;

/** The départements of an académie (none for a vice-rectorat). */
export function departementsOf(academie: AcademieCode): Departement[] {
  return departements.filter((d) => d.academie === academie);
}
