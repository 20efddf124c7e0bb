// Which session events deserve a word from the live region, decided from the state before and after.
// Pure; session-announcer.tsx feeds it and calls `announce`.
import type { PublicVote } from '@atelier/protocol';
import type { Messages } from '../shared/i18n';
import { fill } from '../facilitation/format';

/** Seconds left at which the timer is announced (0 is "time is up", said by the step's own text). */
export const TIMER_MILESTONES = [300, 60] as const;

/**
 * The milestone the running countdown just reached going from `before` to `now` seconds left, else
 * null (a first reading, or arriving already past it, announces nothing).
 */
export function timerMilestone(before: number | null, now: number, running: boolean): number | null {
  if (!running || before === null) return null;
  return TIMER_MILESTONES.find((mark) => before > mark && now <= mark && now > 0) ?? null;
}

export function timerMilestoneText(mark: number, t: Messages): string {
  return mark >= 120 ? fill(t.a11yMinutesLeft, { minutes: Math.round(mark / 60) }) : t.a11yOneMinuteLeft;
}

type VoteLike = Pick<
  PublicVote,
  'id' | 'status' | 'revealed' | 'results' | 'dotsPerPerson' | 'stepId'
> | null;

/** "Vote ouvert…" when a vote opens, "Résultats…" when its results are shown to this person. */
export function voteAnnouncement(before: VoteLike, now: VoteLike, t: Messages): string | null {
  if (!now) return null;
  if (now.status === 'open' && (before?.status !== 'open' || before.id !== now.id))
    return fill(t.a11yVoteOpened, { dots: now.dotsPerPerson });
  const shown = (vote: VoteLike) => vote !== null && vote.revealed && vote.results !== null;
  if (shown(now) && !shown(before)) return t.a11yVoteRevealed;
  return null;
}

/** "Un nouveau post-it dans votre zone" / "3 nouveaux…", for `announce`'s grouping. */
export function newNotesText(t: Messages): (count: number) => string {
  return (count) => (count === 1 ? t.a11yNewNote : fill(t.a11yNewNotes, { count }));
}
