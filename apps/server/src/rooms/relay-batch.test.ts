import { describe, expect, it } from 'vitest';
import { RelayOutbox, type RelayedMessage } from './relay-batch';

describe('relay outbox', () => {
  it('R-RELAY-4: one batch per process and tick, in the order the room sent', async () => {
    const published: Array<[string, RelayedMessage[]]> = [];
    const outbox = new RelayOutbox((processId, messages) => published.push([processId, messages]));
    outbox.push('p1', 'a', '1');
    outbox.push('p2', 'b', '2');
    outbox.push('p1', 'c', '3');
    outbox.push('p1', 'a', '4');
    expect(published).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(published).toEqual([
      [
        'p1',
        [
          ['a', '1'],
          ['c', '3'],
          ['a', '4'],
        ],
      ],
      ['p2', [['b', '2']]],
    ]);
  });

  it('R-RELAY-4: a flush sends at once what is queued, and nothing twice', async () => {
    const published: Array<[string, RelayedMessage[]]> = [];
    const outbox = new RelayOutbox((processId, messages) => published.push([processId, messages]));
    outbox.push('p1', 'a', 'before the close');
    outbox.flush();
    expect(published).toEqual([['p1', [['a', 'before the close']]]]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(published).toHaveLength(1);
  });
});
