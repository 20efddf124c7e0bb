import { describe, expect, it } from 'vitest';
import { messages } from '../shared/i18n';
import { newNotesText, timerMilestone, timerMilestoneText, voteAnnouncement } from './session-announcements';

const t = messages.fr;

describe('timerMilestone', () => {
  it('fires when the running countdown reaches 5 minutes and 1 minute left, once', () => {
    expect(timerMilestone(301, 300, true)).toBe(300);
    expect(timerMilestone(300, 299, true)).toBeNull();
    expect(timerMilestone(61, 60, true)).toBe(60);
    // A second skipped (a hidden tab catching up) still counts.
    expect(timerMilestone(62, 59, true)).toBe(60);
  });

  it('says nothing on a first reading, when paused, or at the end (the step says time is up)', () => {
    expect(timerMilestone(null, 300, true)).toBeNull();
    expect(timerMilestone(301, 300, false)).toBeNull();
    expect(timerMilestone(1, 0, true)).toBeNull();
  });

  it('reads as people say it', () => {
    expect(timerMilestoneText(300, t)).toBe('Plus que 5 minutes.');
    expect(timerMilestoneText(60, t)).toBe('Plus qu’une minute.');
    expect(timerMilestoneText(60, messages.en)).toBe('One minute left.');
  });
});

describe('voteAnnouncement', () => {
  const open = { id: 'v1', status: 'open', revealed: false, results: null, dotsPerPerson: 3 } as const;
  it('announces a vote opening, with the dots to place', () => {
    expect(voteAnnouncement(null, open, t)).toBe('Vote ouvert : 3 point(s) à poser.');
    expect(voteAnnouncement(open, open, t)).toBeNull();
    // A run-off opening right after another vote is a new vote.
    expect(voteAnnouncement(open, { ...open, id: 'v2' }, t)).toMatch(/Vote ouvert/);
  });

  it('announces the results once they are shown to the person', () => {
    const closed = { ...open, status: 'closed' } as const;
    expect(voteAnnouncement(open, closed, t)).toBeNull();
    const revealed = { ...closed, revealed: true, results: [] };
    expect(voteAnnouncement(closed, revealed, t)).toBe('Vote terminé : ses résultats sont affichés.');
    expect(voteAnnouncement(revealed, revealed, t)).toBeNull();
    expect(voteAnnouncement(revealed, null, t)).toBeNull();
  });
});

describe('newNotesText', () => {
  it('counts grouped notes', () => {
    expect(newNotesText(t)(1)).toBe('Un nouveau post-it dans votre zone.');
    expect(newNotesText(t)(3)).toBe('3 nouveaux post-its dans votre zone.');
  });
});
