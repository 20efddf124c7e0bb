// The facilitation state as the components read it, and a way to send commands with readable refusals.
import { useCallback, useState } from 'react';
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

/** Sends commands; the last refusal stays readable until the next success or `dismiss`. */
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
  return { send, error, dismiss };
}
