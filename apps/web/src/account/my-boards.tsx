// "Mes ateliers": the boards a signed-in facilitator created or co-facilitates, on any device,
// each with when it will be deleted for lack of activity (P-RET), warned two weeks before.
import { useEffect, useState } from 'react';
import type { MyBoard } from '@atelier/protocol';
import { api } from '../shared/api';
import { fill } from '../facilitation/format';
import { useI18n } from '../shared/i18n';
import { formatDate } from '../shared/dates';
import { retentionText } from './retention-text';

export function MyBoards() {
  const { t, locale } = useI18n();
  const [boards, setBoards] = useState<MyBoard[] | null>(null);
  useEffect(() => {
    api.myBoards().then(
      (list) => setBoards(list.boards),
      () => setBoards([]),
    );
  }, []);
  return (
    <section className="card my-boards" aria-labelledby="my-boards-heading" aria-busy={boards === null}>
      <h2 id="my-boards-heading">{t.myBoardsTitle}</h2>
      {boards !== null && boards.length === 0 && <p className="hint">{t.myBoardsEmpty}</p>}
      {boards && boards.length > 0 && (
        <ul className="my-boards-list">
          {boards.map((board) => {
            const retention = retentionText(board.deletesAt, t, locale);
            const created = formatDate(Date.parse(board.createdAt), locale);
            return (
              <li key={board.id}>
                <div>
                  <strong>{board.title}</strong>
                  <p className="hint">
                    {fill(board.role === 'creator' ? t.myBoardsCreator : t.myBoardsCoFacilitator, {
                      date: created,
                    })}
                  </p>
                  <p className={retention.near ? 'retention-warning' : 'hint'}>
                    {retention.near && <span aria-hidden="true">⚠ </span>}
                    {retention.text}
                  </p>
                </div>
                <a
                  className="button"
                  href={`/b/${board.id}`}
                  aria-label={fill(t.myBoardsOpenLabel, { title: board.title })}
                >
                  {t.myBoardsOpen}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
