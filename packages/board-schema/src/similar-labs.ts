import type { IdentityCardFields, InnovationType, ServiceTag } from './identity-card';

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
  readonly sharedServices: ServiceTag[];
  readonly sameStage: boolean;
  readonly sameAcademie: boolean;
  /** 2 per shared innovation type, 1 per shared service, 1 for the same stage. */
  readonly score: number;
}

/**
 * Step 3 of the identity map ("repérer les labs proches"): pairs of labs with the same kinds of innovation
 * or at the same stage, best matches first. Pure and deterministic: ties keep the input order. Labs in
 * the same académie already know each other, so that alone never makes a pair; it is only reported.
 */
export function similarLabs(cards: readonly IdentityCardRef[]): LabSimilarity[] {
  const pairs: { pair: LabSimilarity; order: number }[] = [];
  let order = 0;
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i]!;
      const b = cards[j]!;
      const sharedTypes = a.fields.innovationTypes.filter((t) => b.fields.innovationTypes.includes(t));
      const sharedServices = a.fields.services.filter((s) => b.fields.services.includes(s));
      const sameStage = a.fields.stage !== null && a.fields.stage === b.fields.stage;
      if (sharedTypes.length === 0 && !sameStage) continue;
      const score = 2 * sharedTypes.length + sharedServices.length + (sameStage ? 1 : 0);
      const sameAcademie = a.fields.academie !== null && a.fields.academie === b.fields.academie;
      pairs.push({
        pair: { a: a.id, b: b.id, sharedTypes, sharedServices, sameStage, sameAcademie, score },
        order: order++,
      });
    }
  }
  return pairs.sort((x, y) => y.pair.score - x.pair.score || x.order - y.order).map((p) => p.pair);
}
