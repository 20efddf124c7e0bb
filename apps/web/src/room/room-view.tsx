// The facilitator's view of the room during the current step (S-ROOM-4): private writing and its reveal,
// the message to everyone, then per group and per person who is here, what they wrote, their dots
// left and who has not contributed yet. Computed by @atelier/session's `roomOverview`.
import { useId, useState, type FormEvent } from 'react';
import { useEditor, useValue } from 'tldraw';
import { RoomLimits, type PublicSessionState } from '@atelier/protocol';
import { roomOverview, type PersonOverview } from '@atelier/session';
import { fill } from '../facilitation/format';
import type { SendCommand } from '../facilitation/use-facilitation';
import { useFacilitation } from '../facilitation/use-facilitation';
import { boardNoteCounts } from './board-note-counts';
import { helpRequestName, useGoToRequest } from './room-layer';
import { useRoomMessages } from './room-messages';

export function RoomView({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  return (
    <div className="fac-section room-view" data-testid="room-view">
      <PrivateControls session={session} send={send} />
      <BannerForm session={session} send={send} />
      <Overview session={session} send={send} />
    </div>
  );
}

function PrivateControls({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const m = useRoomMessages();
  const [anonymous, setAnonymous] = useState(true);
  const privateId = useId();
  const anonymousId = useId();
  const step = session.steps.find((candidate) => candidate.id === session.currentStepId);
  if (!step) return null;
  const pending = Object.values(session.privateNotes?.counts ?? {}).reduce((sum, count) => sum + count, 0);
  return (
    <div className="room-private-controls">
      <div className="fac-row">
        {/* The box inside its label: the whole line is the touch target (44 px on touch screens). */}
        <label htmlFor={privateId}>
          <input
            id={privateId}
            type="checkbox"
            checked={step.private ?? false}
            onChange={(event) =>
              void send({ type: 'private.set', stepId: step.id, private: event.target.checked })
            }
          />{' '}
          {m.roomPrivateStep}
        </label>
      </div>
      {step.private && <p className="fac-muted">{m.roomPrivateHelp}</p>}
      {(step.private || pending > 0) && (
        <>
          <p data-testid="pending-count">{fill(m.roomPending, { count: pending })}</p>
          <div className="fac-row">
            <label htmlFor={anonymousId}>
              <input
                id={anonymousId}
                type="checkbox"
                checked={anonymous}
                onChange={(event) => setAnonymous(event.target.checked)}
              />{' '}
              {m.roomAnonymous}
            </label>
          </div>
          <button
            type="button"
            className="fac-button primary"
            disabled={pending === 0}
            onClick={() => void send({ type: 'private.reveal', anonymous })}
          >
            {m.roomReveal}
          </button>
        </>
      )}
    </div>
  );
}

function BannerForm({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const m = useRoomMessages();
  const [text, setText] = useState('');
  const inputId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    if (await send({ type: 'banner.set', text: text.trim() })) setText('');
  };
  return (
    <form className="room-banner-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>{m.roomBannerLabel}</label>
      <div className="fac-row">
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={RoomLimits.maxBannerLength}
          placeholder={m.roomBannerPlaceholder}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="fac-button primary" disabled={!text.trim()}>
          {m.roomBannerSend}
        </button>
      </div>
      {session.banner && (
        <div className="fac-row">
          <span className="fac-muted">« {session.banner.text} »</span>
          <button
            type="button"
            className="fac-button small"
            onClick={() => void send({ type: 'banner.clear' })}
          >
            {m.roomBannerClear}
          </button>
        </div>
      )}
    </form>
  );
}

function Overview({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const m = useRoomMessages();
  const editor = useEditor();
  const { clockOffsetMs } = useFacilitation();
  const goTo = useGoToRequest(session);
  // Notes are stamped with their author's clock; the step entry is the server's: compare in this browser's.
  const since = session.stepEntry ? session.stepEntry.at - clockOffsetMs : null;
  const counts = useValue('notes per author', () => boardNoteCounts(editor.getCurrentPageShapes(), since), [
    editor,
    since,
  ]);
  const overview = roomOverview(session, counts);
  const requestOf = (id: string | undefined) => session.helpRequests?.find((request) => request.id === id);
  if (overview.totals.participants === 0) return <p className="fac-muted">{m.roomNobody}</p>;
  return (
    <div className="room-overview">
      <p data-testid="room-totals">
        {fill(m.roomTotals, {
          connected: overview.totals.connected,
          participants: overview.totals.participants,
          notes: overview.totals.notes,
          contributed: overview.totals.contributed,
        })}
      </p>
      <p className="room-not-yet" data-testid="not-yet-contributed">
        {overview.notYetContributed.length === 0
          ? m.roomEveryone
          : fill(m.roomNotYet, { names: overview.notYetContributed.map((person) => person.name).join(', ') })}
      </p>
      {overview.groups.map((group) => {
        const request = requestOf(group.helpRequestId);
        return (
          <div
            key={group.id}
            className={`room-group${request ? ' needs-help' : ''}`}
            data-testid="room-group"
          >
            <h3>
              {group.name}{' '}
              <span className="fac-muted">
                {fill(m.roomGroupLine, {
                  connected: group.connected,
                  people: group.people.length,
                  notes: group.notes,
                })}
              </span>
            </h3>
            {request && (
              <div className="fac-row">
                <strong className="room-help-tag">{m.roomHelpBadge}</strong>
                <button
                  type="button"
                  className="fac-button small primary"
                  aria-label={fill(m.roomGoThereLabel, { name: helpRequestName(request, session) })}
                  onClick={() => goTo(request)}
                >
                  {m.roomGoThere}
                </button>
                <button
                  type="button"
                  className="fac-button small"
                  onClick={() => void send({ type: 'help.clear', id: request.id })}
                >
                  {m.roomHelpClear}
                </button>
              </div>
            )}
            <People people={group.people} />
          </div>
        );
      })}
      {overview.ungrouped.length > 0 && (
        <div className="room-group" data-testid="room-ungrouped">
          {overview.groups.length > 0 && <h3>{m.roomUngrouped}</h3>}
          <People people={overview.ungrouped} />
        </div>
      )}
    </div>
  );
}

function People({ people }: { people: PersonOverview[] }) {
  const m = useRoomMessages();
  return (
    <ul className="room-people">
      {people.map((person) => (
        <li key={person.userId} className={person.connected ? '' : 'is-away'} data-testid="room-person">
          <span className={`room-presence${person.connected ? ' is-on' : ''}`} aria-hidden="true" />
          <span className="room-person-name">{person.name}</span>
          <span className="fac-visually-hidden">{person.connected ? m.roomConnected : m.roomAway}</span>
          <span className="room-person-figures">
            {fill(m.roomPersonNotes, { count: person.boardNotes + person.privateNotes })}
            {person.privateNotes > 0 && ` (${fill(m.roomPersonPrivate, { count: person.privateNotes })})`}
            {person.dotsLeft !== null && ` · ${fill(m.roomPersonDots, { count: person.dotsLeft })}`}
          </span>
          {person.helpAsked && <strong className="room-help-tag">{m.roomHelpBadge}</strong>}
        </li>
      ))}
    </ul>
  );
}
