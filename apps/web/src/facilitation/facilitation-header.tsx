// What everyone sees at the top of the board: the step, its instructions and the shared countdown,
// the vote (at its step) and the person's group. Goes in tldraw's `TopPanel` slot; on phones that
// slot becomes a row of its own under tldraw's menus (see facilitation.css).
import { useEffect, useId, useRef, useState } from 'react';
import { createUserId, useEditor, useValue } from 'tldraw';
import type { PublicSessionState } from '@atelier/protocol';
import { atPlace, BackToStep } from '../live/step-camera';
import { RoomBanner } from '../room/room-layer';
import { voteUi } from '../live/step-ui';
import { DisclosureButton } from '../shared/disclosure-button';
import { useI18n } from '../shared/i18n';
import { COMPACT_SCREEN, useMediaQuery } from '../shared/use-media-query';
import { playChime } from './chime';
import { deadlineKey } from './countdown';
import { DayProgramme } from './day-programme';
import { GroupBar } from './group-bar';
import { QuickControls } from './quick-controls';
import { currentStepView, stepPosition, type StepView } from './step-view';
import { useCountdown } from './use-countdown';
import { useFacilitation } from './use-facilitation';
import { usePanelOpen } from './use-panel-open';
import { useSoundPreference } from './use-sound-preference';
import { VoteBar } from './vote-bar';
import './facilitation.css';

/** Seconds of overtime during which the header flashes. */
const FLASH_SECONDS = 4;

export function FacilitationHeader() {
  const { locale } = useI18n();
  const { session } = useFacilitation();
  const step = session ? currentStepView(session, locale) : null;
  if (!session || !step) return null;
  return <StepHeader session={session} step={step} />;
}

function StepHeader({ session, step }: { session: PublicSessionState; step: StepView }) {
  const { t } = useI18n();
  const { clockOffsetMs, isFacilitator, role } = useFacilitation();
  const vote = voteUi(session, role !== null && role !== 'viewer');
  const atStepPlace = useValue('at the step place', () => atPlace.get(), []);
  const panelOpen = usePanelOpen();
  const view = useCountdown(session.timer, clockOffsetMs);
  const [soundOn, setSoundOn] = useSoundPreference();
  const deadline = deadlineKey(session.currentStepId, session.timer);
  const chimedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!view.timeUp || deadline === null || chimedFor.current === deadline) return;
    chimedFor.current = deadline;
    // Arriving (or reloading) well after the deadline is no moment for a chime.
    if (soundOn && view.seconds > -2) playChime();
  }, [view.timeUp, view.seconds, deadline, soundOn]);

  const finished = view.status === 'finished';
  const flashing = view.timeUp && view.seconds > -FLASH_SECONDS;
  const stateLabel = finished
    ? t.facSequenceOver
    : view.status === 'paused'
      ? t.facTimerPaused
      : view.status === 'idle'
        ? t.facTimerIdle
        : view.isOvertime
          ? t.facOvertime
          : null;

  return (
    <section
      className={`fac-header${flashing ? ' is-flashing' : ''}`}
      aria-labelledby="fac-step-title"
      data-testid="facilitation-header"
      // Whether the view is held at the person's place at this step (see live/step-camera.tsx).
      data-at-place={atStepPlace}
    >
      <RoomBanner session={session} />
      <div className="fac-header-main">
        <span className="fac-step-number" data-testid="step-position">
          {stepPosition(step, t)}
        </span>
        <h2 id="fac-step-title" className="fac-step-title">
          {step.title}
        </h2>
        {stateLabel && (
          <span className={`fac-state${view.isOvertime && !finished ? ' is-overtime' : ''}`}>
            {stateLabel}
          </span>
        )}
        <div className="fac-clock">
          <div
            role="timer"
            aria-label={t.facCountdownLabel}
            className={`fac-countdown${view.isOvertime ? ' is-overtime' : ''}${view.status === 'paused' ? ' is-paused' : ''}`}
            data-testid="countdown"
            data-status={view.status}
          >
            {view.display}
          </div>
          <button
            type="button"
            className="fac-icon-button"
            aria-pressed={soundOn}
            aria-label={t.facSound}
            title={t.facSound}
            onClick={() => setSoundOn(!soundOn)}
          >
            <BellIcon muted={!soundOn} />
          </button>
        </div>
      </div>
      {session.question && (
        <p className="fac-question" data-testid="question">
          <strong>{t.facQuestion}</strong> {session.question}
        </p>
      )}
      {step.instructions && <Instructions key={step.step.id} text={step.instructions} />}
      {isFacilitator && !panelOpen && <QuickControls session={session} />}
      {session.vote && vote.status && (
        <VoteBar vote={session.vote} results={vote.results} decisions={session.decisions ?? []} />
      )}
      <GroupBar session={session} />
      <DayProgramme session={session} />
      <BackToStep />
      <FollowOffer session={session} />
    </section>
  );
}

/**
 * The step's instructions: in full on large screens, folded to one line on phones and tablets
 * (a tap unfolds them). Each new step starts the device's way again (a new key).
 */
function Instructions({ text }: { text: string }) {
  const { t } = useI18n();
  const compact = useMediaQuery(COMPACT_SCREEN);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const expanded = chosen ?? !compact;
  const textId = useId();
  return (
    <div className={`fac-instructions${expanded ? ' is-expanded' : ''}`}>
      <DisclosureButton
        className="fac-icon-button fac-instructions-toggle"
        expanded={expanded}
        controls={textId}
        onToggle={setChosen}
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {t.facInstructions}
      </DisclosureButton>
      <p id={textId} className="fac-instructions-text" data-testid="instructions">
        {text}
      </p>
    </div>
  );
}

/** "Follow me" is on but this person left it (or it could not start yet): offer to rejoin. */
function FollowOffer({ session }: { session: PublicSessionState }) {
  const editor = useEditor();
  const { t } = useI18n();
  const { me } = useFacilitation();
  const follow = session.camera.follow;
  const leader = follow && follow.userId !== me ? createUserId(follow.userId) : null;
  const following = useValue(
    'following the leader',
    () => leader !== null && editor.getInstanceState().followingUserId === leader,
    [editor, leader],
  );
  if (!leader || following) return null;
  return (
    <div className="fac-row">
      <span>{t.facFollowOffer}</span>
      <button type="button" className="fac-button" onClick={() => editor.startFollowingUser(leader)}>
        {t.facFollowJoin}
      </button>
    </div>
  );
}

/** Drawn, not an emoji: emoji fonts are missing on many workstations. */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      {muted && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
    </svg>
  );
}
