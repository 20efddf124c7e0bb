// Mounted inside <Tldraw>: what the room shares around the work. The facilitator's banner for everyone
// (in the step's header), "Besoin d'aide" and the reactions for participants, the reactions floating from people's cursors, the
// help requests for the facilitator, and each person's private ideas during a private step.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createUserId, useEditor, useValue, type Editor } from 'tldraw';
import {
  SocketEvent,
  type HelpRequest,
  type PublicSessionState,
  type Reaction,
  type ReactionIcon,
} from '@atelier/protocol';
import { useBoard } from '../board/board-context';
import { bringTo } from '../live/step-camera';
import { fill } from '../facilitation/format';
import { useCommand, useFacilitation } from '../facilitation/use-facilitation';
import { writesPrivately } from '../live/step-ui';
import { useListViewOpen } from '../list-view/list-view-state';
import { composePrivateNote } from './private-composer';
import { PrivateNotesPanel } from './private-notes-panel';
import { ReactionGlyph, reactionIcons, reactionLabel } from './reaction-icons';
import { useRoomMessages } from './room-messages';
import './room.css';

export function RoomLayer() {
  const { session, role, isFacilitator } = useFacilitation();
  // The list view shows the private list in its own flow.
  const listView = useListViewOpen();
  if (!session) return null;
  const takesPart = role === 'participant' || role === 'facilitator';
  return (
    <>
      <FloatingReactions session={session} />
      {takesPart && <RoomDock session={session} />}
      {isFacilitator && <HelpAlerts session={session} />}
      <NoteToolToPrivateList privateNow={writesPrivately(session, role)} />
      {role === 'participant' && !listView && <PrivateNotesPanel session={session} />}
    </>
  );
}

/**
 * S-PRIV-7: during a private step tldraw's note tool (its button or N) would put an idea on the shared
 * board, which the server refuses (W-PRIVATE): it opens the private list instead.
 */
function NoteToolToPrivateList({ privateNow }: { privateNow: boolean }) {
  const editor = useEditor();
  const tool = useValue('current tool', () => editor.getCurrentToolId(), [editor]);
  useEffect(() => {
    if (!privateNow || tool !== 'note') return;
    editor.setCurrentTool('select');
    composePrivateNote();
  }, [editor, privateNow, tool]);
  return null;
}

const dismissedKey = (boardId: string | null) => `atelier.banner.dismissed.${boardId ?? 'viewer'}`;

/**
 * S-ROOM-3: the facilitator's message, until this person closes it or a new one replaces it. Shown at
 * the top of the step's header, so it covers neither the header nor the facilitator's panel.
 */
