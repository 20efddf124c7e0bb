// Messages between the orchestrator and its worker processes (child_process IPC, structured clone).
import type { HistogramData } from './histogram';

export const Transport = { socketio: 'socketio', native: 'native' } as const;
export type Transport = (typeof Transport)[keyof typeof Transport];

export interface ClientSpec {
  /** Unique over the whole run: names the client's note and presence. */
  index: number;
  url: string;
  boardId: string;
  transport: Transport;
  /** Pushes a presence record once on join (a real tab always does). */
  withPresence: boolean;
}

export interface LoadPlan {
  editors: number[];
  movers: number[];
  /** Edits per second per editor. */
  editRate: number;
  /** Cursor moves per second per mover (tldraw pushes at most 30 per second with collaborators). */
  moveHz: number;
}

export interface WorkerMetrics {
  edit: HistogramData;
  cursor: HistogramData;
  /** Transport messages received by all clients of this worker. */
  messages: number;
  /** Reconnections seen during the window (should be 0 under steady load). */
  reconnects: number;
  windowMs: number;
}

export interface StopResult {
  /** Last edit sequence number per note id, per board. */
  finalSeqs: Record<string, { boardId: string; seq: number }>;
  editsSent: number;
  movesSent: number;
}

export interface VerifyResult {
  clientsChecked: number;
  /** (client, note) pairs where the client does not hold the note's last edit. */
  missing: number;
}

export type WorkerRequest =
  | { op: 'connect'; clients: ClientSpec[]; concurrency: number; timeoutMs: number }
  | { op: 'start'; plan: LoadPlan }
  | { op: 'stop' }
  | { op: 'collect' }
  | { op: 'verify'; expected: StopResult['finalSeqs'] }
  | { op: 'drop' }
  | { op: 'awaitResync'; timeoutMs: number }
  | { op: 'join'; client: ClientSpec; expectShapes: number; timeoutMs: number }
  | { op: 'seed'; client: ClientSpec; shapes: number }
  | { op: 'closeAll' }
  | { op: 'exit' };

export interface WorkerEnvelope {
  id: number;
  request: WorkerRequest;
}

export type WorkerReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
