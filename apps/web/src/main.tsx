// First: schemas read zod's configuration when they are built, as their modules load.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardPage } from './board/board-page';
import { HomePage } from './home/home-page';
import { I18nProvider } from './shared/i18n';
import './styles.css';

function Route() {
  const match = /^\/b\/([A-Za-z0-9_-]{22})\/?$/.exec(location.pathname);
  return match?.[1] ? <BoardPage boardId={match[1]} /> : <HomePage />;
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Route />
    </I18nProvider>
  </StrictMode>,
);
