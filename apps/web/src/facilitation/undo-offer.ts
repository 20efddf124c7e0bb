// What the facilitator's "Annuler" toast shows: the pending undo while its window is open (S-UNDO).
import type { PublicUndo, UndoableCommand } from '@atelier/protocol';
import type { Messages } from '../shared/i18n';

export interface UndoOffer {
  id: string;
  command: UndoableCommand;
  /** Server time at which the toast goes away by itself. */
  expiresAt: number;
  /** Whole seconds left, rounded up: "15 s" … "1 s". */
  secondsLeft: number;
}

/**
 * The undo still open at server time `serverNow`, or null (none, or its window has closed). A clock
 * reading from before the undo (a stale render) counts as its start: never more than the window.
 */
export function undoOffer(undo: PublicUndo | null | undefined, serverNow: number): UndoOffer | null {
  if (!undo || serverNow >= undo.expiresAt) return null;
  return {
    id: undo.id,
    command: undo.command,
    expiresAt: undo.expiresAt,
    secondsLeft: Math.ceil((undo.expiresAt - Math.max(serverNow, undo.at)) / 1000),
  };
}

/** What was just done, in the toast's words. */
export function undoMessage(command: UndoableCommand, t: Messages): string {
  switch (command) {
    case 'vote.clear':
      return t.facUndoneVote;
    case 'groups.clear':
      return t.facUndoneGroups;
    case 'step.reset':
      return t.facUndoneStep;
    case 'session.reset':
      return t.facUndoneSession;
  }
}
