// The facilitation state's adapter: validates and authorises commands, applies them with the pure
// session machine, stores the result and sends each connected person their view of it.
import {
  describeZodError,
  ErrorCode,
  sessionCommandSchema,
  SocketEvent,
  type CommandAck,
  type PublicSessionState,
  type SessionState,
  type SocketError,
} from '@atelier/protocol';
import {
  addParticipant,
  admission,
  apply,
  nextAutoAdvanceAt,
  publicStateEncoder,
  setParticipantConnected,
  tick,
  toPublicState,
  type Actor,
  type ApplyOptions,
  type ParticipantPolicy,
} from '@atelier/session';
import { voteItemOf } from '@atelier/board-schema';
import type { TLRecord } from '@tldraw/tlschema';
import { emitEncoded } from '../encoded-emit';
import type { Logger } from '../logger';
import type { BoardSocket, SocketData } from '../socket-types';
import type { BoardStore } from '../store/board-store';
import { RateLimiter } from '../http/rate-limiter';
import type { AddressRate } from '../limits/shared-limits';
import type { PersonAdmission } from '../socket-auth';
import type { SessionTransport } from './session-transport';
import { StateBroadcasts } from './state-broadcasts';

/**
 * A shape and its ancestors (parent first) in the board's live document, wherever its room runs:
 * `[]` when there is no such shape, undefined when no process can tell.
 */
export type ShapeChainLookup = (boardId: string, shapeId: string) => Promise<readonly TLRecord[] | undefined>;

/** Told every new state of a board, made here or announced by another process. */
export type StateListener = (boardId: string, state: SessionState) => void;

export type CommandOutcome = { ok: true; state: SessionState } | { ok: false; error: SocketError };

/** How a board's people are kept and admitted (from the configuration). */
export interface PeopleRules {
  policy: ParticipantPolicy;
  /** New people (never seen on the board) per address and board. */
  newcomers: AddressRate;
}

export class SessionService {
  private readonly autoAdvanceTimers = new Map<string, NodeJS.Timeout>();
  private readonly broadcasts = new StateBroadcasts((boardId, state) =>
    this.emitToLocalSockets(boardId, state),
  );
  private readonly commandRate = new RateLimiter(20, 1000);
  /** Boards whose "connected" flags this process has checked against the real sockets. */
  private readonly reconciled = new Set<string>();
  private closed = false;
  private readonly stateListeners: StateListener[] = [];

  constructor(
    private readonly store: BoardStore,
    private readonly transport: SessionTransport,
    private readonly logger: Logger,
    private readonly shapeChain: ShapeChainLookup,
    private readonly options: ApplyOptions,
    private readonly people: PeopleRules,
    private readonly now: () => number = Date.now,
  ) {
    // Another process changed a board's state: send it to the people connected here.
    transport.onAnnouncedState((boardId, state) => {
      this.sendToLocalSockets(boardId, state);
      this.tellListeners(boardId, state);
    });
  }

  /** Calls `listener` with every new state of every board (board writes that follow a decision…). */
  onState(listener: StateListener): void {
    this.stateListeners.push(listener);
  }

  private tellListeners(boardId: string, state: SessionState): void {
    for (const listener of this.stateListeners) {
      try {
        listener(boardId, state);
      } catch (error) {
        this.logger.error({ boardId, err: (error as Error).stack }, 'a state listener failed');
      }
    }
  }

