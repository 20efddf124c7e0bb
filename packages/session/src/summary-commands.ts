// The facilitator's summary ("Synthèse") of the session (S-SUM-*): free text the reports open with.
import type { SessionCommandOf, SessionState } from '@atelier/protocol';
import { accept, type ApplyResult, type CommandContext } from './result';
import { appendLog } from './session-log';

/** S-SUM-1: replaces the summary (trimmed); an empty text removes it; logged without the text. */
export function summarySet(
  state: SessionState,
  command: SessionCommandOf<'summary.set'>,
  ctx: CommandContext,
): ApplyResult {
  const text = command.text.trim();
  if ((state.summary ?? '') === text) return accept(state);
  const { summary: _previous, ...rest } = state;
  const next: SessionState = text ? { ...rest, summary: text } : rest;
  return accept({
    ...next,
    log: appendLog(state.log, [
      { type: 'summary.set', at: ctx.now, by: ctx.actor.userId, length: text.length },
    ]),
  });
}
