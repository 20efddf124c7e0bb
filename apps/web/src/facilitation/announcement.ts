// What the header's live region says: step changes, pause and "time is up", never the passing
// seconds (a screen reader reading the countdown every second would drown everything else).
import type { Messages } from '../shared/i18n';
import type { CountdownView } from './countdown';
import { fill } from './format';
import { stepPosition, type StepView } from './step-view';

export function announcement(step: StepView, view: CountdownView, t: Messages): string {
  const values = { position: stepPosition(step, t), title: step.title };
  if (view.status === 'finished') return t.facSequenceOver;
  if (view.timeUp) return fill(t.facAnnounceTimeUp, values);
  if (view.status === 'paused') return t.facAnnouncePaused;
  if (view.status === 'running') return fill(t.facAnnounceRunning, values);
  return fill(t.facAnnounceStep, values);
}
