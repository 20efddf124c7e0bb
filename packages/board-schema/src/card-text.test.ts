import { toRichText } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { emptyCardFields } from './card-meta';
import { cardShapeProps, cardText } from './card-text';
import { richTextToPlainText } from './rich-text';

describe('card text', () => {
  it('writes an identity card in French with labels and values', () => {
    const text = cardText(
      'identity',
      {
        labName: 'Lab 110 bis',
        academie: 'creteil',
        dedicatedSpace: 'planned',
        innovationTypes: ['pedagogical', 'digital'],
        services: ['training'],
        servicesOther: 'podcast',
        stage: 'launch',
        needs: ['team'],
      },
      'fr',
    );
    expect(text.split('\n')).toEqual([
      "Fiche d'identité du lab",
      'Nom du lab : Lab 110 bis',
      'Académie : Créteil',
      'Lieu dédié : en projet',
      "Types d'innovation : pédagogique, numérique",
      'Offre de services : acculturation/formation, podcast',
      'Stade : lancement',
      "Besoins : constituer l'équipe",
    ]);
  });

  it('shows blanks as a form to fill, in English too', () => {
    const text = cardText('identity', emptyCardFields('identity'), 'en');
    expect(text).toContain('Lab name: …');
    expect(text).toContain('Stage: …');
  });

  it('writes the engagement checklist and actions', () => {
    const fields = emptyCardFields('engagement', 'school-health');
    fields.criteria.measurable = true;
    fields.actions = ['Consulter les élèves'];
    const lines = cardText('engagement', fields, 'fr').split('\n');
    expect(lines[0]).toBe("Engagement — Santé à l'école/université");
    expect(lines).toContain('☑ Résultats mesurables (évaluation externe et auto-évaluation)');
    expect(lines).toContain('☐ Conçu et porté avec une ou plusieurs organisations de la société civile');
    expect(lines.at(-1)).toBe('• Consulter les élèves');
  });

  it('writes the four lines of an action card', () => {
    const text = cardText('action', { action: 'A', why: 'B', firstStep: '', owner: 'D' }, 'fr');
    expect(text).toBe('Action : A\nPourquoi : B\nPremier pas : …\nQui porte : D');
  });

  it('builds rich text whose plain text is the card text', () => {
    const fields = emptyCardFields('action');
    const { richText } = cardShapeProps('action', fields, 'en');
    expect(richTextToPlainText(richText)).toBe(cardText('action', fields, 'en'));
  });

  it('reads plain text from rich text, including marked lists and empty paragraphs', () => {
    expect(richTextToPlainText(toRichText('a\n\nb'))).toBe('a\n\nb');
    expect(
      richTextToPlainText({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x' }, { type: 'hardBreak' }, { type: 'text', text: 'y' }],
          },
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'z' }] }] },
            ],
          },
        ],
      }),
    ).toBe('x\ny\n- z');
    expect(richTextToPlainText(undefined)).toBe('');
  });
});