export function RoomBanner({ session }: { session: PublicSessionState }) {
  const m = useRoomMessages();
  const { boardId } = useBoard();
  const [dismissed, setDismissed] = useState<number>(() =>
    Number(localStorage.getItem(dismissedKey(boardId)) ?? 0),
  );
  const banner = session.banner;
  if (!banner || banner.seq <= dismissed) return null;
  const close = () => {
    localStorage.setItem(dismissedKey(boardId), String(banner.seq));
    setDismissed(banner.seq);
  };
  return (
    <div className="room-banner" role="status" aria-live="polite" data-testid="room-banner">
      <span className="fac-visually-hidden">{m.bannerFrom} :</span>
      <p className="room-banner-text">{banner.text}</p>
      <button
        type="button"
        className="room-banner-close"
        aria-label={m.bannerDismiss}
        title={m.bannerDismiss}
        onClick={close}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

/** Where a reaction starts: the pointer's last place on the page, or the middle of the view (touch, keyboard). */
function reactionPoint(editor: Editor): { x: number; y: number } {
  const point = editor.inputs.getCurrentPagePoint();
  const view = editor.getViewportPageBounds();
  const inside = point.x >= view.minX && point.x <= view.maxX && point.y >= view.minY && point.y <= view.maxY;
  return inside && (point.x !== 0 || point.y !== 0)
    ? { x: point.x, y: point.y }
    : { x: view.midX, y: view.midY };
}

/** Help for participants, reactions for everyone taking part: a column at the right edge. */
function RoomDock({ session }: { session: PublicSessionState }) {
  const m = useRoomMessages();
  const editor = useEditor();
  const { connection } = useBoard();
  const { me, role } = useFacilitation();
  const { send } = useCommand();
  const react = (icon: ReactionIcon) =>
    connection.socket.emit(SocketEvent.reaction, { icon, ...reactionPoint(editor) });
  const myGroup = session.participants.find((person) => person.userId === me)?.groupId;
  const mine = session.helpRequests?.find((request) => request.userId === me);
  const groupAsks = myGroup
    ? session.helpRequests?.find((request) => request.groupId === myGroup)
    : undefined;
  const asked = mine ?? groupAsks;
  return (
    <div className="room-dock" data-testid="room-dock">
      {role === 'participant' && (
        <div className="room-dock-help">
          {asked ? (
            <>
              <span className="room-help-status" role="status">
                {m.helpAsked}
                <span className="fac-visually-hidden"> {m.helpWaiting}</span>
              </span>
              {mine && (
                <button
                  type="button"
                  className="fac-button small"
                  onClick={() => void send({ type: 'help.cancel' })}
                >
                  {m.helpCancel}
                </button>
              )}
            </>
          ) : (
            <>
              <button
                type="button"
                className="fac-button room-help-button"
                onClick={() => void send({ type: 'help.request' })}
              >
                {m.helpAsk}
              </button>
              {myGroup && (
                <button
                  type="button"
                  className="fac-button small"
                  onClick={() => void send({ type: 'help.request', forGroup: true })}
                >
                  {m.helpAskGroup}
                </button>
              )}
            </>
          )}
        </div>
      )}
      <div className="room-reactions" role="group" aria-label={m.reactionsLabel}>
        {reactionIcons.map((icon) => (
          <button
            key={icon}
            type="button"
            className="room-reaction-button"
            aria-label={reactionLabel(icon, m)}
            title={reactionLabel(icon, m)}
            data-icon={icon}
            onClick={() => react(icon)}
          >
            <ReactionGlyph icon={icon} />
          </button>
        ))}
      </div>
    </div>
  );
}

interface Floating extends Reaction {
  key: number;
}

const FLOAT_MS = 2200;

/** S-ROOM-5: everyone's reactions rise from where they were sent, then vanish; never stored. */
function FloatingReactions({ session }: { session: PublicSessionState }) {
  const editor = useEditor();
  const m = useRoomMessages();
  const { connection } = useBoard();
  const [floating, setFloating] = useState<Floating[]>([]);
  const counter = useRef(0);
  useEffect(() => {
    const onReaction = (reaction: Reaction) => {
      const key = ++counter.current;
      setFloating((list) => [...list.slice(-30), { ...reaction, key }]);
      setTimeout(() => setFloating((list) => list.filter((item) => item.key !== key)), FLOAT_MS);
    };
    connection.socket.on(SocketEvent.reaction, onReaction);
    return () => {
      connection.socket.off(SocketEvent.reaction, onReaction);
    };
  }, [connection]);
  // Re-placed as the view moves.
  useValue('camera', () => editor.getCamera(), [editor]);
  const names = new Map(session.participants.map((person) => [person.userId, person.name]));
  return (
    <div className="room-floating" aria-hidden="true" data-testid="floating-reactions">
      {floating.map((reaction) => {
        const at = editor.pageToViewport(reaction);
        return (
          <div
            key={reaction.key}
            className="room-floating-item"
            data-icon={reaction.icon}
            style={{ left: at.x, top: at.y }}
            title={fill(m.reactedBy, { name: names.get(reaction.userId) ?? '' })}
          >
            <ReactionGlyph icon={reaction.icon} size={36} />
          </div>
        );
      })}
    </div>
  );
}

/** Who a request is for: the group's name, or the person's. */
export function helpRequestName(request: HelpRequest, session: PublicSessionState): string {
  const group = request.groupId
    ? session.groups?.list.find((candidate) => candidate.id === request.groupId)
    : undefined;
  const person = session.participants.find((candidate) => candidate.userId === request.userId);
  return group?.name ?? person?.name ?? '?';
}

/** "Y aller": the group's frame whole on screen, or the person's view when they have no group. */
export function useGoToRequest(session: PublicSessionState): (request: HelpRequest) => void {
  const editor = useEditor();
  return useCallback(
    (request: HelpRequest) => {
      const groupId =
        request.groupId ?? session.participants.find((person) => person.userId === request.userId)?.groupId;
      const frameId = session.groups?.list.find((group) => group.id === groupId)?.frameId;
      if (frameId && bringTo(editor, [frameId])) return;
      editor.zoomToUser(createUserId(request.userId));
    },
    [editor, session],
  );
}

/** The facilitator's list of open requests, always in view, oldest first. */
function HelpAlerts({ session }: { session: PublicSessionState }) {
  const m = useRoomMessages();
  const { send } = useCommand();
  const goTo = useGoToRequest(session);
  const requests = session.helpRequests ?? [];
  if (requests.length === 0) return null;
  return (
    <section className="room-help-alerts" aria-label={m.roomHelpAlerts} data-testid="help-alerts">
      <h2 className="fac-visually-hidden">{m.roomHelpAlerts}</h2>
      <ul>
        {requests.map((request) => {
          const name = helpRequestName(request, session);
          return (
            <li key={request.id} data-testid="help-alert">
              <span className="room-help-name">
                <strong>{m.roomHelpBadge}</strong> · {name}
              </span>
              <button
                type="button"
                className="fac-button small primary"
                aria-label={fill(m.roomGoThereLabel, { name })}
                onClick={() => goTo(request)}
              >
                {m.roomGoThere}
              </button>
              <button
                type="button"
                className="fac-button small"
                aria-label={fill(m.roomHelpClearLabel, { name })}
                onClick={() => void send({ type: 'help.clear', id: request.id })}
              >
                {m.roomHelpClear}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
