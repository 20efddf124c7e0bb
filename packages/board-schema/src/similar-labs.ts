import type { Locale } from '@atelier/protocol';
import { cardLabels } from './card-labels';
import type { IdentityCardFields, InnovationType, LabStage, NeedTag } from './identity-card';

/** An identity card as found on the board: the shape id that carries it, and its fields. */
export interface IdentityCardRef {
  readonly id: string;
  readonly fields: IdentityCardFields;
}

/** Two labs worth introducing to each other, and why. `a` comes before `b` in the input. */
export interface LabSimilarity {
  readonly a: string;
  readonly b: string;
  readonly sharedTypes: InnovationType[];
  readonly sharedNeeds: NeedTag[];
  /** Their common stage, when they are at the same one. */
  readonly sameStage: LabStage | null;
  readonly sameAcademie: boolean;
  /** 2 per shared innovation type, 2 per shared need, 1 for the same stage. */
  readonly score: number;
}

/**
 * Step 3 of the identity map ("repérer les labs proches"): pairs of labs with the same kinds of innovation,
 * the same needs or at the same stage, best matches first (P-REASON). Pure and deterministic: ties keep the
 * input order. Labs in the same académie already know each other, so that alone never makes a pair; it is
 * only reported.
 */
export function similarLabs(cards: readonly IdentityCardRef[]): LabSimilarity[] {
  const pairs: { pair: LabSimilarity; order: number }[] = [];
  let order = 0;
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i]!;
      const b = cards[j]!;
      const sharedTypes = a.fields.innovationTypes.filter((t) => b.fields.innovationTypes.includes(t));
      const sharedNeeds = a.fields.needs.filter((n) => b.fields.needs.includes(n));
      const sameStage = a.fields.stage !== null && a.fields.stage === b.fields.stage ? a.fields.stage : null;
      if (sharedTypes.length === 0 && sharedNeeds.length === 0 && sameStage === null) continue;
      const score = 2 * sharedTypes.length + 2 * sharedNeeds.length + (sameStage ? 1 : 0);
      const sameAcademie = a.fields.academie !== null && a.fields.academie === b.fields.academie;
      pairs.push({
        pair: { a: a.id, b: b.id, sharedTypes, sharedNeeds, sameStage, sameAcademie, score },
        order: order++,
      });
    }
  }
  return pairs.sort((x, y) => y.pair.score - x.pair.score || x.order - y.order).map((p) => p.pair);
}

/**
 * The pairings to suggest on the board and in the report (P-PAIR): each lab's best partners, at most
 * `perLab` each, best first. A pair that only shares its stage is too weak to suggest when the labs have
 * said more about themselves, so it comes only when nothing better exists for either lab.
 */
export function labPairings(cards: readonly IdentityCardRef[], perLab = 2): LabSimilarity[] {
  const all = similarLabs(cards);
  const count = new Map<string, number>();
  const chosen: LabSimilarity[] = [];
  const hasStrong = new Set<string>();
  for (const pair of all) {
    if (pair.sharedTypes.length + pair.sharedNeeds.length > 0) {
      hasStrong.add(pair.a);
      hasStrong.add(pair.b);
    }
  }
  for (const pair of all) {
    const weak = pair.sharedTypes.length + pair.sharedNeeds.length === 0;
    if (weak && hasStrong.has(pair.a) && hasStrong.has(pair.b)) continue;
    if ((count.get(pair.a) ?? 0) >= perLab || (count.get(pair.b) ?? 0) >= perLab) continue;
    count.set(pair.a, (count.get(pair.a) ?? 0) + 1);
    count.set(pair.b, (count.get(pair.b) ?? 0) + 1);
    chosen.push(pair);
  }
  return chosen;
}

/**
 * Why two labs are paired, in the reader's language: "mêmes types : numérique, sociale · même stade :
 * actif · mêmes besoins : financement" (P-REASON).
 */
export function pairingReason(pair: LabSimilarity, locale: Locale): string {
  const l = cardLabels;
  const colon = locale === 'fr' ? ' : ' : ': ';
  const parts: string[] = [];
  if (pair.sharedTypes.length > 0) {
    const label =
      locale === 'fr' ? (pair.sharedTypes.length > 1 ? 'mêmes types' : 'même type') : 'same kinds';
    parts.push(`${label}${colon}${pair.sharedTypes.map((t) => l.innovationType[t][locale]).join(', ')}`);
  }
  if (pair.sameStage) {
    parts.push(`${locale === 'fr' ? 'même stade' : 'same stage'}${colon}${l.stage[pair.sameStage][locale]}`);
  }
  if (pair.sharedNeeds.length > 0) {
    const label =
      locale === 'fr' ? (pair.sharedNeeds.length > 1 ? 'mêmes besoins' : 'même besoin') : 'same needs';
    parts.push(`${label}${colon}${pair.sharedNeeds.map((n) => l.need[n][locale]).join(', ')}`);
  }
  return parts.join(' · ');
}
