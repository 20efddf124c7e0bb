// The ranked results of a vote with each note's text: the accessible form of the canvas badges.
import { useEditor } from 'tldraw';
import type { PublicVote } from '@atelier/protocol';
import { useI18n } from '../shared/i18n';
import { shapeText } from './canvas-items';
import { fill } from './format';

export function VoteResultsList({ vote, limit = 10 }: { vote: PublicVote; limit?: number }) {
  const editor = useEditor();
  const { t } = useI18n();
  const results = vote.results ?? [];
  if (results.length === 0) return <p className="fac-muted">{t.facVoteNoResults}</p>;
  return (
    <ol className="fac-results" aria-label={t.facVoteResults}>
      {results.slice(0, limit).map((result) => {
        const text = shapeText(editor, result.itemId);
        return (
          <li key={result.itemId} value={result.rank}>
            <span className="fac-result-text">
              {text === null ? t.facNoteGone : text || t.facNoteUntitled}
            </span>
            <span className="fac-result-count">{fill(t.facPoints, { count: result.count })}</span>
          </li>
        );
      })}
    </ol>
  );
}
