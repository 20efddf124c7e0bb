// The board's write rules (@atelier/board-schema SPEC W-…) mirrored in the editor, so a participant
// never starts a change the server would refuse: scaffolding cannot be selected, hovered or edited (a
// frame included, which tldraw's lock does not cover), a change or deletion the rules refuse is undone
// before it is sent, and a container goes only with everything in it. The server decides; this only
// spares people a change that would bounce back.
import {
  decideWrite,
  isScaffolding,
  scaffoldingMetaKey,
  type WriteRule,
  type Writer,
} from '@atelier/board-schema';
import type { Editor, TLPage, TLShape, TLShapeId } from 'tldraw';

/** Told when the editor kept a change from happening (to say why). */
export type LocalRefusalHandler = (rule: WriteRule) => void;

/** Registers the guard; `writer()` is read at each change (the role arrives after the editor mounts). */
export function registerWriteGuard(
  editor: Editor,
  writer: () => Writer,
  onRefused: LocalRefusalHandler,
): () => void {
  const guarded = () => writer().role !== 'facilitator';
  const isProtected = (id: TLShapeId | null): boolean => {
    const shape = id ? editor.getShape(id) : undefined;
    return shape !== undefined && isScaffolding(shape);
  };

  /** The first rule refusing the deletion of `shape` or of anything inside it (tldraw deletes both). */
  const refusedDeletion = (shape: TLShape): WriteRule | null => {
    const decision = decideWrite(writer(), { type: 'delete', prev: shape });
    if (!decision.allowed) return decision.rule;
    for (const childId of editor.getSortedChildIdsForParent(shape.id)) {
      const child = editor.getShape(childId);
      const rule = child ? refusedDeletion(child) : null;
      if (rule) return rule;
    }
    return null;
  };

  /** This person's own change, or the record as it was when the rules refuse it. */
  const keepUnlessAllowed = <R extends TLShape | TLPage>(prev: R, next: R, source: 'user' | 'remote'): R => {
    if (source !== 'user') return next;
    const decision = decideWrite(writer(), { type: 'update', prev, next });
    if (decision.allowed) return next;
    onRefused(decision.rule);
    return prev;
  };

  const stops = [
    editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next) => {
      if (!guarded()) return next;
      const selectedShapeIds = next.selectedShapeIds.filter((id) => !isProtected(id));
      const editingShapeId = isProtected(next.editingShapeId) ? null : next.editingShapeId;
      const hoveredShapeId = isProtected(next.hoveredShapeId) ? null : next.hoveredShapeId;
      if (
        selectedShapeIds.length === next.selectedShapeIds.length &&
        editingShapeId === next.editingShapeId &&
        hoveredShapeId === next.hoveredShapeId
      )
        return next;
      return { ...next, selectedShapeIds, editingShapeId, hoveredShapeId };
    }),
    editor.sideEffects.registerBeforeChangeHandler('shape', keepUnlessAllowed),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source !== 'user') return;
      const rule = refusedDeletion(shape);
      if (!rule) return;
      onRefused(rule);
      return false;
    }),
    // A pasted copy of a template's shape is the participant's own: unmarked and unlocked.
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || !guarded() || !isScaffolding(shape)) return shape;
      const { [scaffoldingMetaKey]: _mark, ...meta } = shape.meta;
      return { ...shape, isLocked: false, meta };
    }),
    editor.sideEffects.registerBeforeChangeHandler('page', keepUnlessAllowed),
    editor.sideEffects.registerBeforeDeleteHandler('page', (page, source) => {
      if (source !== 'user') return;
      const decision = decideWrite(writer(), { type: 'delete', prev: page });
      if (decision.allowed) return;
      onRefused(decision.rule);
      return false;
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
