// Reading the board for facilitation: the notes a vote counts, a note's text, a group's frame.
import { useMemo } from 'react';
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import { readZone, ZoneKind } from '@atelier/board-schema';
import type { PublicVote } from '@atelier/protocol';
import { voteItemIds } from './vote-view';

/** The ids of the notes the vote counts, kept as the same array while they stay the same. */
export function useVoteItems(vote: PublicVote | null): string[] {
  const editor = useEditor();
  const active = vote !== null;
  const frameId = vote?.frameId;
  // A string, so moving or editing a note does not re-render everything that reads the list.
  const joined = useValue(
    'vote items',
    () => (active ? voteItemIds(editor.getCurrentPageShapes(), frameId).join('\n') : ''),
    [editor, active, frameId],
  );
  return useMemo(() => (joined ? joined.split('\n') : []), [joined]);
}

/** The text written on a shape, '' for an empty one, null once it is deleted. */
export function shapeText(editor: Editor, id: string): string | null {
  const shape = editor.getShape(id as TLShapeId);
  if (!shape) return null;
  return editor.getShapeUtil(shape).getText(shape)?.trim() ?? '';
}

/** The frames templates draw for groups, by group number (1-based), in order. */
export function groupFrames(editor: Editor): { frameId: string; group: number }[] {
  return editor
    .getCurrentPageShapes()
    .flatMap((shape) => {
      const zone = shape.type === 'frame' ? readZone(shape) : null;
      return zone?.kind === ZoneKind.group && zone.group ? [{ frameId: shape.id, group: zone.group }] : [];
    })
    .sort((a, b) => a.group - b.group);
}
