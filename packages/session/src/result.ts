// What `apply` returns, and the context every command handler gets.
import type { ErrorCode, Participant, SessionState } from '@atelier/protocol';

/** Who sends a command; the server derives it from the socket, never from the payload. */
export type Actor = Pick<Participant, 'userId' | 'role'>;

export type ApplyResult = { ok: true; state: SessionState } | { ok: false; code: ErrorCode; message: string };

export interface CommandContext {
  actor: Actor;
  now: number;
  random: () => number;
  /** How long a destructive command stays undoable (S-UNDO-1). */
  undoWindowMs: number;
}

export function accept(state: SessionState): ApplyResult {
  return { ok: true, state };
}

export function refuse(code: ErrorCode, message: string): ApplyResult {
  return { ok: false, code, message };
}
