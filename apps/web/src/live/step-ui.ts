// Which step-specific controls belong on screen now: the vote's belong to the step it was opened
// in (or to any step while it is open). Elsewhere they would only crowd the header.
import type { BoardRole, PublicSessionState } from '@atelier/protocol';
import { isPrivateStepNow } from '@atelier/session';

type Session = Pick<PublicSessionState, 'currentStepId' | 'steps' | 'vote'>;

export interface VoteUi {
  /** "Vote en cours · 2 points sur 2" / "Vote clos" in the header. */
  status: boolean;
  /** "Voter" and "Retirer un point" near the thumb. */
  actions: boolean;
  /** The revealed results, foldable, in the header. */
  results: boolean;
}

const NONE: VoteUi = { status: false, actions: false, results: false };

export function voteUi(session: Session, canVote: boolean): VoteUi {
  const vote = session.vote;
  if (!vote) return NONE;
  const open = vote.status === 'open';
  const atItsStep = vote.stepId === undefined || vote.stepId === session.currentStepId;
  if (!open && !atItsStep) return NONE;
  return {
    status: true,
    actions: open && canVote,
    results: atItsStep && vote.revealed && vote.results !== null,
  };
}

/** "Ajouter un post-it": at every step but a break, and out of the way while a vote is open. */
export function showAddNote(session: Session): boolean {
  const step = session.steps.find((s) => s.id === session.currentStepId);
  return step !== undefined && step.kind !== 'break' && session.vote?.status !== 'open';
}

/**
 * S-PRIV-7: a participant's new idea goes to their private list now ("Ajouter un post-it", the note tool
 * and the list view write there); the facilitator writes on the board at any step.
 */
export function writesPrivately(
  session: Pick<Session, 'currentStepId' | 'steps'>,
  role: BoardRole | null,
): boolean {
  return role === 'participant' && isPrivateStepNow(session);
}
