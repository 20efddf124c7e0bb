// When a board will be deleted for lack of activity, in words (P-RET), and whether to warn.
import { deletionIsNear } from '@atelier/protocol';
import { fill } from '../facilitation/format';
import { formatDate } from '../shared/dates';
import type { Messages } from '../shared/i18n';

export function retentionText(
  deletesAt: number | null,
  t: Messages,
  locale: string,
  /** On the board itself, "open it to keep it" makes no sense. */
  onTheBoard = false,
  now = Date.now(),
): { text: string; near: boolean } {
  if (deletesAt === null) return { text: t.retentionForever, near: false };
  const near = deletionIsNear(deletesAt, now);
  const date = formatDate(deletesAt, locale);
  return {
    text: fill(near ? (onTheBoard ? t.retentionSoonHere : t.retentionSoon) : t.retentionPlanned, { date }),
    near,
  };
}
