// Step 3 of the identity map: which labs to introduce to each other, as lines between their cards.
import {
  labPairings,
  pairingReason,
  readCard,
  type IdentityCardRef,
  type LabSimilarity,
} from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';

/** The identity map's step where people look for labs like theirs (see the template). */
export const FIND_PEERS_STEP_ID = 'find-peers';

/** At most this many links: past that the map is a hairball, not a help. */
export const MAX_LINKS = 60;

interface ShapeLike {
  id: string;
  meta: unknown;
}

export function identityCardsOn(shapes: Iterable<ShapeLike>): IdentityCardRef[] {
  const refs: IdentityCardRef[] = [];
  for (const shape of shapes) {
    const card = readCard(shape as Parameters<typeof readCard>[0]);
    if (card?.kind === 'identity' && card.fields.labName.trim())
      refs.push({ id: shape.id, fields: card.fields });
  }
  return refs;
}

/** The pairings (each lab's best partners, board-schema's `labPairings`), strongest first; filled-in cards only. */
export function peerLinks(shapes: Iterable<ShapeLike>): LabSimilarity[] {
  return labPairings(identityCardsOn(shapes)).slice(0, MAX_LINKS);
}

/** Why two labs are linked, in the reader's language: "même type : numérique · même stade : actif". */
export function linkReason(link: LabSimilarity, locale: Locale): string {
  return pairingReason(link, locale);
}
