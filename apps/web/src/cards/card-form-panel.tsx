// The form of the structured card selected on the canvas, opened from the card itself
// (card-form-host.tsx). It reads the card from the shape's meta and writes every change straight
// back (meta + regenerated text), so it syncs like any edit.
import {
  cardLabels,
  changesSinceImport,
  importedFields,
  readCard,
  withCard,
  type Card,
} from '@atelier/board-schema';
import { useEffect, useId, useRef, useState } from 'react';
import { useEditor, useValue, type TLShape } from 'tldraw';
import { useI18n } from '../shared/i18n';
import { ActionCardForm } from './action-card-form';
import { EngagementCardForm } from './engagement-card-form';
import { IdentityCardForm } from './identity-card-form';
import { pinnedOnAcademie } from './identity-map-placement';
import { fill } from '../facilitation/format';

export function CardFormPanel({ onClose }: { onClose: () => void }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const headingId = useId();
  const [failed, setFailed] = useState(false);
  const selected = useValue(
    'atelier selected card',
    () => {
      const shape = editor.getOnlySelectedShape();
      const card = shape ? readCard(shape) : null;
      return shape && card ? { shape, card } : null;
    },
    [editor],
  );
  const readOnly = useValue('atelier read only', () => editor.getIsReadonly(), [editor]);
  const cardId = selected?.shape.id;
  // Who else has this card selected (tldraw's presence): two labs never edit one card unawares.
  const others = useValue(
    'atelier card co-editors',
    () =>
      cardId
        ? [
            ...new Set(
              editor
                .getCollaboratorsOnCurrentPage()
                .filter((presence) => presence.selectedShapeIds.includes(cardId))
                .map((presence) => presence.userName),
            ),
          ]
        : [],
    [editor, cardId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened on purpose: the keyboard goes to the form.
  useEffect(() => heading.current?.focus(), []);
  if (!selected) return null;
  const { shape, card } = selected;

  const commit = (next: Card) => {
    const current: TLShape = editor.getShape(shape.id) ?? shape;
    try {
      // Choosing the académie puts the card on the map, as a pin on that académie.
      const before = readCard(current);
      const placed =
        next.kind === 'identity' &&
        next.fields.academie !== null &&
        before?.kind === 'identity' &&
        before.fields.academie !== next.fields.academie
          ? pinnedOnAcademie(editor, current, next.fields, locale)
          : null;
      // withCard validates the fields: a value the schema refuses never reaches the board.
      editor.updateShape(placed ?? withCard(current, next.kind, next.fields, locale));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className="card-panel" aria-labelledby={headingId} data-testid="card-panel">
      <div className="card-panel-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {cardLabels.kind[card.kind][locale]}
        </h2>
        <button
          type="button"
          className="card-panel-close"
          aria-label={t.cardPanelClose}
          title={t.cardPanelClose}
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      {readOnly && <p className="card-hint">{t.cardReadOnly}</p>}
      {others.length > 0 && (
        <p className="card-coediting" role="status" data-testid="card-coediting">
          {fill(t.cardAlsoEditing, { names: others.join(', ') })}
        </p>
      )}
      {card.kind === 'identity' && <ChangesSinceImport shape={shape} fields={card.fields} />}
      <form className="card-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="card-form-body" disabled={readOnly}>
          {card.kind === 'identity' && (
            <IdentityCardForm
              fields={card.fields}
              onChange={(fields) => commit({ kind: 'identity', fields })}
            />
          )}
          {card.kind === 'engagement' && (
            <EngagementCardForm
              fields={card.fields}
              onChange={(fields) => commit({ kind: 'engagement', fields })}
            />
          )}
          {card.kind === 'action' && (
            <ActionCardForm fields={card.fields} onChange={(fields) => commit({ kind: 'action', fields })} />
          )}
        </fieldset>
      </form>
      {failed && (
        <p role="alert" className="card-error">
          {t.cardSaveFailed}
        </p>
      )}
    </section>
  );
}

/** What changed on an imported card during the session, field by field. */
function ChangesSinceImport({
  shape,
  fields,
}: {
  shape: TLShape;
  fields: Extract<Card, { kind: 'identity' }>['fields'];
}) {
  const { t, locale } = useI18n();
  const imported = importedFields(shape);
  const changed = imported ? changesSinceImport(fields, imported) : [];
  if (changed.length === 0) return null;
  const labels = changed.map((field) => cardLabels.identityField[field][locale].toLowerCase());
  return (
    <p className="card-hint card-changed" data-testid="card-changed">
      {fill(t.cardChangedSinceImport, { fields: labels.join(', ') })}
    </p>
  );
}
