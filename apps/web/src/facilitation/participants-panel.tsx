// Who is connected, by group or by lab; the facilitator can move someone to another group, or
// remove someone from the board (after confirming).
import { useId, useState } from 'react';
import type { Participant, PublicSessionState } from '@atelier/protocol';
import { Dialog } from '../shared/dialog';
import { useI18n, type Messages } from '../shared/i18n';
import { fill } from './format';
import {
  presenceSummary,
  SectionKind,
  sectionsByGroup,
  sectionsByLab,
  type ParticipantSection,
} from './participants-view';
import type { SendCommand } from './use-facilitation';

function sectionTitle(section: ParticipantSection, t: Messages): string {
  switch (section.kind) {
    case SectionKind.facilitators:
      return t.facFacilitators;
    case SectionKind.noGroup:
      return t.facNoGroup;
    case SectionKind.noLab:
      return t.facNoLab;
    default:
      return section.name ?? '';
  }
}

function RemoveDialog({
  person,
  send,
  onClose,
}: {
  person: Participant;
  send: SendCommand;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={fill(t.facRemoveTitle, { name: person.name })} onClose={onClose}>
      <p>{t.facRemoveHelp}</p>
      <button
        type="button"
        className="button danger"
        onClick={() => {
          void send({ type: 'participant.remove', userId: person.userId });
          onClose();
        }}
      >
        {t.facRemoveConfirm}
      </button>
    </Dialog>
  );
}

export function ParticipantsPanel({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const { t } = useI18n();
  const [by, setBy] = useState<'group' | 'lab'>('group');
  const [removing, setRemoving] = useState<Participant | null>(null);
  const radioName = useId();
  const summary = presenceSummary(session.participants);
  const groups = session.groups?.list ?? [];
  const sections =
    by === 'group'
      ? sectionsByGroup(session.participants, session.groups?.list ?? null)
      : sectionsByLab(session.participants);
  return (
    <div className="fac-section">
      <p data-testid="presence">{fill(t.facPresence, { ...summary })}</p>
      <fieldset className="fac-fieldset fac-segmented">
        <legend>{t.facSortBy}</legend>
        <label className="fac-check">
          <input type="radio" name={radioName} checked={by === 'group'} onChange={() => setBy('group')} />
          {t.facByGroup}
        </label>
        <label className="fac-check">
          <input type="radio" name={radioName} checked={by === 'lab'} onChange={() => setBy('lab')} />
          {t.facByLab}
        </label>
      </fieldset>
      {sections.map((section) => (
        <div key={section.key} className="fac-people-section">
          <h4>
            {sectionTitle(section, t)} <span className="fac-muted">({section.connected})</span>
          </h4>
          <ul className="fac-people">
            {section.people.map((person) => (
              <li key={person.userId} className={person.connected ? undefined : 'is-offline'}>
                <span>
                  {person.name}
                  {by === 'group' && person.lab && <span className="fac-muted"> · {person.lab}</span>}
                  {!person.connected && <span className="fac-muted"> ({t.facOffline})</span>}
                </span>
                <span className="fac-person-actions">
                  {groups.length > 0 && person.role === 'participant' && (
                    <select
                      aria-label={fill(t.facMoveTo, { name: person.name })}
                      value={person.groupId ?? ''}
                      onChange={(event) =>
                        event.target.value &&
                        void send({ type: 'groups.move', userId: person.userId, groupId: event.target.value })
                      }
                    >
                      <option value="" disabled>
                        {t.facNoGroup}
                      </option>
                      {groups.map((group) => (
                        <option key={group.id} value={group.id}>
                          {group.name}
                        </option>
                      ))}
                    </select>
                  )}
                  {person.role === 'participant' && (
                    <button
                      type="button"
                      className="fac-remove"
                      aria-label={fill(t.facRemoveLabel, { name: person.name })}
                      onClick={() => setRemoving(person)}
                    >
                      {t.facRemove}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {removing && <RemoveDialog person={removing} send={send} onClose={() => setRemoving(null)} />}
    </div>
  );
}
