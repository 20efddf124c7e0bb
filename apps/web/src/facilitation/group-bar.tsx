// The person's group in the header: its name, a way there and, when people choose, the choice.
import { useId } from 'react';
import { useEditor, type TLShapeId } from 'tldraw';
import type { PublicSessionState } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { moveCameraTo } from './camera-sync';
import { fill } from './format';
import { groupOf } from './participants-view';
import { useCommand, useFacilitation } from './use-facilitation';

export function GroupBar({ session }: { session: PublicSessionState }) {
  const editor = useEditor();
  const { t } = useI18n();
  const { me, role } = useFacilitation();
  const { send, error } = useCommand();
  const selectId = useId();
  const groups = session.groups;
  if (!groups || role !== 'participant') return null;
  const mine = groupOf(session, me);
  const frameId = mine?.group.frameId;
  return (
    <div className="fac-row fac-group-bar">
      {mine && <strong data-testid="my-group">{fill(t.facYourGroup, { name: mine.group.name })}</strong>}
      {frameId && (
        <button
          type="button"
          className="fac-button"
          onClick={() => {
            const bounds = editor.getShapePageBounds(frameId as TLShapeId);
            if (bounds) moveCameraTo(editor, bounds);
          }}
        >
          {t.facGoToGroup}
        </button>
      )}
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
