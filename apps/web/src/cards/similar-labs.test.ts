import { cardMeta, emptyCardFields, type IdentityCardFields } from '@atelier/board-schema';
import { describe, expect, it } from 'vitest';
import { identityCardsOn, linkReason, peerLinks } from './similar-labs';

function card(id: string, fields: Partial<IdentityCardFields>) {
  return { id, meta: cardMeta({ kind: 'identity', fields: { ...emptyCardFields('identity'), ...fields } }) };
}

describe('similar labs on the identity map', () => {
  const shapes = [
    card('shape:a', { labName: 'Lab A', innovationTypes: ['digital', 'social'], stage: 'active' }),
    card('shape:b', { labName: 'Lab B', innovationTypes: ['digital'], stage: 'launch' }),
    card('shape:c', { labName: 'Lab C', innovationTypes: ['pedagogical'], stage: 'active' }),
    card('shape:blank', {}),
    { id: 'shape:note', meta: {} },
  ];

  it('reads only filled-in identity cards', () => {
    expect(identityCardsOn(shapes).map((ref) => ref.id)).toEqual(['shape:a', 'shape:b', 'shape:c']);
  });

  it('links labs sharing a kind of innovation or a stage, strongest first, and says why', () => {
    const links = peerLinks(shapes);
    expect(links.map((link) => [link.a, link.b])).toEqual([
      ['shape:a', 'shape:b'],
      ['shape:a', 'shape:c'],
    ]);
    expect(linkReason(links[0]!, 'fr')).toBe('même type : numérique');
    expect(linkReason(links[1]!, 'fr')).toBe('même stade : actif');
    expect(linkReason(links[1]!, 'en')).toBe('same stage: active');
  });
});
