import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ViewerBoard } from '@atelier/protocol';
import type { Profile } from '../shared/identity';
import type { BoardConnection } from './board-connection';

/** How this page reaches its board: by its id (participant, facilitator) or a read-only link's key. */
export type BoardAccess = { boardId: string } | { viewerKey: string };

export interface BoardContextValue {
  /** The board's public metadata; a read-only link does not learn the board's id. */
  meta: ViewerBoard;
  /** The board's id, null on a read-only link (whatever needs it is not offered there). */
  boardId: string | null;
  connection: BoardConnection;
  profile: Profile;
  /** This browser's public user id (also its tldraw user id). */
  userId: string;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard outside a board');
  return value;
}

export function useConnectionState() {
  const { connection } = useBoard();
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
