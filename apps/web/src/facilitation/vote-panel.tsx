// The facilitator's dot vote: open with its settings, follow it live, close, reveal, clear.
import { useId, useState, type FormEvent } from 'react';
import type { PublicSessionState, VoteSettings } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { fill } from './format';
import { currentStepView } from './step-view';
import type { SendCommand } from './use-facilitation';
import { VoteResultsList } from './vote-results-list';

const DEFAULT_SETTINGS: VoteSettings = { dotsPerPerson: 3, maxDotsPerItem: 3, anonymous: true };

export function VotePanel({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const { t, locale } = useI18n();
  const { vote } = session;
  const step = currentStepView(session, locale)?.step;
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
          <p className="fac-muted">{vote.revealed ? t.facVoteRevealed : t.facVoteHidden}</p>
          <VoteResultsList vote={vote} />
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
  const ids = { dots: useId(), max: useId() };
  const [dots, setDots] = useState(String(defaults.dotsPerPerson));
  const [max, setMax] = useState(String(defaults.maxDotsPerItem));
  const [anonymous, setAnonymous] = useState(defaults.anonymous);
  const [inFrame, setInFrame] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const clamp = (value: string) => Math.min(20, Math.max(1, Math.round(Number(value)) || 1));
    void send({
      type: 'vote.open',
      dotsPerPerson: clamp(dots),
      maxDotsPerItem: clamp(max),
      anonymous,
      ...(inFrame && frameId ? { frameId } : {}),
    });
  }

  return (
    <form className="fac-form" onSubmit={submit}>
      <div className="fac-field-row">
        <label htmlFor={ids.dots}>{t.facDotsPerPerson}</label>
        <input
          id={ids.dots}
          type="number"
          min={1}
          max={20}
          required
          value={dots}
          onChange={(event) => setDots(event.target.value)}
        />
      </div>
      <div className="fac-field-row">
        <label htmlFor={ids.max}>{t.facMaxPerItem}</label>
        <input
          id={ids.max}
          type="number"
          min={1}
          max={20}
          required
          value={max}
          onChange={(event) => setMax(event.target.value)}
        />
      </div>
      <label className="fac-check">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        {t.facAnonymous}
      </label>
      {frameId && (
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