  /** Joins a freshly authenticated socket to its board's facilitation state. */
  attach(socket: BoardSocket): void {
    const { boardId, userId, name, lab, role } = socket.data;
    this.transport.join(socket);
    const sessionRole = role === 'facilitator' ? 'facilitator' : 'participant';

    // A viewer is not told the board's id: it is the participant link.
    socket.emit(SocketEvent.welcome, {
      ...(role === 'viewer' ? {} : { boardId }),
      role,
      userId,
      serverTime: this.now(),
    });
    void this.update(boardId, (state) => {
      const result = addParticipant(
        state,
        { userId, name, role: sessionRole, ...(lab ? { lab } : {}) },
        this.now(),
        this.people.policy,
      );
      // Admitted at the handshake, but the list filled up (or they were removed) meanwhile.
      if (!result.ok) {
        socket.emit(SocketEvent.error, { code: result.code, message: result.message });
        socket.disconnect(true);
      }
      return result.ok ? result.state : null;
    }).then((state) => {
      // Even when nothing changed, the newcomer needs the current state.
      if (state) this.sendStateTo(socket, state);
      if (!this.reconciled.has(boardId)) {
        this.reconciled.add(boardId);
        void this.reconcilePresence(boardId);
      }
    });

    socket.on(SocketEvent.timeSync, (request, ack) => {
      if (typeof ack !== 'function') return;
      const clientSentAt = typeof request?.clientSentAt === 'number' ? request.clientSentAt : 0;
      ack({ clientSentAt, serverTime: this.now() });
    });

    socket.on(SocketEvent.sessionCommand, (command, ack) => {
      const reply = (result: CommandAck) => {
        if (typeof ack === 'function') ack(result);
        else if (!result.ok) socket.emit(SocketEvent.error, result.error);
      };
      if (!this.commandRate.take(socket.id)) {
        reply({
          ok: false,
          error: {
            code: ErrorCode.rateLimited,
            message: 'too many commands; slow down',
            event: SocketEvent.sessionCommand,
          },
        });
        return;
      }
      if (role === 'viewer') {
        reply({
          ok: false,
          error: {
            code: ErrorCode.forbidden,
            message: 'a read-only link cannot send commands',
            event: SocketEvent.sessionCommand,
          },
        });
        return;
      }
      this.execute(boardId, command, { userId, role: sessionRole }).then(
        (outcome) => {
          // The broadcast of this change may wait for the next window: the sender sees it at once.
          const pending = this.broadcasts.waiting(boardId);
          if (outcome.ok && pending) this.sendStateTo(socket, pending);
          reply(
            outcome.ok
              ? { ok: true }
              : { ok: false, error: { ...outcome.error, event: SocketEvent.sessionCommand } },
          );
        },
        () =>
          reply({
            ok: false,
            error: {
              code: ErrorCode.storeUnavailable,
              message: 'the command could not be saved',
              event: SocketEvent.sessionCommand,
            },
          }),
      );
    });

    socket.on('disconnect', () => {
      // Another tab of the same person may still be here.
      void this.transport
        .connectedPeople(boardId)
        .then((present) => {
          if (present.some((person) => person.userId === userId)) return;
          return this.update(boardId, (state) => {
            const next = setParticipantConnected(state, userId, false, this.now(), this.people.policy);
            return next === state ? null : next;
          });
        })
        .catch((error: Error) =>
          this.logger.warn({ boardId, err: error.message }, 'could not mark a participant gone'),
        );
    });
  }

  /**
   * After a crash or restart the stored state still says people are connected. The first time this
   * process serves a board, whoever has no socket left anywhere (all processes) is marked gone.
   */
  private async reconcilePresence(boardId: string): Promise<void> {
    const presentNow = async () =>
      new Set((await this.transport.connectedPeople(boardId)).map((person) => person.userId));
    const markAll = (present: ReadonlySet<string>, connected: boolean) =>
      this.update(boardId, (state) => {
        let next = state;
        for (const person of state.participants) {
          if (person.connected !== connected && present.has(person.userId) === connected) {
            next = setParticipantConnected(next, person.userId, connected, this.now(), this.people.policy);
          }
        }
        return next === state ? null : next;
      });
    try {
      await markAll(await presentNow(), false);
      // Someone whose socket joined after the first look, but whose arrival was stored before the
      // update above, was just marked gone: their socket is in the room by now (it joins before their
      // arrival is stored), so a second look marks them back.
      await markAll(await presentNow(), true);
    } catch (error) {
      this.logger.warn({ boardId, err: (error as Error).message }, 'could not reconcile who is connected');
    }
  }

  /**
   * At the handshake: the board's cap and removed people (S-PART-7), and a budget of newcomers per
   * address and board, so that throwaway client keys cannot fill the list or multiply one person's dots.
   */
  readonly admit: PersonAdmission = async ({ boardId, userId, address, role }) => {
    const state = await this.store.loadSession(boardId);
    if (!state) return null;
    const sessionRole = role === 'facilitator' ? 'facilitator' : 'participant';
    const verdict = admission(state, { userId, role: sessionRole }, this.people.policy);
    if (!verdict.ok) return { code: verdict.code, message: verdict.message };
    if (!verdict.newcomer || role === 'facilitator') return null;
    const decision = await this.people.newcomers.take(`${boardId}:${address}`);
    if (decision.ok) return null;
    return {
      code: ErrorCode.rateLimited,
      message: `too many new people from this address on this board; try again in ${decision.retryAfterSeconds} s`,
    };
  };

