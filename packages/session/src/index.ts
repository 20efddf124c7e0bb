export { apply, canSend } from './apply';
export type { ApplyOptions } from './apply';
export { DEFAULT_UNDO_WINDOW_MS } from './undo';
export type { Actor, ApplyResult } from './result';
export { createSession } from './create-session';
export type { CreateSessionOptions } from './create-session';
export { tick, nextAutoAdvanceAt } from './tick';
export {
  addParticipant,
  admission,
  defaultParticipantPolicy,
  setParticipantConnected,
  removeParticipant,
  type Admission,
  type ParticipantPolicy,
} from './participants';
export type { NewParticipant } from './participants';
export { publicStateEncoder, toPublicState } from './public-state';
export { voteResults, rankVote } from './vote-commands';
export { cutAt, rankCounts, resultsPerZone, sortCounts } from './vote-ranking';
export type { Cut } from './vote-ranking';
export { actualStepDurations, StepRunStatus, undoneEntries } from './session-log';
export type { StepRun } from './session-log';
export { estimateClockOffset, toServerTime, timerView, formatCountdown } from './clock';
export type { ClockSample, ClockOffset, TimerView } from './clock';
export { seededRandom } from './random';
export { firstOpenSection, type SectionBuilder } from './section-commands';
export {
  planDay,
  dayDrift,
  programmePlaces,
  clockMinutes,
  clockTime,
  type DayPlan,
  type DayDrift,
  type PlannedStep,
  type PlannedSection,
  type ProgrammePlace,
} from './programme-clock';
export { isPrivateStepNow, publicPrivateNotes } from './private-notes';
export { roomOverview } from './room-overview';
export type { GroupOverview, NoteCounts, PersonOverview, RoomOverview } from './room-overview';
