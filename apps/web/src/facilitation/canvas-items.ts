// Reading the board for facilitation: the items a vote counts, an item's text, a group's frame.
import { useMemo } from 'react';
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import { readZone, zoneLabel, ZoneKind } from '@atelier/board-schema';
import type { Locale, PublicVote } from '@atelier/protocol';
import { voteItemForShape, voteItemIds } from './vote-view';

/**
 * The ids of the items the vote counts (notes, or the zones of its frame; a run-off's candidates),
 * kept as the same array while they stay the same.
 */
export function useVoteItems(vote: PublicVote | null): string[] {
  const editor = useEditor();
  const active = vote !== null;
  const frameId = vote?.frameId;
  const itemKind = vote?.itemKind;
  const candidates = vote?.candidates?.join('\n');
  // A string, so moving or editing a note does not re-render everything that reads the list.
  const joined = useValue(
    'vote items',
    () =>
      active
        ? voteItemIds(editor.getCurrentPageShapes(), {
            frameId,
            itemKind,
            candidates: candidates?.split('\n'),
          }).join('\n')
        : '',
    [editor, active, frameId, itemKind, candidates],
  );
  return useMemo(() => (joined ? joined.split('\n') : []), [joined]);
}

/** The vote item the one selected shape stands for (a note, or the zone it lies in), else null. */
export function useSelectedVoteItem(vote: PublicVote | null, itemIds: readonly string[]): string | null {
  const editor = useEditor();
  return useValue(
    'selected vote item',
    () => {
      const selected = editor.getSelectedShapeIds();
      const [only] = selected;
      if (!vote || selected.length !== 1 || !only) return null;
      const item = voteItemForShape((id) => editor.getShape(id as TLShapeId), only, vote);
      return item !== null && itemIds.includes(item) ? item : null;
    },
    [editor, vote, itemIds],
  );
}

/** How an item reads: a zone by its theme (in the UI's language) or title, a note by its text; null once deleted. */
export function voteItemLabel(editor: Editor, id: string, locale: Locale): string | null {
  const shape = editor.getShape(id as TLShapeId);
  if (!shape) return null;
  if (shape.type === 'frame') return zoneLabel(shape, locale);
  return editor.getShapeUtil(shape).getText(shape)?.trim() ?? '';
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
