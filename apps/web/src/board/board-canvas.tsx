// The live board: tldraw synced over the board's Socket.IO connection.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useSync } from '@tldraw/sync';
import {
  atom,
  createUserId,
  Tldraw,
  UserRecordType,
  type TLAssetStore,
  type TLComponents,
  type TLUiOverrides,
  type TLUserStore,
} from 'tldraw';
import 'tldraw/tldraw.css';
import { assetUploadProofHeader, ErrorCode, type ClientConfig, type ViewerBoard } from '@atelier/protocol';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import {
  clientKey,
  colorFor,
  facilitatorKeyFor,
  userIdFromClientKey,
  type Profile,
} from '../shared/identity';
import { BoardConnection } from './board-connection';
import { BoardContext, useBoard, type BoardAccess } from './board-context';
import { ConnectionBadge } from './connection-badge';
import { fitContentOnOpen } from './initial-camera';
import { ServerNotice } from './server-notice';
import { PrivacyButton } from './privacy-button';
import { ShareButton } from './share-button';
import { CardsLayer } from '../cards/cards-layer';
import { CardFormOpener } from '../cards/card-form-host';
import { ExportMenu } from '../export/export-menu';
import { SocketIoSyncSocket } from '@atelier/sync-transport';
import { FacilitationHeader } from '../facilitation/facilitation-header';
import { FacilitationLayer } from '../facilitation/facilitation-layer';
import { VoteBadges } from '../facilitation/vote-badges';
import { SimilarLabsLinks } from '../cards/similar-labs-links';
import { StepToolbar } from '../live/step-actions';
import { FoldedStylePanel } from './style-panel';
import { LiveAnnouncer } from '../a11y/announcer';
import { ListViewLayer, ListViewToggle } from '../list-view/list-view-layer';
import { useFacilitation } from '../facilitation/use-facilitation';
import { participantMenuOverrides, RolePageMenu, WriteGuardLayer } from './write-guard-layer';

// Icons, fonts and translations bundled by Vite and served by our own server, never by a CDN.
const assetUrls = getAssetUrlsByImport();

type TldrawMessages = Record<string, string>;
const tldrawCatalogues = new Map<string, Promise<TldrawMessages | null>>();

/**
 * tldraw renders its English labels first and fetches another locale's catalogue once mounted, so
 * a French board flashed English menus. The catalogue is fetched before the editor mounts and handed
 * to tldraw as its starting text (its `en` override is what it shows until its own fetch lands).
 */
function tldrawCatalogue(locale: string): Promise<TldrawMessages | null> {
  let catalogue = tldrawCatalogues.get(locale);
  if (!catalogue) {
    const url = (assetUrls.translations as Record<string, string | undefined>)[locale];
    catalogue =
      locale === 'en' || !url
        ? Promise.resolve(null)
        : fetch(url)
            .then((response) => (response.ok ? (response.json() as Promise<TldrawMessages>) : null))
            // Without it tldraw still loads the catalogue itself, a moment later.
            .catch(() => null);
    tldrawCatalogues.set(locale, catalogue);
  }
  return catalogue;
}

const NO_OVERRIDES: TLUiOverrides = {};

/**
 * undefined until the first catalogue has loaded (the editor waits for it), then the overrides to
 * start tldraw with. A later change of language never unmounts the editor: tldraw loads it itself.
 */
function useStartingTranslation(locale: string): TLUiOverrides | undefined {
  const [loaded, setLoaded] = useState<TLUiOverrides | null>(null);
  useEffect(() => {
    let current = true;
    void tldrawCatalogue(locale).then((messages) => {
      if (current) setLoaded(messages ? { translations: { en: messages } } : NO_OVERRIDES);
    });
    return () => {
      current = false;
    };
  }, [locale]);
  if (loaded === null) return undefined;
  // The `en` override carries another language's text: never while English is chosen.
  return locale === 'en' ? NO_OVERRIDES : loaded;
}

/**
 * Uploads go to the board's asset route with this browser's client key: the server takes files only
 * from someone connected to the board as a participant or its facilitator. A read-only link has
 * no board id and uploads nothing (the server would refuse it anyway).
 */
function assetStoreFor(boardId: string | null): TLAssetStore {
  return {
    async upload(asset, file) {
      if (boardId === null) throw new Error('a read-only link cannot add files');
      // A new id for every file: assets never change once written.
      const assetId =
        `${asset.id.replace(/^asset:/, '')}-${encodeURIComponent(file.name).slice(0, 40)}`.replace(
          /[^A-Za-z0-9_.-]/g,
          '_',
        );
      const response = await fetch(`/api/boards/${boardId}/assets/${assetId}`, {
        method: 'PUT',
        headers: { 'Content-Type': file.type, [assetUploadProofHeader]: clientKey() },
        body: file,
      });
      if (!response.ok) throw new Error(`upload failed (${response.status})`);
      const { url } = (await response.json()) as { url: string };
      return { src: url };
    },
    resolve(asset) {
      return asset.props.src;
    },
  };
}

