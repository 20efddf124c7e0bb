// The storage port: everything the server persists about a board, whatever the backend.
import type { IdentityCardFields } from '@atelier/board-schema';
import type { BoardMeta, SessionState, TemplateSummary } from '@atelier/protocol';
import type { SerializedSchema } from '@tldraw/store';
import type { RoomSnapshot, TLSyncStorage } from '@tldraw/sync-core';
import type { TLRecord } from '@tldraw/tlschema';

export interface StoredBoard {
  meta: BoardMeta;
  facilitatorKeyHash: string;
}

export interface StoredAsset {
  contentType: string;
  bytes: Buffer;
}

/** What became of an asset written: assets are immutable, and a board's add up to a quota. */
export type AssetWrite = 'stored' | 'exists' | 'quota_exceeded';

/** The live storage of an open room plus the means to make it durable. */
export interface RoomStorageHandle {
  readonly storage: TLSyncStorage<TLRecord>;
  /** Resolves once everything the room has acknowledged so far is durable. */
  flush(): Promise<void>;
  /** Final flush, then releases the storage; the handle is unusable afterwards. */
  close(): Promise<void>;
  /** Releases the storage without saving anything more: the board is being deleted. */
  discard(): Promise<void>;
}

/** A board's layout and sequence saved by its facilitator, offered next to the built-in templates. */
export interface StoredTemplate {
  summary: TemplateSummary;
  /** tldraw's schema the records were written under: migrated when a board is built from them. */
  schema: SerializedSchema;
  /** Document records (pages, shapes, bindings, assets), ids as on the source board. */
  records: TLRecord[];
  /** ISO date. */
  createdAt: string;
  /**
   * The hash of the facilitator key of the board it was saved from: who may list and delete it.
   * Absent on templates saved before templates had owners.
   */
  ownerKeyHash?: string;
}

/** A saved template as listed: its summary and who owns it. */
export interface SavedTemplateEntry {
  summary: TemplateSummary;
  ownerKeyHash: string | null;
}

/**
 * A lab in the community's registry (`LABS_REGISTRY=on`): its card's fields as last published, keyed by
 * its lasting lab id, across boards and years.
 */
export interface RegistryLab {
  /** The lab id (board-schema's `labIdSchema`). */
  id: string;
  fields: IdentityCardFields;
  /** ISO date of the publication that last changed it. */
  updatedAt: string;
  /** The board it was last published from. */
  boardId: string;
}

export interface OpenRoomOptions {
  /**
   * Several processes share the store: the room's saves are made only while the board's lease names
   * this owner (checked inside each write), so a process that lost the board can never overwrite
   * what its new holder wrote. A refused save rejects with `LeaseLostError`.
   */
  leaseOwner?: string;
}

export type SessionUpdater = (current: SessionState) => SessionState | null;

/**
 * Where a board's persisted document can be read by another thread (an export worker), so that the
 * main thread neither reads nor parses it: a SQLite file, or the stored JSON texts of its records.
 */
export type DocumentSource =
  | { kind: 'sqlite'; file: string; tablePrefix: string }
  | { kind: 'json'; schema?: SerializedSchema; documents: string[] };

/** A person signed in with the identity provider (OpenID Connect). */
export interface Account {
  /** The provider's subject identifier. */
  subject: string;
  /** Lower-cased: what boards are shared by. */
  email: string;
  name?: string;
}

/**
 * A login session kept server-side under the hash of its cookie: a sign-in under way (what the
 * provider's answer is checked against) or a signed-in person.
 */
export type LoginRecord =
  | { kind: 'pending'; state: string; nonce: string; codeVerifier: string; returnTo: string }
  | { kind: 'account'; account: Account; idToken?: string };

