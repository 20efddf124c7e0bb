// "Ajouter un post-it": a note in the person's own zone of the step (their group's zone, the
// column they are looking at), at a free place, shown large enough to write in, text cursor in it.
import { readZone, ZoneKind } from '@atelier/board-schema';
import {
  createShapeId,
  startEditingShapeWithRichText,
  toRichText,
  type Editor,
  type TLFrameShape,
  type TLShapeId,
} from 'tldraw';
import { cameraForNote } from './camera-fit';
import type { Rect } from './geometry';
import { columnInView, noteSlot } from './note-placement';
import { freeArea, glideMs } from './screen-area';
import { unpin } from './step-camera';

/** tldraw's sticky note, in page units. */
const NOTE_SIZE = { w: 200, h: 200 };

export interface NoteTarget {
  id: string;
  name: string;
}

const boundsOf = (editor: Editor, id: string): Rect | undefined =>
  editor.getShapePageBounds(id as TLShapeId) ?? undefined;

/**
 * Where the person's note may go: the columns of their zone (the PGO's themes), else their zone(s)
 * of the step. Empty when the step has no frame: the note then goes in the middle of the view.
 */
export function noteTargets(editor: Editor, zoneIds: readonly string[]): NoteTarget[] {
  const zones = zoneIds.flatMap((id) => {
    const shape = editor.getShape(id as TLShapeId);
    return shape?.type === 'frame' ? [shape as TLFrameShape] : [];
  });
  const columns = zones.flatMap((zone) =>
    editor.getSortedChildIdsForParent(zone.id).flatMap((id) => {
      const child = editor.getShape(id);
      return child?.type === 'frame' && readZone(child)?.kind === ZoneKind.theme
        ? [child as TLFrameShape]
        : [];
    }),
  );
  return (columns.length > 0 ? columns : zones).map((frame) => ({ id: frame.id, name: frame.props.name }));
}

/** The target to use without asking: the only one, or the one the person has zoomed onto. */
export function targetInView(editor: Editor, targets: readonly NoteTarget[]): string | null {
  if (targets.length === 1) return targets[0]!.id;
  const columns = targets.flatMap(({ id }) => {
    const bounds = boundsOf(editor, id);
    return bounds ? [{ id, bounds }] : [];
  });
  return columnInView(columns, editor.getViewportPageBounds());
}

/**
 * Puts a new note (with `text`, if any) in `containerId` (a frame) at its first free place, or in
 * the middle of the free part of the view when there is none. What the canvas's button and the list
 * view both use, so a note lands in the same place whichever way it was added.
 */
export function placeNote(editor: Editor, containerId: string | null, text?: string): TLShapeId {
  const id = createShapeId();
  const container = containerId ? editor.getShape(containerId as TLShapeId) : undefined;
  const props = text ? { richText: toRichText(text) } : {};
  editor.markHistoryStoppingPoint('add note');
  if (container) {
    const bounds = boundsOf(editor, container.id)!;
    const occupied = editor
      .getSortedChildIdsForParent(container.id)
      .flatMap((child) => (boundsOf(editor, child) ? [boundsOf(editor, child)!] : []));
    const at = noteSlot(bounds, occupied, NOTE_SIZE);
    const local = editor.getShapePageTransform(container.id).clone().invert().applyToPoint(at);
    editor.createShape({ id, type: 'note', parentId: container.id, x: local.x, y: local.y, props });
  } else {
    const area = freeArea(editor);
    const centre = editor.screenToPage({
      x: editor.getViewportScreenBounds().x + area.x + area.w / 2,
      y: editor.getViewportScreenBounds().y + area.y + area.h / 2,
    });
    editor.createShape({
      id,
      type: 'note',
      x: centre.x - NOTE_SIZE.w / 2,
      y: centre.y - NOTE_SIZE.h / 2,
      props,
    });
  }
  return id;
}

/**
 * Creates a note in `containerId` (a frame) at its first free place, or in the middle of the free
 * part of the view when there is none; zooms so it is readable; opens its text for writing.
 */
export function addNote(editor: Editor, containerId: string | null): TLShapeId {
  const area = freeArea(editor);
  const id = placeNote(editor, containerId);
  editor.select(id);
  const note = boundsOf(editor, id);
  const camera = note && cameraForNote(note, area, editor.getCamera());
  if (camera) {
    // The person chose to go there: the step's place no longer holds their view.
    unpin(editor);
    const duration = glideMs(300);
    editor.setCamera(camera, duration > 0 ? { animation: { duration } } : {});
  }
  startEditingShapeWithRichText(editor, id);
  return id;
}
