import { describe, expect, it } from 'vitest';
import { toRichText } from '@tldraw/tlschema';
import { richTextToBlocks, safeHref } from './rich-text-blocks';

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, ...marks: unknown[]) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) });
const item = (...content: unknown[]) => ({ type: 'listItem', content });

describe('richTextToBlocks', () => {
  it('keeps bold, italics, strike, code and safe links as runs', () => {
    const blocks = richTextToBlocks({
      type: 'doc',
      content: [
        paragraph(
          t('Santé '),
          t('mentale', { type: 'bold' }),
          t(' des ', { type: 'italic' }),
          t('élèves', { type: 'link', attrs: { href: 'https://education.gouv.fr' } }),
          t(' ici', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
        ),
      ],
    });
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Santé ' },
          { text: 'mentale', bold: true },
          { text: ' des ', italic: true },
          { text: 'élèves', href: 'https://education.gouv.fr' },
          { text: ' ici' },
        ],
      },
    ]);
  });

  it('reads the lines of a sticky note (one paragraph each in tldraw) as one paragraph with breaks', () => {
    expect(richTextToBlocks(toRichText('\nDonnées ouvertes\nen académie\n\n'))).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Données ouvertes\nen académie' }] },
    ]);
  });

  it('keeps headings, nested and ordered lists, task lists and quotes', () => {
    const blocks = richTextToBlocks({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('Actions')] },
        {
          type: 'bulletList',
          content: [
            item(paragraph(t('Former')), {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [item(paragraph(t('les agents')))],
            }),
          ],
        },
        {
          type: 'taskList',
          content: [{ type: 'taskItem', attrs: { checked: true }, content: [paragraph(t('Publier'))] }],
        },
        { type: 'blockquote', content: [paragraph(t('Citation'))] },
      ],
    });
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, runs: [{ text: 'Actions' }] },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            blocks: [
              { kind: 'paragraph', runs: [{ text: 'Former' }] },
              {
                kind: 'list',
                ordered: true,
                start: 3,
                items: [{ blocks: [{ kind: 'paragraph', runs: [{ text: 'les agents' }] }] }],
              },
            ],
          },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [{ checked: true, blocks: [{ kind: 'paragraph', runs: [{ text: 'Publier' }] }] }],
      },
      { kind: 'quote', blocks: [{ kind: 'paragraph', runs: [{ text: 'Citation' }] }] },
    ]);
  });

  it('reads legacy plain text and ignores what is not rich text', () => {
    expect(richTextToBlocks('  Ancien\npost-it ')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Ancien\npost-it' }] },
    ]);
    expect(richTextToBlocks(null)).toEqual([]);
    expect(richTextToBlocks({ type: 'doc', content: [paragraph()] })).toEqual([]);
  });

  it('keeps only links that cannot run code', () => {
    expect(safeHref('https://a.fr/x?y=1')).toBe('https://a.fr/x?y=1');
    expect(safeHref('mailto:lab@ac-limoges.fr')).toBe('mailto:lab@ac-limoges.fr');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('https://a.fr/"onmouseover')).toBeUndefined();
  });
});
