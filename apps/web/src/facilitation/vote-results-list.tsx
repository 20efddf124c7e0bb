// The ranked results of a vote, each item by its text (a note) or its name (a zone: a theme's
// column), and, for notes in a frame with columns, the dots each column gathered (S-VOTE-8): the
// accessible form of the canvas badges.
import { zoneOfChain, type ChainShape } from '@atelier/board-schema';
import type { PublicVote, VoteResult } from '@atelier/protocol';
import { resultsPerZone } from '@atelier/session';
import { useEditor, type Editor, type TLShapeId } from 'tldraw';
import { useI18n } from '../shared/i18n';
import { voteItemLabel } from './canvas-items';
import { fill } from './format';

function chainOf(editor: Editor, id: string): ChainShape[] {
  const chain: ChainShape[] = [];
  for (let shape = editor.getShape(id as TLShapeId); shape && chain.length < 32;) {
    chain.push(shape);
    shape = editor.getShape(shape.parentId as TLShapeId);
  }
  return chain;
}

export function VoteResultsList({ vote, limit = 10 }: { vote: PublicVote; limit?: number }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const results = vote.results ?? [];
  if (results.length === 0) return <p className="fac-muted">{t.facVoteNoResults}</p>;
  const zone = vote.itemKind === 'zone';
  const label = (itemId: string) => {
    const text = voteItemLabel(editor, itemId, locale);
    if (text === null) return zone ? t.voteZoneGone : t.facNoteGone;
    return text || t.facNoteUntitled;
  };
  const perZone =
    !zone && vote.frameId
      ? resultsPerZone(results, (itemId) => zoneOfChain(chainOf(editor, itemId), vote.frameId))
      : [];
  const ranked = (list: readonly VoteResult[], name: string) => (
    <ol className="fac-results" aria-label={name}>
      {list.slice(0, limit).map((result) => (
        <li key={result.itemId} value={result.rank}>
          <span className="fac-result-text">{label(result.itemId)}</span>
          <span className="fac-result-count">{fill(t.facPoints, { count: result.count })}</span>
        </li>
      ))}
    </ol>
  );
  return (
    <>
      {ranked(results, t.facVoteResults)}
      {perZone.length > 0 && <p className="fac-results-heading">{t.votePerZone}</p>}
      {perZone.length > 0 && ranked(perZone, t.votePerZone)}
    </>
  );
}
