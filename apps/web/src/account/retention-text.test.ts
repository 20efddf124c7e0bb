import { describe, expect, it } from 'vitest';
import { messages } from '../shared/i18n';
import { retentionText } from './retention-text';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2027-05-01T10:00:00Z');

describe('the planned deletion in words (P-RET-2)', () => {
  it('gives the date, and warns from two weeks before, differently on the board itself', () => {
    const t = messages.fr;
    expect(retentionText(now + 20 * DAY, t, 'fr', false, now)).toEqual({
      text: 'Suppression prévue le 21 mai 2027, sauf activité d’ici là.',
      near: false,
    });
    expect(retentionText(now + 14 * DAY, t, 'fr', false, now)).toEqual({
      text: 'Suppression le 15 mai 2027 : ouvrez le tableau pour le garder, ou exportez-le.',
      near: true,
    });
    expect(retentionText(now + 3 * DAY, t, 'fr', true, now).text).toBe(
      'Suppression le 4 mai 2027 sans nouvelle activité : exportez-le pour en garder une trace.',
    );
    expect(retentionText(null, t, 'fr', false, now)).toEqual({ text: t.retentionForever, near: false });
    expect(retentionText(now + 3 * DAY, messages.en, 'en', false, now).text).toBe(
      'Deleted on 4 May 2027: open the board to keep it, or export it.',
    );
  });
});
