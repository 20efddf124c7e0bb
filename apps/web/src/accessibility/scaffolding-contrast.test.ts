// T-CONTRAST (templates SPEC): template text must be readable on the canvas as tldraw paints it (RGAA 3.2): every text,
// label, note and frame heading a template lays out, in both locales and both of tldraw's themes.
import { DEFAULT_THEME, type TLParentId, type TLShape } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { buildBoard, engagementCardsForThemes, listTemplates } from '@atelier/templates';
import { MINIMUM_TEXT_CONTRAST } from './contrast';
import { paintedTexts } from './scaffolding-contrast';

function counterIds(): () => string {
  let n = 0;
  return () => `contrast${++n}`;
}

const builds = listTemplates().flatMap((template) =>
  (['fr', 'en'] as const).flatMap((locale) =>
    [1, 3].map((groups) => ({
      name: `${template.id} (${locale}, ${groups} group${groups > 1 ? 's' : ''})`,
      shapes: buildBoard(template.id, { locale, groups, pageId: 'page:page', createId: counterIds() })
        .records as TLShape[],
    })),
  ),
);

describe.each(['light', 'dark'] as const)('template text in tldraw’s %s theme', (mode) => {
  const colors = DEFAULT_THEME.colors[mode];

  it.each(builds)('$name: every text reaches 4.5:1 on what it is painted on', ({ name, shapes }) => {
    const painted = paintedTexts(shapes, colors);
    // The walker finds text wherever a template lays shapes (a break lays none, the blank board a frame).
    if (!name.startsWith('blank') && shapes.length > 0) expect(painted.length).toBeGreaterThan(0);
    const tooFaint = painted
      .filter((text) => text.ratio < MINIMUM_TEXT_CONTRAST)
      .map(
        (text) =>
          `${text.kind} ${text.foreground} on ${text.backgroundOf} ${text.background}: ${text.ratio.toFixed(2)} «${text.text.slice(0, 40)}»`,
      );
    expect(tooFaint).toEqual([]);
  });

  it('the engagement cards written for retained PGO themes', () => {
    const cards = engagementCardsForThemes(['open-data', 'probity'], {
      parentId: 'shape:engagements' as TLParentId,
      locale: 'fr',
      createId: counterIds(),
    }) as TLShape[];
    const painted = paintedTexts(cards, colors);
    expect(painted.length).toBeGreaterThan(0);
    for (const text of painted) expect(text.ratio, text.text).toBeGreaterThanOrEqual(MINIMUM_TEXT_CONTRAST);
  });
});

describe('the walker itself', () => {
  const colors = DEFAULT_THEME.colors.light;

  it('finds the grey instructions that were 2.4:1 on a frame', () => {
    const shapes = buildBoard('codev', { locale: 'fr', pageId: 'page:page', createId: counterIds() })
      .records as TLShape[];
    const grey = shapes.map((shape) =>
      shape.type === 'text' ? ({ ...shape, props: { ...shape.props, color: 'grey' } } as TLShape) : shape,
    );
    const faint = paintedTexts(grey, colors).filter(
      (text) => text.kind === 'text' && text.backgroundOf === 'frame',
    );
    expect(faint.length).toBeGreaterThan(0);
    for (const text of faint) expect(text.ratio).toBeCloseTo(2.4, 1);
  });
});
