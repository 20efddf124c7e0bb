// A structured card's form opens from the card itself: a "Remplir la fiche" button on the selected
// card (every device: the style panel, where the form used to live, is folded or, on phones,
// behind tldraw's style menu), and the form beside the board or, on phones, as a bottom sheet.
import { readCard } from '@atelier/board-schema';
import { atom, useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import { intersects } from '../live/geometry';
import { coveringRects } from '../live/screen-area';
import { useI18n } from '../shared/i18n';
import { CardFormPanel } from './card-form-panel';

/** The card whose form is open (one editor per page). */
const openForm = atom<TLShapeId | null>('atelier open card form', null);

/** Opens the form of the card `id` (selecting it: the form edits the selected card), e.g. from the list view. */
export function openCardForm(editor: Editor, id: TLShapeId): void {
  editor.select(id);
  openForm.set(id);
}

/** The card whose form is open, null when none is. */
export function useOpenCardForm(): TLShapeId | null {
  return useValue('atelier card form open', () => openForm.get(), []);
}

/** The only selected shape when it is a structured card. */
function useSelectedCard(): TLShapeId | null {
  const editor = useEditor();
  return useValue(
    'atelier selected card id',
    () => {
      const shape = editor.getOnlySelectedShape();
      return shape && readCard(shape) !== null ? shape.id : null;
    },
    [editor],
  );
}

/** About the button's size, to tell whether a header or panel would cover it. */
const BUTTON = { w: 180, h: 48, gap: 6 };

/**
 * In front of the canvas: the button just above the selected card, clear of it (it is dragged), or
 * just below it when a header or panel covers the space above.
 */
export function CardFormOpener() {
  const editor = useEditor();
  const { t } = useI18n();
  const card = useSelectedCard();
  const open = useValue('atelier card form open', () => openForm.get(), []);
  const corner = useValue(
    'atelier card corner',
    () => {
      if (!card || editor.getEditingShapeId() !== null) return null;
      const bounds = editor.getShapePageBounds(card);
      // Only for a card in view: one selected earlier and left behind off screen gets none.
      if (!bounds || !editor.getViewportPageBounds().collides(bounds)) return null;
      const top = editor.pageToViewport({ x: bounds.midX, y: bounds.minY });
      const bottom = editor.pageToViewport({ x: bounds.midX, y: bounds.maxY });
      const { w, h } = editor.getViewportScreenBounds();
      // Kept on screen, whatever part of the card shows.
      const x = Math.min(Math.max(top.x, 100), w - 100);
      const above = { x, y: Math.min(Math.max(top.y, 110), h - 60), below: false };
      const covered = (y: number) =>
        coveringRects(editor).some((rect) =>
          intersects(rect, { x: x - BUTTON.w / 2, y, w: BUTTON.w, h: BUTTON.h }),
        );
      if (!covered(above.y - BUTTON.gap - BUTTON.h)) return above;
      const below = { x, y: Math.min(bottom.y, h - 60), below: true };
      return covered(below.y + BUTTON.gap) ? above : below;
    },
    [editor, card],
  );
  if (!card || !corner || open === card) return null;
  return (
    <button
      type="button"
      className="card-open-form"
      style={{
        transform: `translate(${corner.x}px, ${corner.y}px) translate(-50%, ${
          corner.below ? `${BUTTON.gap}px` : `calc(-100% - ${BUTTON.gap}px)`
        })`,
      }}
      onClick={() => openForm.set(card)}
    >
      {t.cardOpenForm}
    </button>
  );
}

/** The form of the card it was opened for, while that card stays selected. */
export function CardFormSheet() {
  const card = useSelectedCard();
  const open = useValue('atelier card form open', () => openForm.get(), []);
  if (!card || open !== card) return null;
  return <CardFormPanel onClose={() => openForm.set(null)} />;
}
