// Who is on a board (issue "Trust under attack", row 5): throwaway client keys cannot fill the list or
// multiply one person's dots, a newcomer past the cap is told so, the facilitator can remove someone,
// and people who left long ago leave the live list but stay in the report.
import type { CreatedBoard, PublicSessionState } from '@atelier/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSessionClient,
  connectSocketIoClient,
  createBoard,
  startServer,
  testClientKey,
  type RunningServer,
  type TestSessionClient,
} from '@atelier/testkit';

let server: RunningServer;
const clients: TestSessionClient[] = [];

beforeAll(async () => {
  server = await startServer({
    env: {
      MAX_PARTICIPANTS_PER_BOARD: '5',
      MAX_NEWCOMERS_PER_IP_PER_BOARD_PER_HOUR: '3',
      LEAVERS_KEPT_MS: '1500',
    },
  });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

let addressCounter = 0;
function newAddress(): string {
  addressCounter += 1;
  return `192.0.2.${addressCounter}`;
}

function join(
  board: CreatedBoard,
  name: string,
  options: { address?: string; clientKey?: string; facilitator?: boolean } = {},
) {
  const client = connectSessionClient(server.url, {
    boardId: board.id,
    name,
    address: options.address ?? newAddress(),
    clientKey: options.clientKey ?? testClientKey(),
    ...(options.facilitator ? { facilitatorKey: board.facilitatorKey } : {}),
  });
  clients.push(client);
  return client;
}

/** Connected, or the code of the refusal (the client's `connect_error` data). */
async function outcome(client: TestSessionClient): Promise<string> {
  try {
    await client.connected();
    return 'connected';
  } catch (error) {
    return (error as Error & { data?: { code: string } }).data?.code ?? (error as Error).message;
  } finally {
    if (!client.socket.connected) client.close();
  }
}

/** A sticky note on the board (votes go on notes), written and seen in two tabs of the facilitator. */
async function noteOn(board: CreatedBoard, facilitatorClientKey: string): Promise<string> {
  const tab = {
    boardId: board.id,
    name: 'Fanny',
    facilitatorKey: board.facilitatorKey,
    clientKey: facilitatorClientKey,
  };
  const writer = connectSocketIoClient(server.url, tab);
  const reader = connectSocketIoClient(server.url, tab);
  await Promise.all([writer.loaded, reader.loaded]);
  const id = writer.addNote('Une idée');
  await reader.waitFor(() => reader.store.has(id as never), 5000, 'the note in the room');
  writer.close();
  reader.close();
  return id;
}

const names = (state: PublicSessionState) => state.participants.map((person) => person.name).sort();

describe('people on a board', () => {
  it('throwaway identities beyond the per-address rate are refused; one person with 10 keys gets 3 dots, not 10', async () => {
    const board = await createBoard(server.url, { title: 'Clés jetables' });
    const facilitatorKey = testClientKey();
    const facilitator = join(board, 'Fanny', { facilitator: true, clientKey: facilitatorKey });
    await facilitator.connected();
    const itemId = await noteOn(board, facilitatorKey);
    expect(
      await facilitator.command({ type: 'vote.open', dotsPerPerson: 1, maxDotsPerItem: 5, anonymous: true }),
    ).toEqual({ ok: true });
    // One person, one address, ten client keys (the budget: 3 newcomers per address per board per hour).
    const address = newAddress();
    const keys = Array.from({ length: 10 }, (_, i) => join(board, `Moi ${i}`, { address }));
    const results = await Promise.all(keys.map(outcome));
    expect(results.filter((result) => result === 'connected')).toHaveLength(3);
    expect(results.filter((result) => result === 'rate_limited')).toHaveLength(7);
    const acks = await Promise.all(
      keys.filter((key) => key.socket.connected).map((key) => key.command({ type: 'vote.cast', itemId })),
    );
    expect(acks).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const state = await facilitator.waitForState((seen) => seen.vote?.dotsCast === 3, '3 dots');
    expect(state.vote?.voterCount).toBe(3);
    // A known key from that address still gets back in; another address is not affected.
    const first = keys.find((key) => key.socket.connected)!;
    const again = join(board, 'Moi encore', {
      address,
      clientKey: (first.socket.auth as { clientKey: string }).clientKey,
    });
    expect(await outcome(again)).toBe('connected');
    expect(await outcome(join(board, 'Voisine'))).toBe('connected');
  });

  it('a newcomer past the cap gets session_full; a leaver makes room', async () => {
    const board = await createBoard(server.url, { title: 'Complet' });
    const facilitator = join(board, 'Fanny', { facilitator: true });
    await facilitator.connected();
    const four = ['Ana', 'Ben', 'Chloé', 'Dan'].map((name) => join(board, name));
    for (const person of four) expect(await outcome(person)).toBe('connected');
    const late = join(board, 'Eve');
    expect(await outcome(late)).toBe('session_full');
    expect(late.socket.connected).toBe(false);
    await facilitator.waitForState((state) => state.participants.length === 5, 'five people');
    four[0]!.close();
    await facilitator.waitForState(
      (state) => state.participants.some((person) => person.name === 'Ana' && !person.connected),
      'Ana gone',
    );
    // The cap counts people connected: Ana's place goes to the newcomer, Ana to the roster.
    const eve = join(board, 'Eve');
    expect(await outcome(eve)).toBe('connected');
    const state = await facilitator.waitForState((seen) => names(seen).includes('Eve'), 'Eve listed');
    expect(names(state)).toEqual(['Ben', 'Chloé', 'Dan', 'Eve', 'Fanny']);
  });

  it('the facilitator removes someone: out of the list, their dots out of the vote, their key refused', async () => {
    const board = await createBoard(server.url, { title: 'Retrait' });
    const facilitatorKey = testClientKey();
    const facilitator = join(board, 'Fanny', { facilitator: true, clientKey: facilitatorKey });
    await facilitator.connected();
    const itemId = await noteOn(board, facilitatorKey);
    const clientKey = testClientKey();
    const troll = join(board, 'Troll', { clientKey });
    const other = join(board, 'Paul');
    await Promise.all([troll.connected(), other.connected()]);
    await facilitator.command({ type: 'vote.open', dotsPerPerson: 2, maxDotsPerItem: 2, anonymous: true });
    for (const voter of [troll, troll, other]) {
      expect(await voter.command({ type: 'vote.cast', itemId })).toEqual({ ok: true });
    }
    const before = await facilitator.waitForState((state) => state.vote?.dotsCast === 3, '3 dots');
    const trollId = before.participants.find((person) => person.name === 'Troll')!.userId;

    const disconnected = new Promise<string>((resolve) => troll.socket.once('disconnect', resolve));
    expect(await facilitator.command({ type: 'participant.remove', userId: trollId })).toEqual({ ok: true });
    expect(await disconnected).toBe('io server disconnect');
    expect(troll.errors.at(-1)).toMatchObject({ code: 'removed' });
    const after = await facilitator.waitForState(
      (state) => !state.participants.some((person) => person.userId === trollId),
      'the troll gone',
    );
    expect(after.vote).toMatchObject({ dotsCast: 1, voterCount: 1 });
    expect(await outcome(join(board, 'Troll', { clientKey }))).toBe('removed');
    // A participant cannot remove anyone.
    expect(await other.command({ type: 'participant.remove', userId: trollId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const report = await (
      await fetch(`${server.url}/api/boards/${board.id}/export/report.md?names=full`)
    ).text();
    expect(report).not.toContain('Troll');
  });

  it('recent leavers stay listed; older ones leave the live list but stay in the report', async () => {
    const board = await createBoard(server.url, { title: 'Départs' });
    const facilitator = join(board, 'Fanny', { facilitator: true });
    await facilitator.connected();
    const early = join(board, 'Partie tôt');
    await early.connected();
    early.close();
    // Just left: still in the live list, shown as away.
    await facilitator.waitForState(
      (state) => state.participants.some((person) => person.name === 'Partie tôt' && !person.connected),
      'the leaver shown as away',
    );
    // LEAVERS_KEPT_MS = 1.5 s: the next arrival moves her to the roster.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const late = join(board, 'Arrivé tard');
    await late.connected();
    const state = await facilitator.waitForState(
      (seen) => names(seen).includes('Arrivé tard'),
      'the newcomer',
    );
    expect(names(state)).toEqual(['Arrivé tard', 'Fanny']);
    const report = await (
      await fetch(`${server.url}/api/boards/${board.id}/export/report.md?names=full`)
    ).text();
    expect(report).toContain('Partie tôt');
    expect(report).toContain('Arrivé tard');
    // The public session state never carries the roster.
    const publicState = (await (
      await fetch(`${server.url}/api/boards/${board.id}/session`)
    ).json()) as object;
    expect(publicState).not.toHaveProperty('pastParticipants');
  });
});
