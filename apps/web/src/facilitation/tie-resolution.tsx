// The facilitator settles a tie at the cut (S-DECIDE-3, S-DECIDE-5): a run-off among the tied, or a
// choice of as many as places are left. Never the template's order.
import type { PublicVote } from '@atelier/protocol';
import { useId, useState } from 'react';
import { useEditor } from 'tldraw';
import { useI18n } from '../shared/i18n';
import { voteItemLabel } from './canvas-items';
import { fill } from './format';
import type { SendCommand } from './use-facilitation';
import './decisions.css';

export function TieResolution({ vote, send }: { vote: PublicVote; send: SendCommand }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const headingId = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const outcome = vote.outcome;
  if (vote.status !== 'closed' || !outcome || outcome.decisionId || outcome.tied.length === 0) return null;
  const { placesLeft, tied, retained } = outcome;
  const label = (itemId: string) =>
    voteItemLabel(editor, itemId, locale) || (vote.itemKind === 'zone' ? t.voteZoneGone : t.facNoteGone);
  const toggle = (itemId: string, on: boolean) =>
    setChosen((current) => (on ? [...current, itemId] : current.filter((id) => id !== itemId)));

  return (
    <section className="tie" aria-labelledby={headingId} data-testid="tie-resolution">
      <h3 id={headingId} className="tie-heading">
        {t.tieHeading}
      </h3>
      <p>{fill(t.tieSummary, { tied: tied.length, count: tied[0]?.count ?? 0, places: placesLeft })}</p>
      {retained.length > 0 && (
        <p>{fill(t.tieRetainedSoFar, { names: retained.map((item) => label(item.itemId)).join(' ; ') })}</p>
      )}
      <button type="button" className="tie-button primary" onClick={() => void send({ type: 'vote.runoff' })}>
        {t.tieRunoff}
      </button>
      <p className="fac-muted">{fill(t.tieRunoffHelp, { dots: placesLeft })}</p>
      <fieldset className="tie-choice">
        <legend>{fill(t.tieChooseLegend, { places: placesLeft })}</legend>
        {tied.map((item) => (
          <label key={item.itemId} className="tie-option">
            <input
              type="checkbox"
              checked={chosen.includes(item.itemId)}
              disabled={!chosen.includes(item.itemId) && chosen.length >= placesLeft}
              onChange={(event) => toggle(item.itemId, event.target.checked)}
            />
            <span>{label(item.itemId)}</span>
          </label>
        ))}
      </fieldset>
      <div className="tie-row">
        <button
          type="button"
          className="tie-button"
          disabled={chosen.length !== placesLeft}
          onClick={() => void send({ type: 'vote.choose', itemIds: chosen })}
        >
          {t.tieChoose}
        </button>
        <span className="fac-muted" aria-live="polite">
          {fill(t.tieChooseCount, { chosen: chosen.length, places: placesLeft })}
        </span>
      </div>
    </section>
  );
}
