// What a reveal of private notes writes on the board (SPEC T-REVEAL): every note at once, each in its
// author's zone, laid in rows under what the zone already holds, scaled down to fit a zone nested in
// another frame (a PGO theme's column), or with the zone grown when it is a top-level frame.
import { noteMetaKey, noteRecord } from '@atelier/board-schema';
import type { Reveal, SessionState } from '@atelier/protocol';
import type { TLNoteShape, TLShape } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';

/** What the writer needs from the draft of the board (session-writes' `BoardDraft`). */
export interface RevealDraft {
  shape(id: string | undefined): TLShape | undefined;
  children(parentId: string): TLShape[];
  shapes(): TLShape[];
  put(record: TLShape): void;
}

/** On a note a reveal wrote: the reveal's id (the report and tests tell revealed notes by it). */
export const revealMetaKey = 'atelier.reveal';

const NOTE_SIZE = 200;
const GAP = 20;
const PADDING = 20;
const MIN_SCALE = 0.4;
const DEFAULT_PAGE_ID = 'page:page';

interface FrameBox {
  id: string;
  w: number;
  h: number;
  nested: boolean;
}

function frameBox(shape: TLShape | undefined): FrameBox | null {
  if (!shape || shape.type !== 'frame') return null;
  const { w, h } = shape.props as { w: number; h: number };
  return { id: shape.id, w, h, nested: shape.parentId.startsWith('shape:') };
}

/** The bottom edge of a child in its frame: a size when it has one, a note's square otherwise. */
function bottomOf(shape: TLShape): number {
  const props = shape.props as { h?: number; growY?: number; scale?: number };
  if (typeof props.h === 'number') return shape.y + props.h + (props.growY ?? 0);
  if (shape.type === 'note') return shape.y + NOTE_SIZE * (props.scale ?? 1) + (props.growY ?? 0);
  return shape.y + 40;
}

/** Where a note goes: the zone its author chose, else their group's frame, else the step's frame. */
function zoneOf(
  note: Reveal['notes'][number],
  reveal: Reveal,
  state: SessionState,
  board: RevealDraft,
): FrameBox | null {
  const groupFrame = state.groups?.list.find((group) => group.id === note.groupId)?.frameId;
  const stepFrame = state.steps.find((step) => step.id === reveal.stepId)?.frameId;
  for (const candidate of [note.zoneId, groupFrame, stepFrame]) {
    const box = frameBox(board.shape(candidate));
    if (box) return box;
  }
  return null;
}

/** The largest scale (1 down to MIN_SCALE) at which `count` notes fit in `width` × `height`. */
function fittingScale(count: number, width: number, height: number): number | null {
  for (let scale = 1; scale >= MIN_SCALE - 1e-9; scale -= 0.05) {
    const cell = NOTE_SIZE * scale + GAP;
    const columns = Math.max(1, Math.floor((width + GAP) / cell));
    if (Math.ceil(count / columns) * cell - GAP <= height && NOTE_SIZE * scale <= width) return scale;
  }
  return null;
}

function noteShape(
  id: TLShape['id'],
  parentId: string,
  at: { x: number; y: number; scale: number; index: IndexKey },
  note: Reveal['notes'][number],
  reveal: Reveal,
): TLNoteShape {
  // A named reveal shows the name under the idea, and keeps the author for the report.
  const text = note.author ? `${note.text}\n— ${note.author}` : note.text;
  return noteRecord({
    id,
    parentId,
    x: at.x,
    y: at.y,
    index: at.index,
    text,
    meta: {
      [revealMetaKey]: reveal.id,
      ...(reveal.anonymous ? {} : { [noteMetaKey.author]: note.userId }),
    },
    props: { scale: at.scale },
  });
}

/**
 * T-REVEAL: puts every note of `reveal` on the board in one go. Notes sharing a zone are laid in rows
 * under the zone's lowest child, in the reveal's order. A zone nested in another frame keeps its size
 * (the notes are scaled down, to 0.4 at least); a top-level frame grows to hold them at full size. A
 * note with no zone at all goes on the page, under everything.
 */
export function writeRevealedNotes(
  reveal: Reveal,
  state: SessionState,
  board: RevealDraft,
  newId: () => TLShape['id'],
): void {
  const byZone = new Map<string, { box: FrameBox | null; notes: Reveal['notes'] }>();
  let pageId: string | undefined;
  for (const note of reveal.notes) {
    const box = zoneOf(note, reveal, state, board);
    pageId ??= box
      ? undefined
      : (board.shapes().find((shape) => shape.parentId.startsWith('page:'))?.parentId ?? DEFAULT_PAGE_ID);
    const key = box?.id ?? pageId!;
    const entry = byZone.get(key) ?? { box, notes: [] };
    entry.notes.push(note);
    byZone.set(key, entry);
  }
  for (const [parentId, { box, notes }] of byZone) {
    const children = board.children(parentId);
    const top = children.length > 0 ? Math.max(...children.map(bottomOf)) + GAP : PADDING;
    const width = box ? box.w - 2 * PADDING : 5 * (NOTE_SIZE + GAP);
    const height = box ? box.h - PADDING - top : Infinity;
    const fitted = box?.nested ? fittingScale(notes.length, width, height) : null;
    const scale = fitted ?? (box?.nested ? MIN_SCALE : Math.min(1, width / NOTE_SIZE));
    const cell = NOTE_SIZE * scale + GAP;
    const columns = Math.max(1, Math.floor((width + GAP) / cell));
    let index = (children.at(-1)?.index as IndexKey | undefined) ?? null;
    notes.forEach((note, i) => {
      index = getIndexAbove(index);
      board.put(
        noteShape(
          newId(),
          parentId,
          { x: PADDING + (i % columns) * cell, y: top + Math.floor(i / columns) * cell, scale, index },
          note,
          reveal,
        ),
      );
    });
    const needed = top + Math.ceil(notes.length / columns) * cell - GAP + PADDING;
    const frame = box ? board.shape(box.id) : undefined;
    if (frame?.type === 'frame' && needed > box!.h) {
      board.put({ ...frame, props: { ...frame.props, h: needed } } as TLShape);
    }
  }
}