export default function BoardCanvas({
  access,
  meta,
  profile,
}: {
  access: BoardAccess;
  meta: ViewerBoard;
  profile: Profile;
}) {
  const boardId = 'boardId' in access ? access.boardId : null;
  // The page remounts this component for another board or profile, so one connection per mount.
  const [connection] = useState(() => {
    const person = {
      name: profile.name,
      clientKey: clientKey(),
      ...(profile.lab ? { lab: profile.lab } : {}),
    };
    // A read-only link (for a projector or a broadcast) connects with its key: the server makes it a viewer.
    if ('viewerKey' in access) return new BoardConnection({ ...person, viewerKey: access.viewerKey });
    const facilitatorKey = facilitatorKeyFor(access.boardId);
    return new BoardConnection({
      ...person,
      boardId: access.boardId,
      ...(facilitatorKey ? { facilitatorKey } : {}),
    });
  });
  const [userId, setUserId] = useState<string | null>(null);
  const [config, setConfig] = useState<ClientConfig | null>(null);

  useEffect(() => {
    connection.open();
    return () => connection.close();
  }, [connection]);

  useEffect(() => {
    let cancelled = false;
    void userIdFromClientKey(clientKey()).then((id) => !cancelled && setUserId(id));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    api.config().then(setConfig, () => setConfig({ maxMessageBytes: 0 }));
  }, []);

  if (!userId || !config) return null;
  return (
    <BoardContext.Provider value={{ meta, boardId, connection, profile, userId }}>
      <SyncedEditor licenseKey={config.tldrawLicenseKey} />
    </BoardContext.Provider>
  );
}

const components: TLComponents = {
  TopPanel: FacilitationHeader,
  PageMenu: RolePageMenu,
  InFrontOfTheCanvas: () => (
    <>
      <SimilarLabsLinks />
      <VoteBadges />
      <CardFormOpener />
    </>
  ),
  StylePanel: FoldedStylePanel,
  Toolbar: StepToolbar,
  SharePanel: () => (
    <div className="board-share-panel">
      <ListViewToggle />
      <ConnectionBadge />
      <ExportMenu />
      <ShareButton />
      <PrivacyButton />
      <ServerNotice />
    </div>
  ),
};

function SyncedEditor({ licenseKey }: { licenseKey: string | undefined }) {
  const { locale, t } = useI18n();
  const startingTranslation = useStartingTranslation(locale);
  const { meta, boardId, connection, profile, userId } = useBoard();
  const connectionState = useSyncExternalStore(connection.subscribe, connection.getState);
  const { isFacilitator } = useFacilitation();
  const overrides = useMemo(
    () => startingTranslation && [startingTranslation, ...(isFacilitator ? [] : [participantMenuOverrides])],
    [startingTranslation, isFacilitator],
  );

  // The name the board knows you by: "Participant N" once you erased yours (S-PART-9). One atom
  // for the editor's life: a new user store would rebuild the editor and close what is open.
  const shownName =
    connectionState.session?.participants.find((person) => person.userId === userId)?.name ?? profile.name;
  const currentUser = useMemo(
    () =>
      atom(
        'current user',
        UserRecordType.create({ id: createUserId(userId), name: profile.name, color: colorFor(userId) }),
      ),
    [userId, profile.name],
  );
  useEffect(() => {
    if (currentUser.get().name !== shownName) currentUser.set({ ...currentUser.get(), name: shownName });
  }, [currentUser, shownName]);
  const users = useMemo<TLUserStore>(() => ({ currentUser }), [currentUser]);
  const assets = useMemo(() => assetStoreFor(boardId), [boardId]);
  const connect = useCallback(() => new SocketIoSyncSocket(connection.socket), [connection]);
  const store = useSync({ connect, assets, users });

  if (connectionState.status === 'refused') {
    const code = connectionState.error?.code;
    return (
      <main className="centered">
        <h1>{t.statusRefused}</h1>
        {/* The board loaded, so an unknown board now is one that was deleted meanwhile. */}
        <p data-testid="refusal" data-code={code}>
          {code === ErrorCode.removed
            ? t.refusedRemoved
            : code === ErrorCode.sessionFull
              ? t.refusedFull
              : code === ErrorCode.boardNotFound
                ? t.boardDeleted
                : connectionState.error?.message}
        </p>
        {code === ErrorCode.sessionFull && (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t.retry}
          </button>
        )}
        <a className="button" href="/">
          {t.backHome}
        </a>
      </main>
    );
  }
  if (store.status === 'error') {
    return (
      <main className="centered">
        <h1>{t.syncError}</h1>
        <p>{store.error.message}</p>
      </main>
    );
  }
  return (
    <div className="board-canvas" aria-label={meta.title}>
      {overrides && (
        <Tldraw
          store={store}
          locale={locale}
          overrides={overrides}
          onMount={(editor) => {
            // tldraw's inner UI reads the locale from the user's preferences, not from the prop alone.
            editor.user.updateUserPreferences({ locale });
            fitContentOnOpen(editor, meta.template);
          }}
          assetUrls={assetUrls}
          components={components}
          {...(licenseKey ? { licenseKey } : {})}
        >
          <WriteGuardLayer />
          {/* Before the layers whose panels and toasts must show above it (same z-index, later in the page). */}
          <ListViewLayer />
          <FacilitationLayer />
          <CardsLayer />
        </Tldraw>
      )}
      <LiveAnnouncer />
    </div>
  );
}
