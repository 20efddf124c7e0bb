// The facilitator's controls, in a collapsible panel at the left of the board so the canvas stays
// usable: timer and sequence, camera, vote, groups and who is here. Everything it shows comes
// from the server's state, so a reload or a reconnection mid-step loses nothing.
import { useId, type ReactNode } from 'react';
import { useI18n } from '../shared/i18n';
import { BoardDataPanel } from './board-data-panel';
import { CameraControls } from './camera-controls';
import { FoldButton } from './fold-button';
import { GroupsPanel } from './groups-panel';
import { ParticipantsPanel } from './participants-panel';
import { StepSequence } from './step-sequence';
import { ProgrammeEditor } from './day-programme';
import { currentStepView } from './step-view';
import { TimerControls } from './timer-controls';
import { useCommand, useFacilitation } from './use-facilitation';
import { setPanelOpen, usePanelOpen } from './use-panel-open';
import { QuestionEditor } from './question-editor';
import { SessionResetButton } from './session-reset-button';
import { SummaryEditor } from './summary-editor';
import { VotePanel } from './vote-panel';
import { useRoomMessages } from '../room/room-messages';
import { RoomView } from '../room/room-view';

function Section({ title, open = false, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="fac-details" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** `list`: inside the list view, in its flow, rather than floating over the canvas. */
export function FacilitatorPanel({ placement = 'board' }: { placement?: 'board' | 'list' }) {
  const { t, locale } = useI18n();
  const { session, me, clockOffsetMs } = useFacilitation();
  const { send, error, dismiss } = useCommand();
  const room = useRoomMessages();
  const open = usePanelOpen();
  const bodyId = useId();
  const titleId = useId();

  return (
    <section
      className={`fac-panel${open ? '' : ' is-collapsed'}${placement === 'list' ? ' is-in-list' : ''}`}
      aria-labelledby={titleId}
      data-testid="facilitator-panel"
    >
      <div className="fac-panel-bar">
        <h2 id={titleId}>{t.facPanelTitle}</h2>
        <FoldButton
          open={open}
          controls={bodyId}
          showLabel={t.facPanelShow}
          hideLabel={t.facPanelHide}
          onToggle={setPanelOpen}
          glyphs={['▸', '◂']}
        />
      </div>
      <div id={bodyId} className="fac-panel-body" hidden={!open}>
        {error && (
          <p className="fac-error" role="alert">
            {error}
            <button
              type="button"
              className="fac-icon-button"
              aria-label={t.facErrorDismiss}
              onClick={dismiss}
            >
              ×
            </button>
          </p>
        )}
        {session && open && (
          <>
            <TimerControls session={session} send={send} />
            <Section
              title={room.roomSection}
              open={
                (session.helpRequests?.length ?? 0) > 0 ||
                session.steps.some((step) => step.id === session.currentStepId && step.private)
              }
            >
              <RoomView session={session} send={send} />
            </Section>
            <Section title={t.facQuestionSection}>
              <QuestionEditor key={session.question ?? ''} question={session.question ?? ''} send={send} />
            </Section>
            {session.sections && session.sections.length > 0 && (
              <Section title={locale === 'fr' ? 'Programme de la journée' : 'Programme of the day'} open>
                <ProgrammeEditor session={session} send={send} clockOffsetMs={clockOffsetMs} />
              </Section>
            )}
            <Section title={t.facSequence} open>
              <StepSequence session={session} send={send} />
              <SessionResetButton send={send} />
            </Section>
            <Section title={t.facCameraSection} open>
              <CameraControls session={session} send={send} me={me} />
            </Section>
            <Section
              title={t.facVoteSection}
              open={session.vote !== null || currentStepView(session, locale)?.step.kind === 'vote'}
            >
              <VotePanel session={session} send={send} />
            </Section>
            <Section title={t.facGroupsSection}>
              <GroupsPanel session={session} send={send} />
            </Section>
            <Section title={t.facPeopleSection}>
              <ParticipantsPanel session={session} send={send} />
            </Section>
            <Section title={t.facSummarySection}>
              <SummaryEditor key={session.summary ?? ''} summary={session.summary ?? ''} send={send} />
            </Section>
            <Section title={t.facDataSection}>
              <BoardDataPanel />
            </Section>
          </>
        )}
      </div>
    </section>
  );
}
