import { useI18n } from '../shared/i18n';
import { useConnectionState } from './board-context';

export function ConnectionBadge() {
  const { t } = useI18n();
  const { status, welcome } = useConnectionState();
  const label = {
    connecting: t.statusConnecting,
    online: t.statusOnline,
    reconnecting: t.statusReconnecting,
    refused: t.statusRefused,
  }[status];
  const role = welcome
    ? { facilitator: t.roleFacilitator, participant: t.roleParticipant, viewer: t.roleViewer }[welcome.role]
    : null;
  return (
    <div
      className={`connection-badge connection-${status}`}
      role="status"
      aria-live="polite"
      data-testid="connection-badge"
      title={role ? `${label} · ${role}` : label}
    >
      <span className="dot" aria-hidden="true" />
      {/* On phones only the dot shows; the words stay for screen readers. */}
      <span className="connection-label">
        {label}
        {role && <span className="role"> · {role}</span>}
      </span>
    </div>
  );
}
