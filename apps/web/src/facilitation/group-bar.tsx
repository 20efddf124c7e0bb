// The person's group in the header: its name and, when people choose, the choice. (Each step
// brings them to their group's zone; "Revenir à l'étape" brings them back after roaming.)
import { useId } from 'react';
import type { PublicSessionState } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { fill } from './format';
import { groupOf } from './participants-view';
import { useCommand, useFacilitation } from './use-facilitation';

export function GroupBar({ session }: { session: PublicSessionState }) {
  const { t } = useI18n();
  const { me, role } = useFacilitation();
  const { send, error } = useCommand();
  const selectId = useId();
  const groups = session.groups;
  if (!groups || role !== 'participant') return null;
  const mine = groupOf(session, me);
  return (
    <div className="fac-row fac-group-bar">
      {mine && <strong data-testid="my-group">{fill(t.facYourGroup, { name: mine.group.name })}</strong>}
      {groups.mode === 'self' && (
        <>
          <label htmlFor={selectId}>{t.facChooseGroup}</label>
          <select
            id={selectId}
            value={mine?.group.id ?? ''}
            onChange={(event) =>
              event.target.value && void send({ type: 'groups.choose', groupId: event.target.value })
            }
          >
            <option value="" disabled>
              {t.facChooseGroupPlaceholder}
            </option>
            {groups.list.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <span className="fac-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
