// "Labs proches": the pairs of labs to put in touch after the workshop, with why (issue 15). The
// board draws them, the report lists them, `pairings.csv` (and .xlsx) hands them over.
import { findAcademie, labPairings, pairingReason, type IdentityCardRef } from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';
import { readBoard, type BoardRecord } from './board-reader';
import { toCsv, type Table } from './csv';

export interface LabPairingRow {
  /** Shape ids of the two cards (the board's links join them). */
  a: string;
  b: string;
  labA: string;
  labB: string;
  academieA: string;
  academieB: string;
  reason: string;
}

/** The filled identity cards of a board (a name at least), with their shape ids, in reading order. */
export function identityCardRefs(records: readonly BoardRecord[]): IdentityCardRef[] {
  const refs: IdentityCardRef[] = [];
  for (const item of readBoard(records).items) {
    if (item.card?.kind === 'identity' && item.card.fields.labName.trim())
      refs.push({ id: item.id, fields: item.card.fields });
  }
  return refs;
}

/**
 * The pairings of a board's labs (board-schema's `labPairings`: each lab's best two partners), with their
 * reasons in words. What the report, `pairings.csv` and the session's recap list.
 */
export function labPairingsOf(records: readonly BoardRecord[], locale: Locale = 'fr'): LabPairingRow[] {
  const refs = identityCardRefs(records);
  const byId = new Map(refs.map((ref) => [ref.id, ref.fields]));
  return labPairings(refs).map((pair) => {
    const a = byId.get(pair.a)!;
    const b = byId.get(pair.b)!;
    const academie = (code: string | null) => (code ? (findAcademie(code)?.name ?? code) : '');
    return {
      a: pair.a,
      b: pair.b,
      labA: a.labName.trim(),
      labB: b.labName.trim(),
      academieA: academie(a.academie),
      academieB: academie(b.academie),
      reason: pairingReason(pair, locale),
    };
  });
}

const headers: Record<Locale, readonly string[]> = {
  fr: ['Lab', 'Académie', 'Lab à rencontrer', 'Académie', "Pourquoi (à échanger après l'atelier)"],
  en: ['Lab', 'Académie', 'Lab to meet', 'Académie', 'Why (to talk to after the workshop)'],
};

/** One row per pairing: lab, its académie, the other lab, its académie, the reason. */
export function pairingsTable(records: readonly BoardRecord[], locale: Locale = 'fr'): Table {
  return {
    header: headers[locale],
    rows: labPairingsOf(records, locale).map((p) => [p.labA, p.academieA, p.labB, p.academieB, p.reason]),
  };
}

/** `pairingsTable` as CSV ("à échanger après l'atelier"). */
export function renderPairingsCsv(records: readonly BoardRecord[], locale: Locale = 'fr'): string {
  return toCsv(pairingsTable(records, locale));
}