/** Who may facilitate a board by signing in, besides whoever holds its facilitator key. */
export interface BoardFacilitators {
  /** The e-mail of the signed-in person who created it; null when created without a session. */
  createdBy: string | null;
  /** Named by a facilitator, lower-cased. */
  coFacilitators: string[];
}
export interface BoardStore {
  readonly kind: 'sqlite' | 'redis';
  /** Creates a board with its first document and facilitation state; fails if the id exists. */
  createBoard(board: StoredBoard, snapshot: RoomSnapshot, session: SessionState): Promise<void>;
  getBoard(id: string): Promise<StoredBoard | null>;
  /** Gives the board a read-only link (the hash of its key), revoking the one it had. */
  setViewerKey(boardId: string, keyHash: string): Promise<void>;
  /** The board a read-only link's key (by its hash) opens, or null. */
  boardOfViewerKey(keyHash: string): Promise<string | null>;
  /** Opens the board's document for a live room. One open handle per board per process. */
  openRoom(id: string, options?: OpenRoomOptions): Promise<RoomStorageHandle>;
  /** The persisted document, for readers that do not hold the room (exports). */
  readSnapshot(id: string): Promise<RoomSnapshot | null>;
  /** The persisted document for a worker thread to read (`readDocumentSource`); null for an unknown board. */
  documentSource(id: string): Promise<DocumentSource | null>;
  loadSession(id: string): Promise<SessionState | null>;
  /**
   * Read-modify-write of the facilitation state, atomic against concurrent writers (other
   * processes included). The updater returns null to leave the state as it is.
   */
  updateSession(id: string, update: SessionUpdater): Promise<SessionState | null>;
  /**
   * Stores an asset unless one with this id exists (assets never change: a new image gets a new
   * id) or the board's assets would then weigh more than `maxBoardBytes`; atomic against other
   * writers (other processes included).
   */
  putAsset(boardId: string, assetId: string, asset: StoredAsset, maxBoardBytes: number): Promise<AssetWrite>;
  getAsset(boardId: string, assetId: string): Promise<StoredAsset | null>;
  /** Stores a saved template; fails if the id exists. */
  saveTemplate(template: StoredTemplate): Promise<void>;
  getTemplate(id: string): Promise<StoredTemplate | null>;
  /** Every saved template's summary and owner, oldest first. */
  listTemplates(): Promise<SavedTemplateEntry[]>;
  /** Removes a saved template; false when there was none with this id. */
  deleteTemplate(id: string): Promise<boolean>;
  /** Keeps a login session until `expiresAt` (epoch ms), replacing any under the same id. */
  putLogin(idHash: string, record: LoginRecord, expiresAt: number): Promise<void>;
  /** The login session, or null when unknown or expired at `now`. */
  getLogin(idHash: string, now: number): Promise<LoginRecord | null>;
  deleteLogin(idHash: string): Promise<void>;
  /** Replaces who may facilitate a board by signing in; fails for an unknown board. */
  setBoardFacilitators(boardId: string, facilitators: BoardFacilitators): Promise<void>;
  getBoardFacilitators(boardId: string): Promise<BoardFacilitators | null>;
  /** The boards an e-mail created or co-facilitates. */
  boardsOfEmail(email: string): Promise<string[]>;
  /** Records activity on a board at `at` (epoch ms), never moving its last activity back. */
  touchBoard(boardId: string, at: number): Promise<void>;
  /** When the board last saw activity (epoch ms), or null. */
  lastActivity(boardId: string): Promise<number | null>;
  /** Boards whose last activity is before `before`, oldest first, at most `limit`. */
  boardsInactiveSince(before: number, limit: number): Promise<string[]>;
  /**
   * Deletes the board and everything of it: document, metadata, session and log, assets, read-only
   * link, facilitators, activity. False when there was no such board. Its room must be discarded.
   */
  deleteBoard(boardId: string): Promise<boolean>;
  /** The labs registry, by when each lab first came in, then by id; entries that no longer read are left out. */
  listRegistryLabs(): Promise<RegistryLab[]>;
  /** Adds or replaces these labs (by id) in one atomic write: readers see all of them or none. */
  putRegistryLabs(labs: readonly RegistryLab[]): Promise<void>;
  /** Throws when the backend cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class BoardExistsError extends Error {}
export class UnknownBoardError extends Error {}
export class TemplateExistsError extends Error {}
/** A room's save was refused: another process holds the board now. Not retried. */
export class LeaseLostError extends Error {}
