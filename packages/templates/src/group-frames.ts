import type { LocalizedText } from '@atelier/protocol';
import { ZoneKind, zoneMeta } from '@atelier/board-schema';
import type { TLFrameShape, TLShapeId } from '@tldraw/tlschema';
import type { BoardDraft } from './board-draft';
import type { BuiltGroup, LayoutContext, LayoutResult, StepDefinition } from './template-definition';
import { estimateTextHeight, numberedInstructions, stepLabel } from './text-layout';

export const GROUP_PADDING = 40;
export const GROUP_GAP = 200;
const ZONE_GAP = 60;
const ZONE_PADDING = 24;

export interface ZoneSpec {
  /** Steps worked on in this zone, in sequence order; the first one names the zone in its meta. */
  stepIds: readonly string[];
  w: number;
  h: number;
  /** Draws what the zone holds, below its instructions; `top` is the first free y inside the zone. */
  content?: (draft: BoardDraft, zone: TLFrameShape, top: number, group: number) => void;
}

export interface GroupLayoutSpec {
  /** Appended to the group's frame name: "Groupe 2 · Codéveloppement". */
  title: LocalizedText;
  zones: readonly ZoneSpec[];
  /** Zones per row inside a group's frame. */
  columns: number;
  /** A band above the zones (roles, the question…), drawn in the group's frame. */
  header?: { h: number; draw: (draft: BoardDraft, frame: TLFrameShape, width: number) => void };
  /** Arrows from each zone to the next one in the same row, to show the order. */
  arrows?: boolean;
}

function stepById(steps: readonly StepDefinition[], id: string): StepDefinition {
  const step = steps.find((s) => s.id === id);
  if (!step) throw new Error(`zone refers to unknown step ${id}`);
  return step;
}

/** Rows of zones: x/y of each zone inside the group's frame, and the frame's size. */
function zoneGrid(spec: GroupLayoutSpec) {
  const top = GROUP_PADDING + (spec.header ? spec.header.h + ZONE_GAP : 0);
  const positions: { x: number; y: number }[] = [];
  let y = top;
  let width = 0;
  for (let row = 0; row * spec.columns < spec.zones.length; row++) {
    const zones = spec.zones.slice(row * spec.columns, (row + 1) * spec.columns);
    let x = GROUP_PADDING;
    for (const zone of zones) {
      positions.push({ x, y });
      x += zone.w + ZONE_GAP;
    }
    width = Math.max(width, x - ZONE_GAP + GROUP_PADDING);
    y += Math.max(...zones.map((z) => z.h)) + ZONE_GAP;
  }
  return { positions, w: width, h: y - ZONE_GAP + GROUP_PADDING };
}

/** Columns of group frames that make the whole board closest to a 16:9 screen, so "zoom to fit" stays legible. */
export function gridColumns(groups: number, frameW: number, frameH: number): number {
  let best = 1;
  let bestScore = Infinity;
  for (let columns = 1; columns <= groups; columns++) {
    const rows = Math.ceil(groups / columns);
    const aspect = (columns * (frameW + GROUP_GAP)) / (rows * (frameH + GROUP_GAP));
    const score = Math.abs(Math.log(aspect / (16 / 9)));
    if (score < bestScore) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}

/**
 * One frame per group, laid out in a grid with wide gaps, each holding one zone (a child frame) per step or
 * set of steps, with the steps' instructions written at the top of the zone.
 */
export function layoutGroupFrames(context: LayoutContext, spec: GroupLayoutSpec): LayoutResult {
  const { draft, locale } = context;
  const grid = zoneGrid(spec);
  const columns = gridColumns(context.groups, grid.w, grid.h);
  const groups: BuiltGroup[] = [];

  for (let g = 1; g <= context.groups; g++) {
    const column = (g - 1) % columns;
    const row = Math.floor((g - 1) / columns);
    const frame = draft.frame({
      x: column * (grid.w + GROUP_GAP),
      y: row * (grid.h + GROUP_GAP),
      w: grid.w,
      h: grid.h,
      name: `${locale === 'fr' ? 'Groupe' : 'Group'} ${g} · ${spec.title[locale]}`,
      meta: zoneMeta({ kind: ZoneKind.group, group: g }),
    });
    spec.header?.draw(draft, frame, grid.w - 2 * GROUP_PADDING);

    const stepFrameIds: Record<string, TLShapeId> = {};
    const zoneFrames: TLFrameShape[] = [];
    spec.zones.forEach((zoneSpec, i) => {
      const position = grid.positions[i]!;
      const steps = zoneSpec.stepIds.map((id) => stepById(context.steps, id));
      const zone = draft.frame({
        parentId: frame.id,
        x: position.x,
        y: position.y,
        w: zoneSpec.w,
        h: zoneSpec.h,
        name: steps.map((s) => stepLabel(s, context.stepNumber(s.id), locale)).join(' · '),
        meta: zoneMeta({ kind: ZoneKind.step, group: g, stepId: steps[0]!.id }),
      });
      zoneFrames.push(zone);
      const instructions = steps
        .map((s) =>
          steps.length > 1
            ? numberedInstructions(s, context.stepNumber(s.id), locale)
            : s.instructions[locale],
        )
        .join('\n\n');
      const textWidth = zoneSpec.w - 2 * ZONE_PADDING;
      draft.text({
        parentId: zone.id,
        x: ZONE_PADDING,
        y: ZONE_PADDING,
        w: textWidth,
        text: instructions,
      });
      zoneSpec.content?.(
        draft,
        zone,
        ZONE_PADDING + estimateTextHeight(instructions, textWidth) + ZONE_PADDING,
        g,
      );
      for (const step of steps) stepFrameIds[step.id] = zone.id;
    });

    if (spec.arrows) {
      for (let i = 0; i + 1 < zoneFrames.length; i++) {
        if (Math.floor(i / spec.columns) !== Math.floor((i + 1) / spec.columns)) continue;
        const from = zoneFrames[i]!;
        const to = zoneFrames[i + 1]!;
        const y = from.y + Math.min(from.props.h, to.props.h) / 2;
        draft.arrow({
          parentId: frame.id,
          x: from.x + from.props.w + 4,
          y,
          start: { x: 0, y: 0 },
          end: { x: to.x - from.x - from.props.w - 8, y: 0 },
        });
      }
    }
    groups.push({ group: g, frameId: frame.id, stepFrameIds });
  }

  return { stepFrames: { ...groups[0]!.stepFrameIds }, groups };
}
