import { lazy, Suspense, useEffect, useState } from 'react';
import type { ViewerBoard } from '@atelier/protocol';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { SiteFooter } from '../shared/site-footer';
import { savedProfile, saveProfile, type Profile } from '../shared/identity';
import type { BoardAccess } from './board-context';
import { JoinDialog } from './join-dialog';

// tldraw is most of the bundle: the home page does not load it.
const BoardCanvas = lazy(() => import('./board-canvas'));

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; meta: ViewerBoard };

export function BoardPage({ access }: { access: BoardAccess }) {
  const { t } = useI18n();
  const [board, setBoard] = useState<Loaded>({ kind: 'loading' });
  const [profile, setProfile] = useState<Profile | null>(savedProfile);
  const [confirmed, setConfirmed] = useState(false);

  const boardId = 'boardId' in access ? access.boardId : null;
  const viewerKey = 'viewerKey' in access ? access.viewerKey : null;
  useEffect(() => {
    (boardId !== null ? api.board(boardId) : api.viewerBoard(viewerKey ?? '')).then(
      (meta) => {
        setBoard({ kind: 'ready', meta });
        document.title = `${meta.title} · Atelier`;
      },
      () => setBoard({ kind: 'missing' }),
    );
  }, [boardId, viewerKey]);

  if (board.kind === 'loading') {
    return (
      <main className="centered" aria-busy="true">
        <p>{t.loadingBoard}</p>
      </main>
    );
  }
  if (board.kind === 'missing') {
    return (
      <main className="centered">
        <h1>{t.boardNotFound}</h1>
        <a className="button" href="/">
          {t.backHome}
        </a>
        <SiteFooter />
      </main>
    );
  }
  if (!profile || !confirmed) {
    return (
      <JoinDialog
        boardTitle={board.meta.title}
        initial={profile}
        onJoin={(next) => {
          saveProfile(next);
          setProfile(next);
          setConfirmed(true);
        }}
      />
    );
  }
  return (
    <Suspense
      fallback={
        <main className="centered" aria-busy="true">
          <p>{t.loadingBoard}</p>
        </main>
      }
    >
      <BoardCanvas
        key={`${boardId ?? viewerKey}:${profile.name}:${profile.lab}`}
        access={access}
        meta={board.meta}
        profile={profile}
      />
    </Suspense>
  );
}
