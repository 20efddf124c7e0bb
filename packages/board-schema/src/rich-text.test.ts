import { describe, expect, it } from 'vitest';
import { toRichText } from '@tldraw/tlschema';
import { firstLine, richTextToPlainText, shapeText } from './rich-text';

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });

describe('richTextToPlainText', () => {
  it('joins paragraphs with newlines, as tldraw writes them', () => {
    expect(richTextToPlainText(toRichText('Bonjour\nle monde'))).toBe('Bonjour\nle monde');
  });

  it('keeps empty paragraphs between lines but drops leading and trailing ones', () => {
    expect(richTextToPlainText(toRichText('\nA\n\nB\n\n'))).toBe('A\n\nB');
  });

  it('drops marks and joins the text runs of one paragraph', () => {
    const doc = {
      type: 'doc',
      content: [
        paragraph(
          t('Santé '),
          t('mentale', [{ type: 'bold' }]),
          t(' des ', [{ type: 'italic' }]),
          t('élèves', [{ type: 'link', attrs: { href: 'https://example.org' } }]),
        ),
      ],
    };
    expect(richTextToPlainText(doc)).toBe('Santé mentale des élèves');
  });

  it('turns hard breaks into newlines and headings into lines', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('Titre')] },
        paragraph(t('ligne 1'), { type: 'hardBreak' }, t('ligne 2')),
      ],
    };
    expect(richTextToPlainText(doc)).toBe('Titre\nligne 1\nligne 2');
  });

  it('marks list items and indents nested lists', () => {
    const item = (text: string, ...nested: unknown[]) => ({
      type: 'listItem',
      content: [paragraph(t(text)), ...nested],
    });
    const doc = {
      type: 'doc',
      content: [
        paragraph(t('Actions :')),
        {
          type: 'bulletList',
          content: [
            item('Former', {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [item('les agents'), item('les élèves')],
            }),
            item('Publier'),
          ],
        },
      ],
    };
    expect(richTextToPlainText(doc)).toBe('Actions :\n- Former\n  3. les agents\n  4. les élèves\n- Publier');
  });

  it('reads an empty document, an empty paragraph and junk as empty text', () => {
    expect(richTextToPlainText({ type: 'doc', content: [] })).toBe('');
    expect(richTextToPlainText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
    expect(richTextToPlainText(null)).toBe('');
    expect(richTextToPlainText(42)).toBe('');
    expect(richTextToPlainText({ type: 'doc', content: [null, 'x', { type: 'text', text: 7 }] })).toBe('');
  });

  it('walks unknown containers such as blockquotes', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'blockquote', content: [paragraph(t('cité')), paragraph(t('deux'))] }],
    };
    expect(richTextToPlainText(doc)).toBe('cité\ndeux');
  });
});

describe('shapeText', () => {
  it('reads rich text, legacy text and frame names', () => {
    expect(shapeText({ type: 'note', props: { richText: toRichText('Idée') } })).toBe('Idée');
    expect(shapeText({ type: 'note', props: { text: ' ancienne ' } })).toBe('ancienne');
    expect(shapeText({ type: 'frame', props: { name: 'Groupe 1' } })).toBe('Groupe 1');
    expect(shapeText({ type: 'draw', props: {} })).toBe('');
    expect(shapeText({ type: 'draw' })).toBe('');
  });
});

describe('firstLine', () => {
  it('names a text by its first non-blank line, cut with an ellipsis', () => {
    expect(firstLine('\n  Des infirmières  \ndans chaque collège')).toBe('Des infirmières');
    expect(firstLine('x'.repeat(130), 120)).toBe(`${'x'.repeat(119)}…`);
    expect(firstLine('   ')).toBe('');
  });
});
