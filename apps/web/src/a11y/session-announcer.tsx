// Mounted inside <Tldraw>: turns what happens in the session into polite announcements (see
// announcer.tsx): the step and its timer's state, 5 minutes and 1 minute left, a vote opening and
// its results, and notes others add in the person's zone (grouped).
import { useEffect, useRef } from 'react';
import { useEditor, type TLShape, type TLShapeId } from 'tldraw';
import type { PublicSessionState } from '@atelier/protocol';
import { announcement } from '../facilitation/announcement';
import { currentStepView, type StepView } from '../facilitation/step-view';
import { useCountdown } from '../facilitation/use-countdown';
import { useFacilitation } from '../facilitation/use-facilitation';
import { placeOf } from '../live/step-camera';
import { useI18n } from '../shared/i18n';
import { announce } from './announcer';
import { newNotesText, timerMilestone, timerMilestoneText, voteAnnouncement } from './session-announcements';

export function SessionAnnouncer() {
  const { locale } = useI18n();
  const { session } = useFacilitation();
  const step = session ? currentStepView(session, locale) : null;
  useNewNotesAnnounced(session);
  useVoteAnnounced(session);
  if (!session || !step) return null;
  return <StepAnnouncer session={session} step={step} />;
}

function StepAnnouncer({ session, step }: { session: PublicSessionState; step: StepView }) {
  const { t } = useI18n();
  const { clockOffsetMs } = useFacilitation();
  const view = useCountdown(session.timer, clockOffsetMs);
  const text = announcement(step, view, t);
  useEffect(() => announce(text), [text]);

  const running = view.status === 'running' && !view.isOvertime;
  const before = useRef<{ stepId: string; seconds: number } | null>(null);
  useEffect(() => {
    const previous = before.current?.stepId === step.step.id ? before.current.seconds : null;
    const mark = timerMilestone(previous, view.seconds, running);
    if (mark !== null) announce(timerMilestoneText(mark, t));
    before.current = { stepId: step.step.id, seconds: view.seconds };
  }, [view.seconds, running, step.step.id, t]);
  return null;
}

function useVoteAnnounced(session: PublicSessionState | null) {
  const { t } = useI18n();
  const vote = session?.vote ?? null;
  const before = useRef(vote);
  useEffect(() => {
    const text = voteAnnouncement(before.current, vote, t);
    before.current = vote;
    if (text) announce(text);
  }, [vote, t]);
}

/** Notes that arrive from others (a remote change) inside the person's place at the step. */
function useNewNotesAnnounced(session: PublicSessionState | null) {
  const editor = useEditor();
  const { t } = useI18n();
  const { me } = useFacilitation();
  const latest = useRef({ session, t, me });
  useEffect(() => {
    latest.current = { session, t, me };
  }, [session, t, me]);
  useEffect(
    () =>
      editor.sideEffects.registerAfterCreateHandler('shape', (shape: TLShape, source) => {
        const { session: now, t: words, me: self } = latest.current;
        if (source !== 'remote' || shape.type !== 'note' || !now) return;
        const place = new Set(placeOf(editor, now, self));
        if (place.size === 0) return;
        const inPlace = editor
          .getShapeAncestors(shape.id as TLShapeId)
          .some((ancestor) => place.has(ancestor.id));
        if (inPlace) announce(newNotesText(words), { groupKey: 'new-note-in-zone' });
      }),
    [editor],
  );
}
