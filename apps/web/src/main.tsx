// First: schemas read zod's configuration when they are built, as their modules load.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardPage } from './board/board-page';
import { HomePage } from './home/home-page';
import { AccessibilityPage } from './accessibility/accessibility-page';
import { PrivacyPage } from './privacy/privacy-page';
import { ACCESSIBILITY_PATH, PRIVACY_PATH } from './shared/site-footer';
import { I18nProvider } from './shared/i18n';
import './styles.css';

function Route() {
  const board = /^\/b\/([A-Za-z0-9_-]{22})\/?$/.exec(location.pathname)?.[1];
  if (board) return <BoardPage access={{ boardId: board }} />;
  // A read-only link: its key opens the board for viewing, and tells nothing of the board's id.
  const viewerKey = /^\/v\/([A-Za-z0-9_-]{32})\/?$/.exec(location.pathname)?.[1];
  if (viewerKey) return <BoardPage access={{ viewerKey }} />;
  const page = location.pathname.replace(/\/$/, '');
  if (page === PRIVACY_PATH) return <PrivacyPage />;
  if (page === ACCESSIBILITY_PATH) return <AccessibilityPage />;
  return <HomePage />;
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