  /** Validates, authorises and applies one command (from a socket or from REST). */
  async execute(boardId: string, rawCommand: unknown, actor: Actor): Promise<CommandOutcome> {
    const parsed = sessionCommandSchema.safeParse(rawCommand);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: ErrorCode.invalidPayload, message: describeZodError(parsed.error) },
      };
    }
    if (parsed.data.type === 'vote.cast') {
      const problem = await this.checkVoteItem(boardId, parsed.data.itemId);
      if (problem) return { ok: false, error: { code: ErrorCode.badRequest, message: problem } };
    }
    let refusal: SocketError | null = null;
    const state = await this.update(boardId, (current) => {
      const result = apply(current, parsed.data, actor, this.now(), undefined, this.options);
      if (!result.ok) {
        refusal = { code: result.code, message: result.message };
        return null;
      }
      return result.state;
    });
    if (refusal) return { ok: false, error: refusal };
    if (!state)
      return { ok: false, error: { code: ErrorCode.boardNotFound, message: 'no board with this id' } };
    // A removed person's connections, on every process, are told why and closed.
    if (parsed.data.type === 'participant.remove') {
      this.transport.disconnectPerson(boardId, parsed.data.userId, {
        code: ErrorCode.removed,
        message: 'the facilitator removed you from this board',
      });
    }
    return { ok: true, state };
  }

  /**
   * Dots go on items of the vote's kind (S-VOTE-7): sticky notes, or zones (frames right inside the
   * vote's frame), read in the board's live room wherever it runs. The session machine cannot see
   * the canvas, so the check is here; only when no process holds the room is it skipped.
   */
  private async checkVoteItem(boardId: string, itemId: string): Promise<string | null> {
    const vote = (await this.store.loadSession(boardId))?.vote;
    // No open vote: the session machine refuses with its own code.
    if (!vote || vote.status !== 'open') return null;
    const wanted = vote.itemKind === 'zone' ? 'a zone (a frame of the vote)' : 'a sticky note';
    if (!itemId.startsWith('shape:')) return `you can only vote on ${wanted}`;
    const chain = await this.shapeChain(boardId, itemId);
    if (chain === undefined) return null;
    if (voteItemOf(chain, vote) === itemId) return null;
    if (chain.length > 0 && voteItemOf(chain, { itemKind: vote.itemKind }) === itemId) {
      return `this ${vote.itemKind === 'zone' ? 'zone' : 'note'} is outside the frame being voted on`;
    }
    return `you can only vote on ${wanted}`;
  }

  /**
   * The role a person (by user id) is connected to a board with right now, on any process: their
   * strongest if they have several tabs open; null when they have no socket on the board.
   */
  async connectedRole(boardId: string, userId: string): Promise<SocketData['role'] | null> {
    const people = await this.transport.connectedPeople(boardId);
    const roles = new Set(people.filter((person) => person.userId === userId).map((person) => person.role));
    for (const role of ['facilitator', 'participant', 'viewer'] as const) if (roles.has(role)) return role;
    return null;
  }

  async publicState(boardId: string): Promise<PublicSessionState | null> {
    const state = await this.store.loadSession(boardId);
    return state ? toPublicState(state) : null;
  }

  /** Stores a change and, when something changed, tells every process to send it out. */
  private async update(
    boardId: string,
    change: (state: SessionState) => SessionState | null,
  ): Promise<SessionState | null> {
    let changed = false;
    const state = await this.store.updateSession(boardId, (current) => {
      const next = change(current);
      changed = next !== null && next !== current;
      return next;
    });
    if (state && changed) {
      this.sendToLocalSockets(boardId, state);
      this.transport.announceState(boardId, state);
      this.tellListeners(boardId, state);
    }
    if (state) this.scheduleAutoAdvance(boardId, state);
    return state;
  }

  /** Sends a board's state to the people connected here (see StateBroadcasts for when). */
  private sendToLocalSockets(boardId: string, state: SessionState): void {
    this.broadcasts.offer(boardId, state);
  }

  /** One person's view, to them alone. */
  private sendStateTo(socket: BoardSocket, state: SessionState): void {
    emitEncoded(socket, SocketEvent.sessionState, publicStateEncoder(state)(socket.data.userId));
  }

  /** Returns how many sockets it was sent to. */
  private emitToLocalSockets(boardId: string, state: SessionState): number {
    // Everyone's view differs only by their own dots: the rest is encoded once per broadcast.
    return this.transport.sendToBoardHere(boardId, SocketEvent.sessionState, publicStateEncoder(state));
  }

  /** Steps marked autoAdvance move on at zero even if nobody sends a command. */
  private scheduleAutoAdvance(boardId: string, state: SessionState): void {
    const existing = this.autoAdvanceTimers.get(boardId);
    if (existing) clearTimeout(existing);
    this.autoAdvanceTimers.delete(boardId);
    const at = nextAutoAdvanceAt(state);
    if (at === null || this.closed) return;
    const timer = setTimeout(
      () => {
        this.autoAdvanceTimers.delete(boardId);
        void this.update(boardId, (current) => {
          const next = tick(current, this.now());
          return next === current ? null : next;
        }).catch((error: Error) => this.logger.warn({ boardId, err: error.message }, 'auto-advance failed'));
      },
      Math.max(0, at - this.now()) + 5,
    );
    timer.unref();
    this.autoAdvanceTimers.set(boardId, timer);
  }

  /** A deleted board: its connections told and ended everywhere, its timers here dropped. */
  endBoard(boardId: string, error: SocketError): void {
    const timer = this.autoAdvanceTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.autoAdvanceTimers.delete(boardId);
    this.reconciled.delete(boardId);
    this.transport.endBoard(boardId, SocketEvent.error, error);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.autoAdvanceTimers.values()) clearTimeout(timer);
    this.autoAdvanceTimers.clear();
    this.broadcasts.close();
  }
}
