// The facilitator's dot vote: open it on notes or zones with its settings and places, follow it live,
// close, reveal, settle a tie at the cut, see the decision, clear.
import { useId, useState, type FormEvent } from 'react';
import type { PublicSessionState, VoteItemKind, VoteSettings } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { DecisionSummary } from './decision-summary';
import { fill } from './format';
import { currentStepView } from './step-view';
import { TieResolution } from './tie-resolution';
import type { SendCommand } from './use-facilitation';
import { VoteResultsList } from './vote-results-list';

const DEFAULT_SETTINGS: VoteSettings = { dotsPerPerson: 3, maxDotsPerItem: 3, anonymous: true };

export function VotePanel({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const { t, locale } = useI18n();
  const { vote } = session;
  const step = currentStepView(session, locale)?.step;
  const decisionId = vote?.outcome?.decisionId;
  const decision = decisionId
    ? session.decisions?.find((candidate) => candidate.id === decisionId)
    : undefined;
  return (
    <div className="fac-section">
      {vote && (
        <>
          <p>
            <strong>{vote.status === 'open' ? t.facVoteOpen : t.facVoteClosed}</strong>
            {' · '}
            <span data-testid="vote-progress">
              {fill(t.facVoteProgress, { voters: vote.voterCount, dots: vote.dotsCast })}
            </span>
          </p>
          {vote.runoffOf && vote.candidates && (
            <p data-testid="runoff-status">
              {fill(t.voteRunoffStatus, { tied: vote.candidates.length, places: vote.places ?? 1 })}
            </p>
          )}
          <p className="fac-muted">{vote.revealed ? t.facVoteRevealed : t.facVoteHidden}</p>
          <VoteResultsList vote={vote} />
          <TieResolution key={vote.id} vote={vote} send={send} />
          {decision && (
            <>
              <DecisionSummary decision={decision} />
              <p className="fac-muted">{t.decisionOnBoard}</p>
            </>
          )}
          {vote.outcome &&
            vote.outcome.retained.length === 0 &&
            vote.outcome.tied.length === 0 &&
            !decision && <p className="fac-muted">{t.decisionNone}</p>}
          <div className="fac-row">
            {vote.status === 'open' && (
              <button type="button" className="fac-button" onClick={() => void send({ type: 'vote.close' })}>
                {t.facCloseVote}
              </button>
            )}
            {!vote.revealed && (
              <button type="button" className="fac-button" onClick={() => void send({ type: 'vote.reveal' })}>
                {t.facRevealVote}
              </button>
            )}
            <button type="button" className="fac-button" onClick={() => void send({ type: 'vote.clear' })}>
              {t.facClearVote}
            </button>
          </div>
        </>
      )}
      {vote?.status !== 'open' && (
        // A new form per step: its defaults come from the step.
        <VoteOpenForm key={step?.id ?? ''} defaults={step?.vote} frameId={step?.frameId} send={send} />
      )}
    </div>
  );
}

function VoteOpenForm({
  defaults = DEFAULT_SETTINGS,
  frameId,
  send,
}: {
  defaults?: VoteSettings | undefined;
  frameId: string | undefined;
  send: SendCommand;
}) {
  const { t } = useI18n();
  const kindName = useId();
  const [dots, setDots] = useState(String(defaults.dotsPerPerson));
  const [max, setMax] = useState(String(defaults.maxDotsPerItem));
  const [anonymous, setAnonymous] = useState(defaults.anonymous);
  // Zones are the frames inside the step's frame: without one, only notes can be voted on.
  const [itemKind, setItemKind] = useState<VoteItemKind>(frameId ? (defaults.itemKind ?? 'note') : 'note');
  const [places, setPlaces] = useState(String(defaults.places ?? 0));
  const [inFrame, setInFrame] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const clamp = (value: string) => Math.min(20, Math.max(1, Math.round(Number(value)) || 1));
    const kept = Math.min(20, Math.max(0, Math.round(Number(places)) || 0));
    void send({
      type: 'vote.open',
      dotsPerPerson: clamp(dots),
      maxDotsPerItem: clamp(max),
      anonymous,
      itemKind,
      ...(kept > 0 ? { places: kept } : {}),
      ...(defaults.decisionTitle ? { decisionTitle: defaults.decisionTitle } : {}),
      ...((itemKind === 'zone' || inFrame) && frameId ? { frameId } : {}),
    });
  }

  return (
    <form className="fac-form" onSubmit={submit}>
      {frameId && (
        <fieldset className="fac-fieldset">
          <legend>{t.voteOnLegend}</legend>
          {(['note', 'zone'] as const).map((kind) => (
            <label key={kind} className="fac-check">
              <input
                type="radio"
                name={kindName}
                checked={itemKind === kind}
                onChange={() => setItemKind(kind)}
              />
              {kind === 'note' ? t.voteOnNotes : t.voteOnZones}
            </label>
          ))}
        </fieldset>
      )}
      <NumberField label={t.facDotsPerPerson} min={1} value={dots} onChange={setDots} />
      <NumberField
        label={itemKind === 'zone' ? t.voteMaxPerZone : t.facMaxPerItem}
        min={1}
        value={max}
        onChange={setMax}
      />
      <NumberField label={t.votePlaces} min={0} value={places} onChange={setPlaces} />
      <label className="fac-check">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        {t.facAnonymous}
      </label>
      {frameId && itemKind === 'note' && (
        <label className="fac-check">
          <input type="checkbox" checked={inFrame} onChange={(event) => setInFrame(event.target.checked)} />
          {t.facVoteInFrame}
        </label>
      )}
      <button type="submit" className="fac-button primary">
        {t.facOpenVote}
      </button>
    </form>
  );
}

/** A number from `min` to 20, labelled. */
function NumberField({
  label,
  min,
  value,
  onChange,
}: {
  label: string;
  min: number;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="fac-field-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={20}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
