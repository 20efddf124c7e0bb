import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BoardMeta } from '@atelier/protocol';
import type { Profile } from '../shared/identity';
import type { BoardConnection } from './board-connection';

export interface BoardContextValue {
  meta: BoardMeta;
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
