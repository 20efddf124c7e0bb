// Where a session's board runs. One process: always here. Several (Redis): in the process holding
// the board's lease, reached through the relay when that is another one (cluster-router.ts).
import type { RoomRegistry, ShapeChain } from './room-registry';
import type { SessionLink, SyncSession } from './sync-session';

export interface BoardRouter {
  /** Joins a session to its board's room, wherever that runs; rejects if the board cannot be opened. */
  connect(boardId: string, session: SyncSession): Promise<SessionLink>;
  /**
   * A shape and its ancestors in the board's live room, wherever it runs (R-RELAY-8): `[]` when the
   * room has no such shape, `undefined` when no process can tell (the room is open nowhere).
   */
  shapeChain(boardId: string, shapeId: string): Promise<ShapeChain | undefined>;
  /** After the rooms closed: ends what the router itself keeps (relayed sessions, connections). */
  close(): Promise<void>;
}

/** One process, every board here. */
export class LocalBoardRouter implements BoardRouter {
  constructor(private readonly rooms: RoomRegistry) {}

  connect(boardId: string, session: SyncSession): Promise<SessionLink> {
    return this.rooms.connect(boardId, session);
  }

  shapeChain(boardId: string, shapeId: string): Promise<ShapeChain | undefined> {
    return this.rooms.shapeChain(boardId, shapeId);
  }

  async close(): Promise<void> {}
}
