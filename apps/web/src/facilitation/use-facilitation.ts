// The facilitation state as the components read it, and a way to send commands with readable refusals.
import { useCallback, useEffect, useState } from 'react';
import type { SessionCommand } from '@atelier/protocol';
import { useBoard, useConnectionState } from '../board/board-context';
import { useI18n } from '../shared/i18n';
import { commandErrorMessage } from './command-errors';

export function useFacilitation() {
  const { userId } = useBoard();
  const { session, welcome, clockOffsetMs, status } = useConnectionState();
  return {
    session,
    /** Null until the server has welcomed this connection. */
    role: welcome?.role ?? null,
    isFacilitator: welcome?.role === 'facilitator',
    me: welcome?.userId ?? userId,
    clockOffsetMs,
    online: status === 'online',
  };
}

export type SendCommand = (command: SessionCommand) => Promise<boolean>;

/** How long a refusal stays on screen (long enough to read twice) before it clears itself. */
export const ERROR_DISPLAY_MS = 8_000;

/**
 * Sends commands; the last refusal stays readable until the next success, `dismiss`, or
 * `ERROR_DISPLAY_MS`: an old refusal on screen would read as a new one.
 */
export function useCommand(): { send: SendCommand; error: string | null; dismiss: () => void } {
  const { connection } = useBoard();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const send = useCallback<SendCommand>(
    async (command) => {
      const ack = await connection.command(command);
      setError(ack.ok ? null : commandErrorMessage(command.type, ack.error, t));
      return ack.ok;
    },
    [connection, t],
  );
  const dismiss = useCallback(() => setError(null), []);
  useEffect(() => {
    if (error === null) return;
    const timer = setTimeout(() => setError(null), ERROR_DISPLAY_MS);
    return () => clearTimeout(timer);
  }, [error]);
  return { send, error, dismiss };
}
