// What colour each piece of template text is painted in, on what, and at what contrast: tldraw's own
// rules (its shape utils' display values) applied to a theme's palette, without an editor.
import type { TLDefaultColor, TLShape, TLThemeColors } from 'tldraw';
import { contrastRatio } from './contrast';

/** One text as tldraw paints it. */
export interface PaintedText {
  shapeId: string;
  /** `text`, `geo` (a label), `note`, `arrow` (a label) or `frame` (its heading). */
  kind: string;
  text: string;
  foreground: string;
  background: string;
  /** What the background is: the canvas, a frame, a filled shape or the note itself. */
  backgroundOf: string;
  ratio: number;
}

type ColorName = keyof TLThemeColors & string;

function paletteColor(colors: TLThemeColors, name: string, key: keyof TLDefaultColor): string {
  const entry = colors[name as ColorName] as TLDefaultColor | undefined;
  if (!entry || typeof entry !== 'object') throw new Error(`no colour "${name}" in the palette`);
  return entry[key];
}

/** tldraw's geo fill (GeoShapeUtil): `semi` is the theme's near-white, `solid` the colour's light tint. */
function geoFill(colors: TLThemeColors, color: string, fill: string): string | null {
  switch (fill) {
    case 'none':
      return null;
    case 'semi':
      return colors.solid;
    case 'solid':
      return paletteColor(colors, color, 'semi');
    case 'lined-fill':
      return paletteColor(colors, color, 'linedFill');
    case 'fill':
      return paletteColor(colors, color, 'fill');
    // A pattern of strokes: tldraw's fallback is the colour's tint; the strokes are lighter than text.
    default:
      return paletteColor(colors, color, 'semi');
  }
}

/** Plain text of a rich-text document (paragraphs joined by new lines). */
function richTextPlain(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, content, type } = node as { text?: string; content?: unknown[]; type?: string };
  if (typeof text === 'string') return text;
  const parts = (content ?? []).map(richTextPlain);
  return type === 'doc' ? parts.join('\n') : parts.join('');
}

function box(shape: TLShape): { x: number; y: number; w: number; h: number } {
  const props = shape.props as { w?: number; h?: number };
  return { x: shape.x, y: shape.y, w: props.w ?? 0, h: props.h ?? 0 };
}

/**
 * What is painted under `shape`: the topmost filled geo among its earlier siblings that covers its
 * top edge, else its frame's fill (tldraw frames are white-filled whatever their colour), else the canvas.
 */
function backgroundUnder(
  shape: TLShape,
  byId: Map<string, TLShape>,
  siblings: Map<string, TLShape[]>,
  colors: TLThemeColors,
): { color: string; of: string } {
  const own = box(shape);
  const probes = [
    { x: own.x + 1, y: own.y + 1 },
    { x: own.x + Math.max(1, own.w - 1), y: own.y + 1 },
  ];
  const below = (siblings.get(shape.parentId) ?? [])
    .filter((other) => other.index < shape.index && other.id !== shape.id)
    .sort((a, b) => (a.index < b.index ? 1 : -1));
  for (const other of below) {
    const area = box(other);
    const covers = probes.every(
      (p) => p.x >= area.x && p.x <= area.x + area.w && p.y >= area.y && p.y <= area.y + area.h,
    );
    if (!covers) continue;
    if (other.type === 'geo') {
      const props = other.props as { color: string; fill: string };
      const fill = geoFill(colors, props.color, props.fill);
      if (fill) return { color: fill, of: `geo ${other.id}` };
    }
    // An image is taken as see-through: the one template image (the identity map's SVG) has no
    // background, and its notes are laid out above its drawing (templates' MAP_LAYOUT.notes).
  }
  const parent = byId.get(shape.parentId);
  if (parent?.type === 'frame') return { color: paletteColor(colors, 'black', 'frameFill'), of: 'frame' };
  return { color: colors.background, of: 'canvas' };
}

/** Every text the shapes paint, with its colours in `colors` (a theme's light or dark palette). */
export function paintedTexts(shapes: readonly TLShape[], colors: TLThemeColors): PaintedText[] {
  const byId = new Map(shapes.map((shape) => [shape.id as string, shape]));
  const siblings = new Map<string, TLShape[]>();
  for (const shape of shapes) siblings.set(shape.parentId, [...(siblings.get(shape.parentId) ?? []), shape]);
  const painted: PaintedText[] = [];
  const add = (
    shape: TLShape,
    text: string,
    foreground: string,
    background: { color: string; of: string },
  ) => {
    if (!text.trim()) return;
    painted.push({
      shapeId: shape.id,
      kind: shape.type,
      text,
      foreground,
      background: background.color,
      backgroundOf: background.of,
      ratio: contrastRatio(foreground, background.color),
    });
  };
  for (const shape of shapes) {
    const props = shape.props as Record<string, unknown>;
    const text = richTextPlain(props.richText);
    switch (shape.type) {
      case 'text':
        add(
          shape,
          text,
          paletteColor(colors, props.color as string, 'solid'),
          backgroundUnder(shape, byId, siblings, colors),
        );
        break;
      case 'geo': {
        const fill = geoFill(colors, props.color as string, props.fill as string);
        add(
          shape,
          text,
          paletteColor(colors, props.labelColor as string, 'solid'),
          fill ? { color: fill, of: 'its fill' } : backgroundUnder(shape, byId, siblings, colors),
        );
        break;
      }
      case 'note': {
        const foreground =
          props.labelColor === 'black'
            ? paletteColor(colors, props.color as string, 'noteText')
            : paletteColor(colors, props.labelColor as string, 'fill');
        add(shape, text, foreground, {
          color: paletteColor(colors, props.color as string, 'noteFill'),
          of: 'note',
        });
        break;
      }
      case 'arrow':
        add(
          shape,
          text,
          paletteColor(colors, props.labelColor as string, 'solid'),
          backgroundUnder(shape, byId, siblings, colors),
        );
        break;
      case 'frame':
        // The heading sits above the frame, on the canvas's negative space (FrameShapeUtil, colours off).
        add(shape, props.name as string, paletteColor(colors, 'black', 'frameText'), {
          color: colors.negativeSpace,
          of: 'frame heading',
        });
        break;
    }
  }
  return painted;
}
