import { describe, expect, it } from 'vitest';
import { deletionIsNear, plannedDeletion, retentionCutoff } from './retention';

const DAY = 24 * 60 * 60 * 1000;

describe('retention (P-RET)', () => {
  it('P-RET-1: a board is deleted retentionDays after its last activity; 0 keeps it forever', () => {
    expect(plannedDeletion(1_000, 180)).toBe(1_000 + 180 * DAY);
    expect(plannedDeletion(1_000, 0)).toBeNull();
    expect(retentionCutoff(200 * DAY, 180)).toBe(20 * DAY);
    expect(retentionCutoff(200 * DAY, 0)).toBeNull();
  });

  it('P-RET-2: the facilitator is warned from two weeks before', () => {
    const deletesAt = 100 * DAY;
    expect(deletionIsNear(deletesAt, deletesAt - 15 * DAY)).toBe(false);
    expect(deletionIsNear(deletesAt, deletesAt - 14 * DAY)).toBe(true);
    expect(deletionIsNear(deletesAt, deletesAt + DAY)).toBe(true);
    expect(deletionIsNear(null, 0)).toBe(false);
  });
});
