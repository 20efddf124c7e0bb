// Breakout groups: split (balanced at random, or self-chosen) into the board's group frames.
import { useId, useState, type FormEvent } from 'react';
import { useEditor } from 'tldraw';
import { SessionLimits, type GroupMode, type PublicSessionState } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { groupFrames } from './canvas-items';
import { fill } from './format';
import type { SendCommand } from './use-facilitation';

export function GroupsPanel({ session, send }: { session: PublicSessionState; send: SendCommand }) {
  const editor = useEditor();
  const { t } = useI18n();
  const ids = { count: useId(), mode: useId() };
  const [count, setCount] = useState(() =>
    String(session.groups?.list.length ?? (groupFrames(editor).length || 2)),
  );
  const [mode, setMode] = useState<GroupMode>(session.groups?.mode ?? 'balanced');

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = Math.min(SessionLimits.maxGroups, Math.max(1, Math.round(Number(count)) || 1));
    // Group i goes to the board's frame for group i when the template drew one.
    const frameIds = groupFrames(editor)
      .slice(0, wanted)
      .map((frame) => frame.frameId);
    // Named in the facilitator's language (the workshop's), not the session machine's default.
    const names = Array.from({ length: wanted }, (_, i) => fill(t.facGroupName, { n: i + 1 }));
    void send({ type: 'groups.split', count: wanted, mode, names, ...(frameIds.length ? { frameIds } : {}) });
  }

  return (
    <div className="fac-section">
      {session.groups && (
        <div className="fac-row">
          <strong>{fill(t.facGroupsActive, { count: session.groups.list.length })}</strong>
          <button type="button" className="fac-button" onClick={() => void send({ type: 'groups.clear' })}>
            {t.facClearGroups}
          </button>
        </div>
      )}
      <form className="fac-form" onSubmit={submit}>
        <div className="fac-field-row">
          <label htmlFor={ids.count}>{t.facGroupCount}</label>
          <input
            id={ids.count}
            type="number"
            min={1}
            max={SessionLimits.maxGroups}
            required
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
        </div>
        <fieldset className="fac-fieldset">
          <legend>{t.facGroupMode}</legend>
          <label className="fac-check">
            <input
              type="radio"
              name={ids.mode}
              checked={mode === 'balanced'}
              onChange={() => setMode('balanced')}
            />
            {t.facGroupModeBalanced}
          </label>
          <label className="fac-check">
            <input type="radio" name={ids.mode} checked={mode === 'self'} onChange={() => setMode('self')} />
            {t.facGroupModeSelf}
          </label>
        </fieldset>
        <button type="submit" className="fac-button primary">
          {t.facSplit}
        </button>
      </form>
    </div>
  );
}
