// "Rassembler tout le monde ici" and "Suivez-moi".
import { useEditor } from 'tldraw';
import type { PublicSessionState } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { fill } from './format';
import { currentStepView } from './step-view';
import type { SendCommand } from './use-facilitation';

export function CameraControls({
  session,
  send,
  me,
}: {
  session: PublicSessionState;
  send: SendCommand;
  me: string;
}) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const frameId = currentStepView(session, locale)?.step.frameId;
  const follow = session.camera.follow;
  const leading = follow?.userId === me;
  const leaderName =
    follow && !leading
      ? session.participants.find((person) => person.userId === follow.userId)?.name
      : undefined;

  const summonHere = () => {
    const { x, y, w, h } = editor.getViewportPageBounds();
    void send({ type: 'camera.summon', bounds: { x, y, w, h } });
  };

  return (
    <div className="fac-section">
      <div className="fac-row">
        <button type="button" className="fac-button" onClick={summonHere}>
          {t.facSummonHere}
        </button>
        {frameId && (
          <button type="button" className="fac-button" onClick={() => void send({ type: 'camera.summon' })}>
            {t.facSummonFrame}
          </button>
        )}
      </div>
      <p className="fac-muted">{t.facSummonHint}</p>
      <div className="fac-row">
        <button
          type="button"
          className={`fac-button${leading ? ' primary' : ''}`}
          aria-pressed={leading}
          onClick={() => void send({ type: leading ? 'camera.follow.stop' : 'camera.follow.start' })}
        >
          {t.facFollowMe}
        </button>
      </div>
      {leading && <p className="fac-muted">{t.facFollowActive}</p>}
      {leaderName && <p className="fac-muted">{fill(t.facFollowOther, { name: leaderName })}</p>}
    </div>
  );
}
