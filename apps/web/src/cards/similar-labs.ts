// Step 3 of the identity map: which labs to introduce to each other, as lines between their cards.
import {
  cardLabels,
  readCard,
  similarLabs,
  type IdentityCardRef,
  type LabSimilarity,
} from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';

/** The identity map's step where people look for labs like theirs (see the template). */
export const FIND_PEERS_STEP_ID = 'find-peers';

/** At most this many links: past that the map is a hairball, not a help. */
export const MAX_LINKS = 40;

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

/** The best pairs, strongest first; filled-in cards only. */
export function peerLinks(shapes: Iterable<ShapeLike>): LabSimilarity[] {
  return similarLabs(identityCardsOn(shapes)).slice(0, MAX_LINKS);
}

/** Why two labs are linked, in the reader's language: "numérique, sociale · même stade". */
export function linkReason(link: LabSimilarity, locale: Locale): string {
  const parts = link.sharedTypes.map((type) => cardLabels.innovationType[type][locale]);
  if (link.sameStage) parts.push(locale === 'fr' ? 'même stade' : 'same stage');
  return parts.join(', ');
}
