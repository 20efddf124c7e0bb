// Which step-specific controls belong on screen now: the vote's belong to the step it was opened
// in (or to any step while it is open), the engagement cards' to the vote's aftermath and the
// engagements step. Elsewhere they would only crowd the header.
import type { PublicSessionState, SessionRole } from '@atelier/protocol';

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

/**
 * "Créer les fiches d'engagement": the facilitator's, on a board that has the engagements frame,
 * once the vote of the current step is closed or revealed, and at the steps worked in that frame.
 */
export function showEngagementAction(
  session: Session,
  role: SessionRole | 'viewer' | null,
  engagementsFrameId: string | undefined,
): boolean {
  if (role !== 'facilitator' || !engagementsFrameId) return false;
  const step = session.steps.find((s) => s.id === session.currentStepId);
  if (step?.frameId === engagementsFrameId) return true;
  const vote = session.vote;
  return (
    vote !== null && vote.stepId === session.currentStepId && (vote.status === 'closed' || vote.revealed)
  );
}

/** "Ajouter un post-it": at every step but a break, and out of the way while a vote is open. */
export function showAddNote(session: Session): boolean {
  const step = session.steps.find((s) => s.id === session.currentStepId);
  return step !== undefined && step.kind !== 'break' && session.vote?.status !== 'open';
}
