// A structured card's form opens from the card itself: a "Remplir la fiche" button on the selected
// card (every device: the style panel, where the form used to live, is folded or, on phones,
// behind tldraw's style menu), and the form beside the board or, on phones, as a bottom sheet.
import { readCard } from '@atelier/board-schema';
import { atom, useEditor, useValue, type TLShapeId } from 'tldraw';
import { useI18n } from '../shared/i18n';
import { CardFormPanel } from './card-form-panel';

/** The card whose form is open (one editor per page). */
const openForm = atom<TLShapeId | null>('atelier open card form', null);

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

/** In front of the canvas: the button just above the selected card, clear of it (it is dragged). */
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
      const { x, y } = editor.pageToViewport({ x: bounds.midX, y: bounds.minY });
      const { w, h } = editor.getViewportScreenBounds();
      // Kept on screen, whatever part of the card shows.
      return { x: Math.min(Math.max(x, 100), w - 100), y: Math.min(Math.max(y, 110), h - 60) };
    },
    [editor, card],
  );
  if (!card || !corner || open === card) return null;
  return (
    <button
      type="button"
      className="card-open-form"
      style={{ transform: `translate(${corner.x}px, ${corner.y}px) translate(-50%, calc(-100% - 6px))` }}
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
