import { z } from 'zod';
import { academiesData } from './academies-data';

export const AcademieKind = {
  academie: 'academie',
  viceRectorat: 'vice-rectorat',
} as const;
export type AcademieKind = (typeof AcademieKind)[keyof typeof AcademieKind];

export type AcademieCode = (typeof academiesData)[number]['code'];

/** An académie (or a vice-rectorat) with its rectorat's seat city and coordinates (WGS 84 degrees). */
export interface Academie {
  readonly code: AcademieCode;
  readonly name: string;
  /** Région académique; null for the three vice-rectorats, which belong to none. */
  readonly region: string | null;
  readonly seat: string;
  readonly lat: number;
  readonly lon: number;
  readonly kind: AcademieKind;
  /** Outside metropolitan France (Corsica counts as metropolitan). */
  readonly overseas: boolean;
}

/** The 30 académies then the 3 vice-rectorats, in the order of academies.csv. */
export const academies: readonly Academie[] = academiesData;

export const academieCodes = academiesData.map((a) => a.code) as [AcademieCode, ...AcademieCode[]];

export const academieCodeSchema = z.enum(academieCodes);

const byCode = new Map<string, Academie>(academies.map((a) => [a.code, a]));

/** The académie with this code, or undefined (codes are the lower-case slugs of academies.csv). */
export function findAcademie(code: string): Academie | undefined {
  return byCode.get(code);
}
