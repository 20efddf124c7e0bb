// Facilitator action of the PGO kit: after the theme vote, put the winners' engagement cards on the board.
import type { PublicVote } from '@atelier/protocol';
import { pgoThemeLabel, engagementCardsForThemes } from '@atelier/templates';
import { useEffect, useState } from 'react';
import { createShapeId, useEditor, useValue, type TLParentId } from 'tldraw';
import { useBoard, useConnectionState } from '../board/board-context';
import { fill } from '../facilitation/format';
import { ERROR_DISPLAY_MS } from '../facilitation/use-facilitation';
import { bringTo } from '../live/step-camera';
import { showEngagementAction } from '../live/step-ui';
import { useI18n } from '../shared/i18n';
import { engagementsFrameOf, themesWithCards, winningThemes } from './pgo-engagements';

export function PgoEngagementButton() {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const { connection } = useBoard();
  const { welcome, session } = useConnectionState();
  const [message, setMessage] = useState<string | null>(null);
  const frameId = useValue(
    'atelier engagements frame',
    () => engagementsFrameOf(editor.getCurrentPageShapes())?.id,
    [editor],
  );
  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), ERROR_DISPLAY_MS);
    return () => clearTimeout(timer);
  }, [message]);
  // Only where it belongs: after the vote, and at the steps worked in the engagements frame.
  if (!session || !showEngagementAction(session, welcome?.role ?? null, frameId)) return null;

  const create = async () => {
    let vote: PublicVote | null | undefined = session.vote;
    if (!vote) return setMessage(t.pgoNoClosedVote);
    // One click: an open vote (revealed or not) is closed on the way, then its final counts are used.
    if (vote.status === 'open') {
      const ack = await connection.command({ type: 'vote.close' });
      // The server sends the sender its new state before the answer: it is here now.
      vote = connection.getState().session?.vote;
      if (!ack.ok && vote?.status !== 'closed') return setMessage(t.pgoNoClosedVote);
    }
    if (!vote || vote.status !== 'closed' || !vote.results) return setMessage(t.pgoNoClosedVote);
    const getShape = (id: string) => editor.getShape(id as Parameters<typeof editor.getShape>[0]);
    const winners = winningThemes(getShape, vote.results);
    if (winners.length === 0) return setMessage(t.pgoNoWinner);
    const shapes = editor.getCurrentPageShapes();
    const frame = engagementsFrameOf(shapes);
    if (!frame) return setMessage(t.pgoNoFrame);
    const existing = themesWithCards(shapes);
    const missing = winners.filter((theme) => !existing.has(theme));
    if (missing.length === 0) return setMessage(t.pgoAlreadyThere);
    const siblings = editor.getSortedChildIdsForParent(frame.id);
    const top = siblings.length ? editor.getShape(siblings[siblings.length - 1]!)?.index : undefined;
    const cards = engagementCardsForThemes(missing, {
      parentId: frame.id as TLParentId,
      locale,
      createId: () => createShapeId(),
      ...(top ? { indexAbove: top } : {}),
    });
    editor.run(() => {
      editor.createShapes(cards);
      editor.select(...cards.map((card) => card.id));
    });
    // The engagements frame whole, clear of the header and panels, its new cards in it.
    bringTo(editor, [frame.id]);
    setMessage(
      fill(t.pgoCreated, { themes: missing.map((theme) => pgoThemeLabel(theme, locale)).join(' ; ') }),
    );
  };

  return (
    <div className="pgo-action">
      <button type="button" className="button primary" onClick={() => void create()}>
        {t.pgoCreateEngagements}
      </button>
      <p role="status" className="card-hint">
        {message}
      </p>
    </div>
  );
}
